import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, generateInitiatives, toCsvRow } from '../../bench/synthetic';
import { DEPARTMENT_CODE_PATTERN } from '../../src/domain/departments';
import { initiativeToFeature } from '../../src/domain/geojson-export';
import { PUBLISHED_PROPERTY_KEYS, SOURCE_COLUMNS, TEXT_PROPERTIES, type TextPropertySpec } from '../../src/domain/initiative';
import { loadTableSchema } from '../../src/pipeline/row-schema';
import { runOn } from './helpers';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'valid.csv');

describe('the published feature (src/domain/initiative.ts) is one shape end to end', { timeout: 120_000 }, () => {
  it('the pipeline writes bytes that load back and export byte for byte, with every property the generator gave', () => {
    const generated = [...generateInitiatives(400, 5)];
    const fixtureRows = readFileSync(FIXTURE, 'utf8').trim().split('\n').slice(1);
    const { initiatives, outputText, report } = runOn([CSV_COLUMNS.join(','), ...generated.map(toCsvRow), ...fixtureRows].join('\n'));
    expect(report.rejected).toEqual([]);
    const written = (JSON.parse(outputText) as { features: unknown[] }).features;
    expect(initiatives).toHaveLength(generated.length + fixtureRows.length);
    expect(written).toHaveLength(initiatives.length);

    initiatives.forEach((initiative, index) => {
      const feature = written[index] as { properties: Record<string, unknown> };
      // Loaded and exported again, a feature is the very text the pipeline wrote.
      expect(JSON.stringify(initiativeToFeature(initiative))).toBe(JSON.stringify(feature));
      // Always-published properties are all there, in the declared order.
      const specs: readonly TextPropertySpec[] = TEXT_PROPERTIES;
      const alwaysKeys = PUBLISHED_PROPERTY_KEYS.filter((key) => specs.find((property) => property.key === key)?.presence !== 'when-given');
      expect(Object.keys(feature.properties).filter((key) => alwaysKeys.includes(key as never))).toEqual(alwaysKeys);
    });

    generated.forEach((item, index) => {
      const { longitude, latitude, approximate, ...loaded } = initiatives[index]!;
      const { longitude: _longitude, latitude: _latitude, postalCode: _postalCode, ...expected } = item;
      expect(loaded).toEqual(expected);
      expect(approximate).toBe(false);
      expect(Math.abs(longitude - item.longitude) + Math.abs(latitude - item.latitude)).toBeLessThan(1);
    });
  });

  it('the Table Schema accepts exactly the département codes the app covers', () => {
    const pattern = loadTableSchema().fields.find((field) => field.name === 'departement')?.constraints?.pattern ?? '';
    const candidates = ['2A', '2B', '2a', '2b', '2C', ...Array.from({ length: 100 }, (_, code) => String(code).padStart(2, '0')), ...Array.from({ length: 30 }, (_, code) => String(970 + code))];
    const accepted = candidates.filter((code) => new RegExp(pattern).test(code));
    expect(accepted).toEqual(candidates.filter((code) => DEPARTMENT_CODE_PATTERN.test(code.toUpperCase())));
    expect(accepted).toContain('975');
    expect(accepted).not.toContain('977');
  });

  it('the Table Schema documents exactly the source columns, in order', () => {
    expect(loadTableSchema().fields.map((field) => field.name)).toEqual(SOURCE_COLUMNS);
  });
});
