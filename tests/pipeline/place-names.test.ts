import { describe, expect, it } from 'vitest';
import { editDistance, normalizePlaceName } from '../../src/domain/place-names';

describe('place-name normalisation (shared with the browser commune search)', () => {
  it.each([
    ['Saint-Julien-en-Born', 'St Julien en Born'],
    ['Sainte-Colombe', 'ste colombe'],
    ['Le Havre', 'Havre (Le)'],
    ['Le Havre', 'LE  HAVRE'],
    ["L'Oie", "Oie (L')"],
    ["L'Oie", 'L’Oie'],
    ['Œuilly', 'Oeuilly'],
    ['Châlons-en-Champagne', 'chalons en champagne'],
    ['Chalon-sur-Saône', 'Chalon s/ Saône'],
  ])('« %s » and « %s » are the same name', (official, typed) => {
    expect(normalizePlaceName(typed)).toBe(normalizePlaceName(official));
  });

  it.each([
    ['Saint-Denis', 'Saint-Die'],
    ['Le Havre', 'Havre'],
    ['Vaillant', 'Vaillans'],
  ])('keeps « %s » and « %s » apart', (first, second) => {
    expect(normalizePlaceName(first)).not.toBe(normalizePlaceName(second));
  });

  it('counts edits, and stops early past a limit', () => {
    expect(editDistance('vaillant', 'vaillan')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('paris', 'marseille', 2)).toBe(3);
  });
});
