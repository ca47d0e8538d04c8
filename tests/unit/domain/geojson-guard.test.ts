import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initiativeFromFeature, parseInitiativesCollection, validateFeatureWithSchema } from '../../../src/domain/geojson';
import { PUBLISHED_PROPERTY_KEYS, TEXT_PROPERTIES } from '../../../src/domain/initiative';
import { THEME_IDS } from '../../../src/domain/themes';
import { TERRITORY_IDS } from '../../../src/domain/territories';

// Values that sit on either side of a rule: the hand-written check and the schema must
// classify each of them the same way, wherever it lands in a feature.
const trickyValue = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(
    undefined, null, true, false, 0, -0, 1, -1, 180, -180, 180.0001, -180.0001, 90, -90, 90.5, -90.5,
    Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '', ' ', 'Feature', 'feature', 'Point', 'point',
    'FeatureCollection', '52499', '2A004', '2B033', '2C004', '5249', '524990', '52499\n', 'A2499', '97101', '97', '971',
    '976', '977', '2A', '2B', '2a', '00', '5', '052', ' 52', [], [1], [1, 2], [1, 2, 3], [1, 2, 'x'], ['mobilite'],
    ['mobilite', 'inconnu'], {}, { type: 'Point' }, THEME_IDS[0], TERRITORY_IDS[0], 'rural', 'Rural',
    [0, 0, Number.NaN], [0, 0, Number.POSITIVE_INFINITY], [0, 0, 12.5], [0, 0, '1'], [0, 0, null],
  ) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.array(fc.constantFrom<unknown>(...THEME_IDS, 'inconnu', 1, null), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.double(), { maxLength: 4 }) },
);

const departmentCode = fc.oneof(
  fc.integer({ min: 1, max: 95 }).map((value) => String(value).padStart(2, '0')),
  fc.constantFrom('2A', '2B', '971', '972', '973', '974', '975', '976', '00'),
);

const validFeature = fc.record({
  type: fc.constant('Feature'),
  geometry: fc.record({
    type: fc.constant('Point'),
    coordinates: fc.tuple(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    ),
  }),
  properties: fc.record(
    {
      id: fc.string({ minLength: 1 }),
      name: fc.string({ minLength: 1 }),
      themes: fc.array(fc.constantFrom(...THEME_IDS), { minLength: 1, maxLength: 3 }),
      territory: fc.constantFrom(...TERRITORY_IDS),
      commune: fc.string(),
      insee: fc.stringMatching(/^[0-9][0-9AB][0-9]{3}$/),
      department: departmentCode,
      ...Object.fromEntries(TEXT_PROPERTIES.map((property) => [property.key, fc.string()])),
      source: fc.webUrl(),
      approximate: fc.boolean(),
      extra: fc.string(),
    },
    { requiredKeys: ['id', 'name', 'themes', 'territory', 'commune', 'insee', 'department'] },
  ),
});

type Path = readonly string[];
const PATHS: Path[] = [
  [], ['type'], ['geometry'], ['geometry', 'type'], ['geometry', 'coordinates'], ['geometry', 'coordinates', '0'],
  ['geometry', 'coordinates', '1'], ['geometry', 'coordinates', '2'], ['properties'],
  ...PUBLISHED_PROPERTY_KEYS.map((key) => ['properties', key]),
  ['properties', 'themes', '0'], ['properties', 'themes', '1'],
];

/** A copy of `feature` with the value at `path` replaced (or deleted when `remove`). */
function mutate(feature: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  if (typeof feature !== 'object' || feature === null) return feature;
  const copy = structuredClone(feature) as Record<string, unknown>;
  let parent: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = parent[key];
    if (typeof next !== 'object' || next === null) return copy;
    parent = next as Record<string, unknown>;
  }
  const last = path[path.length - 1] as string;
  if (remove) delete parent[last];
  else parent[last] = value;
  return copy;
}

const anyFeature = fc.oneof(
  { weight: 1, arbitrary: validFeature },
  {
    weight: 4,
    arbitrary: fc
      .tuple(validFeature, fc.array(fc.tuple(fc.constantFrom(...PATHS), trickyValue, fc.boolean()), { minLength: 1, maxLength: 3 }))
      .map(([feature, changes]) => changes.reduce<unknown>((current, [path, value, remove]) => mutate(current, path, value, remove), feature)),
  },
);

describe('fast feature check', () => {
  it('accepts and rejects exactly the features the zod schema does, and builds the same initiative', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(anyFeature, (feature) => {
        const fast = initiativeFromFeature(feature);
        const schema = validateFeatureWithSchema(feature);
        if ('initiative' in schema) {
          accepted += 1;
          expect(fast).toEqual(schema.initiative);
        } else {
          rejected += 1;
          expect(fast).toBeNull();
        }
      }),
      { numRuns: 8_000, seed: 20261127 },
    );
    // Both sides of the rules were exercised, not only one.
    expect(accepted).toBeGreaterThan(800);
    expect(rejected).toBeGreaterThan(800);
  });

  it('still explains each rejected feature in the schema’s words and skips duplicate ids', () => {
    const good = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [5.1, 48.1] },
      properties: { id: 'a', name: 'Atelier', themes: ['mobilite'], territory: 'rural', commune: 'Chaumont', insee: '52121', department: '52' },
    };
    const { initiatives, invalid } = parseInitiativesCollection({
      type: 'FeatureCollection',
      features: [
        good,
        { ...good, properties: { ...good.properties, id: 'b', department: '2C' } },
        { ...good, geometry: { type: 'Point', coordinates: [200, 48] } },
        good,
      ],
    });
    expect(initiatives.map((initiative) => initiative.id)).toEqual(['a']);
    expect(initiatives[0]).toMatchObject({ description: '', source: '', website: '', approximate: false, longitude: 5.1 });
    expect(invalid).toHaveLength(3);
    expect(invalid[0]).toMatchObject({ index: 1 });
    expect(invalid[0]?.reason).toMatch(/^properties\.department: /);
    expect(invalid[1]?.reason).toMatch(/^geometry\.coordinates\.0: /);
    expect(invalid[2]).toEqual({ index: 3, reason: 'id en double : a' });
  });

  it('keeps only the real départements: 01–95 with 2A and 2B, 971–976', () => {
    const feature = (department: string) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [5.1, 48.1] },
      properties: { id: `d-${department}`, name: 'Atelier', themes: ['mobilite'], territory: 'rural', commune: 'Chaumont', insee: '52121', department },
    });
    const real = ['01', '19', '21', '2A', '2B', '52', '95', '971', '976'];
    const unreal = ['99', '00', '20', '96', '98', '970', '977', '988', '2C', '1', '052'];
    const { initiatives, invalid } = parseInitiativesCollection({ type: 'FeatureCollection', features: [...real, ...unreal].map(feature) });
    expect(initiatives.map((initiative) => initiative.department)).toEqual(real);
    expect(invalid).toHaveLength(unreal.length);
  });

  it('refuses a document that is not a FeatureCollection with a French message', () => {
    expect(() => parseInitiativesCollection({ type: 'FeatureCollection', features: {} })).toThrow(/FeatureCollection/);
    expect(() => parseInitiativesCollection([])).toThrow(/FeatureCollection/);
    expect(() => parseInitiativesCollection(null)).toThrow(/FeatureCollection/);
  });
});
