/// <reference lib="webworker" />
/**
 * Parses and validates the initiatives off the main thread: the 63 MB JSON parse at 100,000
 * initiatives, and the garbage it leaves, no longer hold up the page. The page fetches (so
 * the request can start with the HTML, see index.html) and hands the body stream over.
 */
import { readInitiatives } from './fetch-initiatives';
import { toColumns, transferablesOf, type InitiativeColumns } from './initiative-columns';
import type { ParsedCollection } from '../domain/geojson';

export interface LoadRequest {
  body: ReadableStream<Uint8Array>;
}

export type LoadAnswer = (
  | { ok: true; columns: InitiativeColumns; invalid: ParsedCollection['invalid'] }
  | { ok: false; message: string }
) & {
  /** Milestone name → epoch time in ms (performance.timeOrigin based), for the load profile. */
  milestones: Record<string, number>;
};

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<LoadRequest>) => {
  const milestones: Record<string, number> = {};
  const milestone = (name: string): void => {
    milestones[name] = performance.timeOrigin + performance.now();
  };
  void readInitiatives(event.data.body, milestone).then((outcome) => {
    if (!outcome.ok) {
      scope.postMessage({ ...outcome, milestones } satisfies LoadAnswer);
      return;
    }
    const columns = toColumns(outcome.initiatives);
    milestone('initiatives-posted');
    const answer: LoadAnswer = { ok: true, columns, invalid: outcome.invalid, milestones };
    scope.postMessage(answer, transferablesOf(columns));
  });
});
