import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getGazetteer } from '../../src/pipeline/gazetteer';
import { isInsideBox, type BoundingBox } from '../../src/pipeline/gazetteer-geometry';
import { readBoxes } from '../../src/pipeline/gazetteer-sources';

const gazetteer = getGazetteer();

const MAINLAND_AND_CORSICA: BoundingBox = [-5.2, 41.3, 9.6, 51.1];
const OVERSEAS_DEPARTMENTS = ['971', '972', '973', '974', '976'];
/** About 10 km: boxes are rounded to 4 decimals and some coastal towns sit on the edge. */
const TOLERANCE = 0.1;

describe('commune gazetteer', () => {
  it('is built once per run: later calls return the same gazetteer', () => {
    expect(getGazetteer()).toBe(gazetteer);
  });

  it('holds every current commune of the COG, overseas included, each with its code', () => {
    expect(gazetteer.communes).toHaveLength(34_969);
    const codes = new Set(gazetteer.communes.map((commune) => commune.code));
    expect(codes.size).toBe(34_969);
    const unresolved = gazetteer.communes.filter(
      (commune) => gazetteer.communeByCode.get(commune.code) !== commune || !/^[0-9][0-9AB][0-9]{3}$/.test(commune.code),
    );
    expect(unresolved).toEqual([]);
  });

  it('places every commune of a département inside France: mainland, Corsica or its overseas département', () => {
    const misplaced: string[] = [];
    for (const commune of gazetteer.communes) {
      if (!Number.isFinite(commune.longitude) || !Number.isFinite(commune.latitude)) misplaced.push(commune.code);
      if (commune.departmentCode.startsWith('97') && !OVERSEAS_DEPARTMENTS.includes(commune.departmentCode)) continue;
      if (commune.departmentCode.startsWith('98')) continue;
      const departmentBox = gazetteer.departmentBoxes.get(commune.departmentCode);
      const box = OVERSEAS_DEPARTMENTS.includes(commune.departmentCode) ? departmentBox : MAINLAND_AND_CORSICA;
      if (!box || !isInsideBox(commune.longitude, commune.latitude, box, TOLERANCE)) misplaced.push(commune.code);
      // A stronger check: the point is in its own département, not just somewhere in France.
      if (departmentBox && !isInsideBox(commune.longitude, commune.latitude, departmentBox, TOLERANCE)) {
        misplaced.push(`${commune.code} hors de son département`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('flags as approximate every commune of the overseas collectivités that has no own point', () => {
    const collectivityCommunes = gazetteer.communes.filter(
      (commune) => commune.departmentCode >= '975' && !OVERSEAS_DEPARTMENTS.includes(commune.departmentCode),
    );
    expect(collectivityCommunes.length).toBeGreaterThan(90);
    expect(collectivityCommunes.every((commune) => commune.approximate)).toBe(true);
  });

  it('flags the re-established communes that no box places, and keeps them in their département', () => {
    for (const code of ['14666', '15031', '15035', '15047', '15171', '85165', '85212']) {
      const commune = gazetteer.communeByCode.get(code);
      expect(commune, code).toBeDefined();
      expect(commune?.approximate, code).toBe(true);
    }
    const approximateMainland = gazetteer.communes.filter(
      (commune) => commune.approximate && !commune.departmentCode.startsWith('97') && !commune.departmentCode.startsWith('98'),
    );
    expect(approximateMainland.map((commune) => commune.code).sort()).toEqual(
      ['14666', '15031', '15035', '15047', '15171', '85165', '85212'],
    );
  });

  it('puts Vaillant (Haute-Marne) where it is, within 2 km', () => {
    const vaillant = gazetteer.communeByCode.get('52499');
    expect(vaillant?.name).toBe('Vaillant');
    // Vaillant's village is at about 47.716 N, 5.157 E.
    expect(Math.abs((vaillant?.latitude ?? 0) - 47.716)).toBeLessThan(0.02);
    expect(Math.abs((vaillant?.longitude ?? 0) - 5.157)).toBeLessThan(0.03);
    expect(vaillant?.approximate).toBe(false);
  });

  it('places a commune nouvelle missing from the boxes by the communes it absorbed', () => {
    const conques = gazetteer.communeByCode.get('12218');
    expect(conques?.name).toBe('Conques-en-Rouergue');
    expect(conques?.placement).toBe('former-communes-box');
    expect(conques?.approximate).toBe(false);
  });

  it('prefers the GeoNames town point over the box centre when the INSEE code and name match', () => {
    const ajaccio = gazetteer.communeByCode.get('2A004');
    expect(ajaccio?.placement).toBe('geonames-town');
    // Ajaccio's town hall is at about 41.919 N, 8.738 E; its commune box centre is well inland.
    expect(Math.abs((ajaccio?.latitude ?? 0) - 41.919)).toBeLessThan(0.01);
    expect(Math.abs((ajaccio?.longitude ?? 0) - 8.738)).toBeLessThan(0.01);
  });

  it('indexes former communes and arrondissements, pointing at today’s commune', () => {
    expect(gazetteer.formerCommuneByCode.get('75115')?.currentCode).toBe('75056');
    expect(gazetteer.formerCommuneByCode.get('69381')?.currentCode).toBe('69123');
    expect(gazetteer.formerCommuneByCode.get('13201')?.currentCode).toBe('13055');
    expect(gazetteer.formerCommuneByCode.get('12076')).toMatchObject({ name: 'Conques', currentCode: '12218' });
    for (const former of gazetteer.formerCommunes) {
      expect(gazetteer.communeByCode.has(former.currentCode)).toBe(true);
    }
  });

  it('gives each of the 45 arrondissements its own point, inside its city and apart from the others', () => {
    const communeBoxes = readBoxes('commune');
    const arrondissements = gazetteer.formerCommunes.filter((former) => former.kind === 'arrondissement-municipal');
    expect(arrondissements).toHaveLength(45);
    for (const { code, currentCode, point } of arrondissements) {
      expect(point, code).toBeDefined();
      const box = communeBoxes.get(currentCode) as BoundingBox;
      expect(isInsideBox(point?.longitude ?? 0, point?.latitude ?? 0, box), code).toBe(true);
    }
    expect(new Set(arrondissements.map(({ point }) => `${point?.longitude},${point?.latitude}`)).size).toBe(45);
    // East of the 15e, north of the 13e: the 11e is not Paris's centre.
    const point = (code: string) => gazetteer.formerCommuneByCode.get(code)?.point ?? { longitude: 0, latitude: 0 };
    expect(point('75111').longitude).toBeGreaterThan(point('75115').longitude);
    expect(point('75111').latitude).toBeGreaterThan(point('75113').latitude);
  });
});

describe('commune index for the browser', () => {
  it('writes one compact entry per current commune', () => {
    const directory = mkdtempSync(join(tmpdir(), 'communes-'));
    const out = join(directory, 'communes.json');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-commune-index.ts', '--out', out], { stdio: 'pipe' });
    const entries = JSON.parse(readFileSync(out, 'utf8')) as unknown[][];
    expect(entries).toHaveLength(34_969);
    expect(entries.find((entry) => entry[0] === '52499')).toEqual(['52499', 'Vaillant', '52', expect.any(Number), expect.any(Number), 46, '52160', 0]);
    const malformed = entries.filter((entry) => {
      const [code, name, department, longitude, latitude, population, postalCodes, approximate] = entry as [string, string, string, number, number, number, string, number];
      return (
        entry.length !== 8 ||
        !/^([0-9]{5}( |$))*$/.test(postalCodes) ||
        (approximate !== 0 && approximate !== 1) ||
        !/^[0-9][0-9AB][0-9]{3}$/.test(code) ||
        !name ||
        !department ||
        Math.round(longitude * 1e5) / 1e5 !== longitude ||
        Math.round(latitude * 1e5) / 1e5 !== latitude ||
        !Number.isInteger(population)
      );
    });
    expect(malformed).toEqual([]);
  });
});
