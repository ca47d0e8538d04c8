import { createCommuneIndex, parseCommuneRecords, type CommuneIndex } from '../../domain/commune-search';

/** The offline gazetteer written by scripts/build-commune-index.ts, relative to the page. */
export const COMMUNES_URL = 'data/communes.json';

let pending: Promise<CommuneIndex> | null = null;

/**
 * Fetches and indexes the ~35,000 communes once, on demand (first focus of the search field):
 * the file stays out of the initial load. A failure is forgotten so the next focus retries.
 */
export function loadCommuneIndex(url: string = COMMUNES_URL): Promise<CommuneIndex> {
  if (!pending) {
    const attempt = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<unknown>;
      })
      .then((document) => createCommuneIndex(parseCommuneRecords(document)));
    attempt.catch(() => {
      if (pending === attempt) pending = null;
    });
    pending = attempt;
  }
  return pending;
}
