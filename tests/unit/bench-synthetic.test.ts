import Papa from 'papaparse';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateInitiatives, toCsvRow, toFeature, CSV_COLUMNS } from '../../bench/synthetic';
import { planToggles, percentile } from '../../bench/toggles';
import { parseInitiativesCollection } from '../../src/domain/geojson';
import { filterInitiatives } from '../../src/domain/filtering';
import { EMPTY_FILTERS } from '../../src/domain/filters';

describe('bench synthetic data', () => {
  it('is the same for the same seed and differs for another seed', () => {
    const first = [...generateInitiatives(300, 42)];
    const again = [...generateInitiatives(300, 42)];
    const other = [...generateInitiatives(300, 43)];
    expect(again).toEqual(first);
    expect(other.map((item) => item.insee)).not.toEqual(first.map((item) => item.insee));
  });

  it('yields features the app accepts, on real communes of consistent départements', () => {
    const items = [...generateInitiatives(2000, 7)];
    const { initiatives, invalid } = parseInitiativesCollection({ type: 'FeatureCollection', features: items.map(toFeature) });
    expect(invalid).toEqual([]);
    expect(initiatives).toHaveLength(2000);
    for (const initiative of initiatives) {
      expect(initiative.insee.startsWith(initiative.department.slice(0, initiative.department.length === 3 ? 3 : 2))).toBe(true);
      expect(initiative.themes.length).toBeGreaterThanOrEqual(1);
      expect(initiative.themes.length).toBeLessThanOrEqual(3);
      expect(new Set(initiative.themes).size).toBe(initiative.themes.length);
    }
    // Weighted by population: Paris, the most populous commune, hosts more than any village.
    const paris = initiatives.filter((initiative) => initiative.insee === '75056').length;
    expect(paris).toBeGreaterThan(20);
  });

  it('writes CSV rows with one field per pipeline column', () => {
    for (const item of generateInitiatives(50, 3)) {
      const fields = Papa.parse<string[]>(toCsvRow(item)).data[0] ?? [];
      expect(fields).toHaveLength(CSV_COLUMNS.length);
    }
  });
});

describe('bench toggles', () => {
  it('expects the counts the domain filter gives, each different from the previous one', () => {
    const { initiatives } = parseInitiativesCollection({ type: 'FeatureCollection', features: [...generateInitiatives(3000, 11)].map(toFeature) });
    const toggles = planToggles(initiatives.map((initiative) => initiative.themes), 20);
    expect(toggles.length).toBe(20);
    let previous = initiatives.length;
    for (const toggle of toggles) {
      const actual = filterInitiatives(initiatives, { ...EMPTY_FILTERS, themes: toggle.selected }).length;
      expect(toggle.expectedCount).toBe(actual);
      expect(toggle.expectedCount).not.toBe(previous);
      previous = toggle.expectedCount;
    }
  });

  it('takes the nearest-rank 95th percentile', () => {
    const values = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(percentile(values, 0.95)).toBe(19);
    expect(percentile([5], 0.95)).toBe(5);
  });
});

describe('bench results file', () => {
  const path = join(import.meta.dirname, '../../bench/results.json');
  it.runIf(existsSync(path))('holds numbers named with their unit, plus machine and date', () => {
    const results = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(typeof results.machine).toBe('string');
    expect(Number.isNaN(Date.parse(String(results.date)))).toBe(false);
    const metrics = Object.entries(results).filter(([name]) => name !== 'machine' && name !== 'date');
    expect(metrics.length).toBeGreaterThanOrEqual(4);
    for (const [name, value] of metrics) {
      expect(name).toMatch(/_(ms|mb|per_s|kb)$/);
      expect(typeof value).toBe('number');
    }
  });
});
