/**
 * « vouliez-vous dire : … ? » for an unknown commune, bounded: comparing a name with the
 * 35,000 communes by edit distance cost about 50 ms, so 2,000 rows with distinct wrong names
 * took minutes. Each name's letter counts give a lower bound of the edit distance (half the
 * difference of the counts), which rules out almost every commune before the exact distance
 * is computed; answers are cached; names too long to be a commune get none.
 */
import { editDistance } from '../../domain/place-names';
import type { Commune } from './communes';

/** Letters a–z, then one bin for everything else. */
const BINS = 27;
/** A value longer than any commune name (the longest has 45 characters) is not one. */
const MAX_NAME_LENGTH = 60;
const MAX_CACHED = 10_000;
const MAX_SUGGESTIONS = 5;

function letterCounts(name: string, into: Uint8Array, offset: number): void {
  for (let index = 0; index < name.length; index += 1) {
    const code = name.charCodeAt(index) - 97;
    const bin = code >= 0 && code < 26 ? code : 26;
    const at = offset + bin;
    if ((into[at] as number) < 255) into[at] = (into[at] as number) + 1;
  }
}

/** Whether the letter counts at `offset` differ from `own` by more than `bound` in all. */
function countsDiffer(own: Uint8Array, counts: Uint8Array, offset: number, bound: number): boolean {
  let difference = 0;
  for (let bin = 0; bin < BINS; bin += 1) {
    difference += Math.abs((own[bin] as number) - (counts[offset + bin] as number));
    if (difference > bound) return true;
  }
  return false;
}

export interface SuggestionEntry {
  /** The normalised name, and the same without its article (« havre » for « le havre »). */
  name: string;
  bare: string;
  commune: Commune;
}

export class CommuneSuggestions {
  private readonly counts: Uint8Array;
  private readonly bareCounts: Uint8Array;
  private readonly cache = new Map<string, Commune[]>();

  constructor(private readonly entries: readonly SuggestionEntry[]) {
    this.counts = new Uint8Array(entries.length * BINS);
    this.bareCounts = new Uint8Array(entries.length * BINS);
    entries.forEach((entry, index) => {
      letterCounts(entry.name, this.counts, index * BINS);
      letterCounts(entry.bare, this.bareCounts, index * BINS);
    });
  }

  /** The closest communes to a normalised name, nearest first (then the most populated). */
  closest(name: string, bare: string, departments: readonly string[] | undefined): Commune[] {
    if (name.length > MAX_NAME_LENGTH) return [];
    const key = `${name}\u0000${departments?.join(',') ?? ''}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const limit = Math.max(2, Math.floor(name.length / 4));
    const own = new Uint8Array(BINS);
    const ownBare = new Uint8Array(BINS);
    letterCounts(name, own, 0);
    letterCounts(bare, ownBare, 0);
    const scored: { distance: number; commune: Commune }[] = [];
    for (let index = 0; index < this.entries.length; index += 1) {
      const entry = this.entries[index] as SuggestionEntry;
      if (departments && !departments.includes(entry.commune.departmentCode)) continue;
      // An edit changes the length by at most 1 and the letter counts by at most 2 in all.
      const nameClose = Math.abs(name.length - entry.name.length) <= limit && !countsDiffer(own, this.counts, index * BINS, 2 * limit);
      if (!nameClose) {
        const bareLimit = limit - 0.5;
        if (Math.abs(bare.length - entry.bare.length) > bareLimit || countsDiffer(ownBare, this.bareCounts, index * BINS, 2 * bareLimit)) continue;
      }
      // A match only without the article (« Havre » → « Le Havre ») ranks after a full-name match.
      const distance = Math.min(editDistance(name, entry.name, limit), editDistance(bare, entry.bare, limit) + 0.5);
      if (distance <= limit) scored.push({ distance, commune: entry.commune });
    }
    scored.sort((first, second) => first.distance - second.distance || second.commune.population - first.commune.population);
    const best = scored.slice(0, MAX_SUGGESTIONS).map((entry) => entry.commune);
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(key, best);
    return best;
  }
}
