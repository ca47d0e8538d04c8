/**
 * Normalisation of French place names, shared by the Node pipeline (geocoding a CSV) and the
 * browser's commune search, so that both agree on what "the same name" means.
 * Pure functions, no data.
 */
import { foldAccents, SAINT_ABBREVIATIONS } from './text-folding';

/** Articles that INSEE moves behind the name in its "Havre (Le)" form. */
const POSTPOSED_ARTICLES = new Set(['le', 'la', 'les', 'l', 'lo', 'los', 'las', 'el', 'der', 'die', 'das', 'den', 'het', 'd']);


/**
 * Canonical form of a commune name: lower case, no accents, « Œ » as "oe", every run of
 * hyphens, apostrophes, spaces and other punctuation as one space, « St »/« Ste » as
 * saint/sainte, « s/ » as "sur", and INSEE's postposed article put back in front
 * (« Havre (Le) » and « Le Havre » both give "le havre"; « Oie (L') » and « L'Oie » give "l oie").
 */
export function normalizePlaceName(name: string): string {
  let text = foldAccents(name).trim();
  const postposed = /^(.*?)\s*\(\s*([a-z]+)\s*['’ʼ]?\s*\)$/.exec(text);
  if (postposed && postposed[1] && postposed[2] && POSTPOSED_ARTICLES.has(postposed[2])) {
    text = `${postposed[2]} ${postposed[1]}`;
  }
  text = text.replace(/(^|[^a-z0-9])s\/\s*/g, '$1sur ');
  const words = text.split(/[^a-z0-9]+/).filter(Boolean);
  return words.map((word) => SAINT_ABBREVIATIONS.get(word) ?? word).join(' ');
}

/**
 * Levenshtein distance, stopping early once it exceeds `limit` (returns limit + 1 then):
 * suggestions only care about near misses, and the early stop keeps a France-wide scan cheap.
 */
export function editDistance(first: string, second: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(first.length - second.length) > limit) return limit + 1;
  let previous = Array.from({ length: second.length + 1 }, (_, index) => index);
  let current = new Array<number>(second.length + 1).fill(0);
  for (let row = 1; row <= first.length; row += 1) {
    current[0] = row;
    let rowMinimum = row;
    for (let column = 1; column <= second.length; column += 1) {
      const substitution = (previous[column - 1] ?? 0) + (first[row - 1] === second[column - 1] ? 0 : 1);
      const value = Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, substitution);
      current[column] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[second.length] ?? 0;
}
