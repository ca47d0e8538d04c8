import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { computeStatistics, countPracticalFacts, statisticsCsv } from '../../../src/domain/statistics';
import { departmentCircles } from '../../../src/map/department-circles';
import type { Initiative } from '../../../src/domain/initiative';
import { THEMES, THEME_IDS, type ThemeId } from '../../../src/domain/themes';
import { TERRITORIES, TERRITORY_IDS, type TerritoryId } from '../../../src/domain/territories';
import { DEPARTMENTS } from '../../../src/domain/departments';
import { anInitiative } from '../../support/builders';

function makeInitiative(index: number, themes: ThemeId[], territory: TerritoryId, department: string): Initiative {
  return anInitiative({
    id: `i${index}`, name: `Initiative ${index}`, themes, territory, commune: 'X', insee: '52499', department,
    description: '', source: '', website: '', legalForm: '', longitude: 5, latitude: 47, approximate: false,
  });
}

const initiativeArbitrary = fc.record({
  themes: fc.uniqueArray(fc.constantFrom(...THEME_IDS), { minLength: 1, maxLength: 7 }),
  territory: fc.constantFrom(...TERRITORY_IDS),
  department: fc.constantFrom('52', '62', '2A', '2B', '971', '976', '75', '01'),
});

describe('statistics of the initiatives shown', () => {
  it('equal a brute-force count per theme, territory and département', () => {
    fc.assert(
      fc.property(fc.array(initiativeArbitrary, { maxLength: 80 }), fc.array(fc.boolean(), { maxLength: 80 }), (specs, keep) => {
        const initiatives = specs.map((spec, index) => makeInitiative(index, spec.themes, spec.territory, spec.department));
        const indices = initiatives.map((_, index) => index).filter((index) => keep[index] ?? true);
        const shown = indices.map((index) => initiatives[index]!);
        const statistics = computeStatistics(initiatives, indices);

        expect(statistics.total).toBe(shown.length);
        for (const theme of THEMES) {
          const row = statistics.byTheme.find((candidate) => candidate.key === theme.id);
          expect(row?.label).toBe(theme.label);
          expect(row?.count).toBe(shown.filter((initiative) => initiative.themes.includes(theme.id)).length);
        }
        for (const territory of TERRITORIES) {
          expect(statistics.byTerritory.find((row) => row.key === territory.id)?.count).toBe(
            shown.filter((initiative) => initiative.territory === territory.id).length,
          );
        }
        const departmentCodes = new Set(shown.map((initiative) => initiative.department));
        expect(statistics.byDepartment.map((row) => row.key).sort()).toEqual([...departmentCodes].sort());
        for (const row of statistics.byDepartment) {
          expect(row.count).toBe(shown.filter((initiative) => initiative.department === row.key).length);
          expect(row.label).toBe(DEPARTMENTS.find((department) => department.code === row.key)?.name);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists the most frequent first', () => {
    const initiatives = [
      makeInitiative(0, ['mobilite'], 'rural', '52'),
      makeInitiative(1, ['mobilite', 'commerces'], 'rural', '62'),
      makeInitiative(2, ['mobilite'], 'qpv', '62'),
    ];
    const statistics = computeStatistics(initiatives, [0, 1, 2]);
    expect(statistics.byTheme.slice(0, 2).map((row) => [row.label, row.count])).toEqual([['Mobilité', 3], ['Commerces de proximité', 1]]);
    expect(statistics.byTerritory[0]).toMatchObject({ key: 'rural', count: 2 });
    expect(statistics.byDepartment.map((row) => `${row.label} ${row.count}`)).toEqual(['Pas-de-Calais 2', 'Haute-Marne 1']);
    expect(statistics.byTheme[0]?.share).toBe(1);
  });

  it('gives zero everywhere when nothing is shown', () => {
    const statistics = computeStatistics([makeInitiative(0, ['mobilite'], 'rural', '52')], []);
    expect(statistics.total).toBe(0);
    expect(statistics.byTheme.every((row) => row.count === 0 && row.share === 0)).toBe(true);
    expect(statistics.byDepartment).toEqual([]);
  });

  it('counts 100,000 initiatives exactly, and again the same on a second call', () => {
    const initiatives = Array.from({ length: 100_000 }, (_, index) =>
      makeInitiative(index, [THEME_IDS[index % 7]!, THEME_IDS[(index * 3) % 7]!], TERRITORY_IDS[index % 4]!, DEPARTMENTS[index % 101]!.code));
    const indices = initiatives.map((_, index) => index).filter((index) => index % 5 !== 0);
    const expectedPerTheme = THEME_IDS.map((theme) => indices.filter((index) => initiatives[index]!.themes.includes(theme)).length);
    const first = computeStatistics(initiatives, indices);
    // The second call reads the per-dataset columns prepared by the first: same answer.
    const again = computeStatistics(initiatives, indices);
    for (const statistics of [first, again]) {
      expect(statistics.total).toBe(80_000);
      expect(statistics.byDepartment).toHaveLength(101);
      expect(statistics.byDepartment.reduce((sum, row) => sum + row.count, 0)).toBe(80_000);
      expect(THEME_IDS.map((theme) => statistics.byTheme.find((row) => row.key === theme)?.count)).toEqual(expectedPerTheme);
    }
  });
});

describe('statistics as CSV', () => {
  it('reads back as the table, with French separators', () => {
    const initiatives = [makeInitiative(0, ['mobilite'], 'rural', '2A'), makeInitiative(1, ['mobilite'], 'rural', '52'), makeInitiative(2, ['alimentation'], 'urbain', '52')];
    const statistics = computeStatistics(initiatives, [0, 1, 2]);
    const csv = statisticsCsv('departments', statistics.byDepartment);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ['code département', 'département', 'initiatives', 'part des initiatives (%)'],
      ['52', 'Haute-Marne', '2', '66,7'],
      ['2A', 'Corse-du-Sud', '1', '33,3'],
    ]);
    const themes = Papa.parse<string[]>(statisticsCsv('themes', statistics.byTheme).slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(themes[1]).toEqual(['Mobilité', '2', '66,7']);
    expect(themes).toHaveLength(8);
  });

  it('never lets a label run as a spreadsheet formula', () => {
    const csv = statisticsCsv('themes', [{ key: 'x', label: '=HYPERLINK("http://evil")\nsecond', count: 1, share: 1 }]);
    const row = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data[1]!;
    expect(row[0]!.startsWith("'=")).toBe(true);
  });
});

describe('proportional circles per département', () => {
  it('puts one circle per département inside its territory, area proportional to the count', () => {
    const boxes = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@etalab/fr-bounding-boxes/dist/departements.json'), 'utf8')) as { id: string; bbox: number[] }[];
    const initiatives = [
      ...Array.from({ length: 16 }, (_, index) => makeInitiative(index, ['mobilite'], 'rural', '52')),
      ...Array.from({ length: 4 }, (_, index) => makeInitiative(16 + index, ['mobilite'], 'rural', '2A')),
      makeInitiative(20, ['mobilite'], 'rural', '974'),
    ];
    const statistics = computeStatistics(initiatives, initiatives.map((_, index) => index));
    const circles = departmentCircles(statistics.byDepartment, 40, 0);
    expect(circles.features.map((feature) => [feature.properties.department, feature.properties.count])).toEqual([['52', 16], ['2A', 4], ['974', 1]]);
    for (const feature of circles.features) {
      const [west, south, east, north] = boxes.find((box) => box.id === `fr:departement:${feature.properties.department}`)!.bbox as [number, number, number, number];
      const [longitude, latitude] = feature.geometry.coordinates;
      expect(longitude).toBeGreaterThan(west);
      expect(longitude).toBeLessThan(east);
      expect(latitude).toBeGreaterThan(south);
      expect(latitude).toBeLessThan(north);
    }
    const [hauteMarne, corseDuSud, reunion] = circles.features.map((feature) => feature.properties.radius);
    expect(hauteMarne).toBe(40);
    // Four times fewer initiatives: a quarter of the area, half the radius.
    expect(corseDuSud).toBeCloseTo(20);
    expect(reunion).toBeCloseTo(10);
  });
});

describe('practical information counts', () => {
  it('count each fact once per initiative shown, and recent checks only', () => {
    const base = makeInitiative(0, ['mobilite'], 'rural', '52');
    const initiatives: Initiative[] = [
      { ...base, id: 'a', phone: '+33325000000', verifiedAt: '2025-03' },
      { ...base, id: 'b', phone: '+33325000001', email: 'a@b.fr', verifiedAt: '2020-01-15' },
      { ...base, id: 'c', address: '1 rue de la Gare', openingHours: '24/7', siret: '13002526500013' },
    ];
    const rows = countPracticalFacts(initiatives, [0, 1, 2], new Date(2026, 11, 7));
    expect(rows.map((row) => [row.key, row.count])).toEqual([
      ['address', 1], ['phone', 2], ['email', 1], ['openingHours', 1], ['siret', 1], ['verifiedAt', 1],
    ]);
    expect(countPracticalFacts(initiatives, [2], new Date(2026, 11, 7)).find((row) => row.key === 'phone')?.share).toBe(0);
    const csv = statisticsCsv('practical', rows);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFinformation;initiatives;part des initiatives (%)');
    expect(csv.split('\r\n')[2]).toBe('Téléphone;2;66,7');
  });
});
