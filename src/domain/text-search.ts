/**
 * The text search over one dataset: every initiative's name, commune and description folded
 * once (in idle slices, see prepareStep), then each query a scan of those texts.
 */
import type { Initiative } from './initiative';
import { queryTerms, SearchTextFolder } from './text-folding';

export class TextSearch {
  private texts: readonly string[] = [];
  private readonly folder = new SearchTextFolder();
  private lastQuery: { folded: string; matches: Uint8Array; matched: Uint32Array } | null = null;

  constructor(private readonly initiatives: readonly Initiative[]) {}

  /** Folds every search text (a few hundred ms at 100,000). */
  prepare(): readonly string[] {
    while (!this.prepareStep(Number.POSITIVE_INFINITY));
    return this.texts;
  }

  /**
   * Folds search texts for at most about `budgetMs`, from where the previous step stopped; true
   * once all are done. Lets the page prepare them in idle slices without holding up a frame.
   */
  prepareStep(budgetMs: number): boolean {
    const { folder, initiatives } = this;
    if (this.texts.length === initiatives.length) return true;
    const started = performance.now();
    while (folder.count < initiatives.length) {
      const initiative = initiatives[folder.count] as Initiative;
      folder.add(initiative.name, initiative.commune, initiative.description);
      // Checking the clock every 64 texts keeps its cost out of the loop.
      if ((folder.count & 63) === 0 && performance.now() - started >= budgetMs) return false;
    }
    while (!folder.decodeStep()) {
      if (performance.now() - started >= budgetMs) return false;
    }
    this.texts = folder.texts;
    return true;
  }

  /** 1 for each initiative whose name, commune or description contains every word of the query; null when the query is empty. */
  matches(query: string): Uint8Array | null {
    const terms = queryTerms(query);
    if (terms.length === 0) return null;
    const folded = terms.map((spellings) => spellings[0]).join(' ');
    const last = this.lastQuery;
    if (last?.folded === folded) return last.matches;
    const texts = this.prepare();
    const size = this.initiatives.length;
    const matches = new Uint8Array(size);
    // Typing on: a query that extends the previous one can only keep fewer initiatives
    // (every longer word contains the shorter), so only the previous matches are scanned.
    const candidates = last && folded.startsWith(last.folded) ? last.matched : null;
    const candidateCount = candidates ? candidates.length : size;
    const matched = new Uint32Array(candidateCount);
    let matchedCount = 0;
    for (let cursor = 0; cursor < candidateCount; cursor += 1) {
      const position = candidates ? (candidates[cursor] as number) : cursor;
      if (containsEveryTerm(texts[position] as string, terms)) {
        matches[position] = 1;
        matched[matchedCount] = position;
        matchedCount += 1;
      }
    }
    this.lastQuery = { folded, matches, matched: matched.slice(0, matchedCount) };
    return matches;
  }
}

/** Whether `text` contains, for every term, one of its spellings. */
function containsEveryTerm(text: string, terms: readonly string[][]): boolean {
  for (const spellings of terms) {
    let found = false;
    for (const spelling of spellings) {
      if (text.includes(spelling)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}
