import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Initiative } from '../../../src/domain/initiative';
import { THEME_IDS } from '../../../src/domain/themes';
import { TERRITORY_IDS } from '../../../src/domain/territories';
import { fromColumns, toColumns, transferablesOf } from '../../../src/state/initiative-columns';

const FIELDS: (keyof Initiative)[] = [
  'id', 'name', 'themes', 'territory', 'commune', 'insee', 'department', 'description', 'source', 'website',
  'legalForm', 'longitude', 'latitude', 'approximate',
];

// Text with accents, typographic apostrophes, emoji (surrogate pairs) and empty values: what
// a French dataset holds and what an encoding slip would mangle.
const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('', 'Café’Vélo — Saint-Étienne 🚲', 'Œuvre', 'a\u0000b'));

const initiative: fc.Arbitrary<Initiative> = fc.record({
  id: fc.string({ minLength: 1 }),
  name: text,
  themes: fc.array(fc.constantFrom(...THEME_IDS), { minLength: 1, maxLength: 3 }),
  territory: fc.constantFrom(...TERRITORY_IDS),
  commune: fc.constantFrom('Chaumont', 'Saint-Étienne', 'L’Haÿ-les-Roses', ''),
  insee: fc.constantFrom('52121', '42218', '94038'),
  department: fc.constantFrom('52', '42', '94', '2A', '971'),
  description: text,
  source: text,
  website: text,
  legalForm: text,
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
  latitude: fc.double({ min: -90, max: 90, noNaN: true }),
  approximate: fc.boolean(),
});

/** What the page receives from the worker: the columns cloned, their buffers moved. */
function throughPostMessage(initiatives: Initiative[]): Initiative[] {
  const columns = toColumns(initiatives);
  return fromColumns(structuredClone(columns, { transfer: transferablesOf(columns) }));
}

describe('initiatives handed from the load worker to the page', () => {
  it('arrive with every field as loaded, in the same order', () => {
    fc.assert(
      fc.property(fc.array(initiative, { maxLength: 40 }), (initiatives) => {
        const received = throughPostMessage(initiatives);
        expect(received).toHaveLength(initiatives.length);
        received.forEach((copy, row) => {
          const original = initiatives[row] as Initiative;
          for (const field of FIELDS) expect(copy[field]).toEqual(original[field]);
        });
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('serialise to the same JSON as a plain initiative', () => {
    const original: Initiative = {
      id: 'velo-solidaire', name: 'Vélo’Solidaire', themes: ['mobilite', 'economie-circulaire'], territory: 'qpv',
      commune: 'Chaumont', insee: '52121', department: '52', description: 'Atelier d’autoréparation 🚲', source: 'https://example.org/a',
      website: '', legalForm: 'Association', longitude: 5.14, latitude: 48.11, approximate: true,
    };
    const [received] = throughPostMessage([original]);
    expect(JSON.parse(JSON.stringify(received))).toEqual(original);
  });

  it('do not share theme lists between initiatives', () => {
    const base = { territory: 'rural', commune: 'Chaumont', insee: '52121', department: '52', description: '', source: '', website: '', legalForm: '', longitude: 5, latitude: 48, approximate: false } as const;
    const received = throughPostMessage([
      { ...base, id: 'a', name: 'A', themes: ['mobilite'] },
      { ...base, id: 'b', name: 'B', themes: ['mobilite'] },
    ]);
    expect(received[0]?.themes).not.toBe(received[1]?.themes);
  });
});
