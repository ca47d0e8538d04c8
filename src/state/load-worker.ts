/// <reference lib="webworker" />
/**
 * Fetches, parses and validates the initiatives off the main thread: the 63 MB JSON parse at
 * 100,000 initiatives, and the garbage it leaves, no longer hold up the page.
 */
import { fetchInitiatives } from './fetch-initiatives';
import { toColumns, transferablesOf, type InitiativeColumns } from './initiative-columns';
import type { ParsedCollection } from '../domain/geojson';

export interface LoadRequest {
  /** Absolute URL: a worker resolves relative ones against its own script, not the page. */
  url: string;
}

export type LoadAnswer =
  | { ok: true; columns: InitiativeColumns; invalid: ParsedCollection['invalid'] }
  | { ok: false; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<LoadRequest>) => {
  void fetchInitiatives(event.data.url).then((outcome) => {
    if (!outcome.ok) {
      scope.postMessage(outcome satisfies LoadAnswer);
      return;
    }
    const columns = toColumns(outcome.initiatives);
    const answer: LoadAnswer = { ok: true, columns, invalid: outcome.invalid };
    scope.postMessage(answer, transferablesOf(columns));
  });
});
