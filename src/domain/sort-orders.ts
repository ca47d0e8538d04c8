/**
 * The list's sort orders, computed once per dataset as permutations of its indices, so that a
 * filter change only has to pick the kept indices out of them (orderIndices).
 */
import type { Initiative } from './initiative';
import { foldText } from './text-folding';

/** A key whose plain string order is the French alphabetical order, numbers in natural order. */
function sortKey(text: string): string {
  const folded = foldText(text);
  return /[0-9]/.test(folded) ? folded.replace(/[0-9]+/g, (digits) => digits.padStart(12, '0')) : folded;
}

/** Sort keys of repeated texts (communes) computed once each. */
function memoizedSortKeys(texts: readonly string[]): string[] {
  const cache = new Map<string, string>();
  return texts.map((text) => {
    let key = cache.get(text);
    if (key === undefined) {
      key = sortKey(text);
      cache.set(text, key);
    }
    return key;
  });
}

/** Order by keys, then by `tieBreak` (plain comparison of pre-folded keys: a collator is several times slower at 100,000). */
function orderByKeys(keys: readonly string[], tieBreak: (left: number, right: number) => number): Uint32Array {
  const order = new Uint32Array(keys.length);
  for (let position = 0; position < order.length; position += 1) order[position] = position;
  return order.sort((left, right) => {
    const a = keys[left] as string;
    const b = keys[right] as string;
    return a < b ? -1 : a > b ? 1 : tieBreak(left, right) || left - right;
  });
}

/** Indices sorted by name (French alphabetical order), ties by commune. */
export function nameOrder(initiatives: readonly Initiative[]): Uint32Array {
  // Communes only break ties between equal names: their keys are built on demand.
  let communeKeys: string[] | null = null;
  return orderByKeys(initiatives.map((initiative) => sortKey(initiative.name)), (left, right) => {
    communeKeys ??= memoizedSortKeys(initiatives.map((initiative) => initiative.commune));
    const a = communeKeys[left] as string;
    const b = communeKeys[right] as string;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** Indices sorted by commune, then in `byName` order. */
export function communeOrder(initiatives: readonly Initiative[], byName: Uint32Array): Uint32Array {
  const nameRank = new Uint32Array(initiatives.length);
  byName.forEach((index, rank) => {
    nameRank[index] = rank;
  });
  return orderByKeys(
    memoizedSortKeys(initiatives.map((initiative) => initiative.commune)),
    (left, right) => (nameRank[left] as number) - (nameRank[right] as number),
  );
}

/** The kept indices in the order of `order` (a pre-sorted permutation), without re-sorting. */
export function orderIndices(order: Uint32Array, kept: readonly number[], size: number): Uint32Array {
  if (kept.length === size) return order;
  const keptMask = new Uint8Array(size);
  for (const index of kept) keptMask[index] = 1;
  const result = new Uint32Array(kept.length);
  let cursor = 0;
  for (let position = 0; position < order.length; position += 1) {
    const index = order[position] as number;
    if (keptMask[index] === 1) {
      result[cursor] = index;
      cursor += 1;
    }
  }
  return result;
}
