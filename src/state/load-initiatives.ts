import { readInitiatives, requestInitiatives, type LoadOutcome } from './fetch-initiatives';
import { fromColumns } from './initiative-columns';
import type { LoadAnswer, LoadRequest } from './load-worker';
import { useAppStore } from './store';

/** Where the app finds its data, relative to the page (CONTRACT §3); index.html preloads it. */
export const DATA_URL = 'data/initiatives.geojson';

/** Each call gets a number; an answer arriving after a newer call started is dropped. */
let latestLoad = 0;

/**
 * Parses the body in a module worker. Rejects, leaving the body unread, when no worker can
 * take it (no Worker, a policy forbidding it, a browser that cannot transfer streams), so the
 * caller can parse it here instead.
 */
function readInWorker(body: ReadableStream<Uint8Array>): Promise<LoadOutcome> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module', name: 'chargement-initiatives' });
      const request: LoadRequest = { body };
      worker.postMessage(request, [body as unknown as Transferable]);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    worker.addEventListener('message', (event: MessageEvent<LoadAnswer>) => {
      worker.terminate();
      const answer = event.data;
      // The worker's milestones on the page's timeline, beside the page's own (bench/README.md).
      for (const [name, epoch] of Object.entries(answer.milestones)) {
        performance.mark(name, { startTime: Math.max(0, epoch - performance.timeOrigin) });
      }
      resolve(answer.ok ? { ok: true, initiatives: fromColumns(answer.columns), invalid: answer.invalid } : { ok: false, message: answer.message });
    });
    const fail = (reason: string) => {
      worker.terminate();
      resolve({ ok: false, message: `Le chargement des initiatives a échoué (${reason}). Réessayez.` });
    };
    // Once the stream has moved to the worker it cannot be read here again: report, don't retry.
    worker.addEventListener('error', (event) => fail(event.message || 'erreur du chargeur'));
    worker.addEventListener('messageerror', () => fail('réponse illisible'));
  });
}

/** Fetches, validates and stores the initiatives; any failure becomes a readable French message. */
export async function loadInitiatives(url: string = DATA_URL): Promise<void> {
  const load = (latestLoad += 1);
  const store = useAppStore.getState();
  store.setLoading();
  const request = await requestInitiatives(url);
  let outcome: LoadOutcome;
  if (!request.ok) {
    outcome = request;
  } else {
    const { response } = request;
    outcome = typeof Worker === 'function' && response.body
      ? await readInWorker(response.body).catch(() => readInitiatives(response))
      : await readInitiatives(response);
  }
  if (load !== latestLoad) return;
  // Milestones for the benchmark's load profile (bench/README.md).
  performance.mark('initiatives-received');
  if (!outcome.ok) {
    store.setError(outcome.message);
    return;
  }
  if (outcome.invalid.length > 0) {
    console.warn(`${outcome.invalid.length} initiative(s) ignorée(s) car invalides`, outcome.invalid.slice(0, 20));
  }
  store.setInitiatives(outcome.initiatives);
  performance.mark('initiatives-stored');
}
