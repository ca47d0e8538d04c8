import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldSearchText, SearchTextFolder } from '../../../src/domain/text-folding';

/** Pieces French data is made of, and some it should not hold, to build texts from. */
const PIECES = ['St', 'ste', 'STES', 'sts', 'st2', 'Saint-Étienne', 'Œuvre', 'Straße', 'Æ', 'l’été', 'e\u0301', ' ', '  ', '-', '’', '\u202f', '\t', 'Ǆ', 'İ', 'K', 'α', 'Ω', '中', '😀', '\u0301', '\u20dd', 'À', 'ç', '1', 'a', 'é', '«', '»', '…'];

const textArbitrary = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Folds the texts, turned into strings `chunkBytes` at a time (by default all at once). */
function foldAll(texts: readonly (readonly string[])[], chunkBytes?: number): readonly string[] {
  const folder = new SearchTextFolder();
  for (const parts of texts) folder.add(...parts);
  if (chunkBytes !== undefined) while (!folder.decodeStep(chunkBytes));
  return folder.finish();
}

describe('folding many search texts at once', () => {
  it('gives, for each text, what foldSearchText gives for its parts joined by spaces', () => {
    fc.assert(
      fc.property(fc.array(fc.array(textArbitrary, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), (texts) => {
        const expected = texts.map((parts) => foldSearchText(parts.join(' ')));
        expect(foldAll(texts)).toEqual(expected);
        expect(foldAll(texts, 7)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('expands saint abbreviations, strips accents and marks, joins nothing across parts', () => {
    expect(foldAll([['Café de la gare', 'St-Étienne', 'Ste Foy, stes, sts, st2'], ['Œuvre’s', '', 'Straße e\u0301te\u0301']])).toEqual([
      'cafe de la gare saint etienne sainte foy saintes saints st2',
      'oeuvre s strasse ete',
    ]);
  });

  it('grows past its first buffer without losing a byte', () => {
    const long = 'Épicerie solidaire du quartier St Michel, '.repeat(4000);
    expect(foldAll([[long], ['x']])).toEqual([foldSearchText(long), 'x']);
  });
});
