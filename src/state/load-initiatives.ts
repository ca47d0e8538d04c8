import { fetchInitiatives, type LoadOutcome } from './fetch-initiatives';
import { fromColumns } from './initiative-columns';
import type { LoadAnswer, LoadRequest } from './load-worker';
import { useAppStore } from './store';

/** Where the app finds its data, relative to the page (CONTRACT §3). */
export const DATA_URL = 'data/initiatives.geojson';

/** Each call gets a number; an answer arriving after a newer call started is dropped. */
let latestLoad = 0;

/** Loads in a module worker; rejects when the worker cannot run, so the caller can load here instead. */
function loadInWorker(url: string): Promise<LoadOutcome> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module', name: 'chargement-initiatives' });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    worker.addEventListener('message', (event: MessageEvent<LoadAnswer>) => {
      worker.terminate();
      const answer = event.data;
      resolve(answer.ok ? { ok: true, initiatives: fromColumns(answer.columns), invalid: answer.invalid } : answer);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message || 'load worker failed'));
    });
    worker.addEventListener('messageerror', () => {
      worker.terminate();
      reject(new Error('load worker answer could not be read'));
    });
    const request: LoadRequest = { url };
    worker.postMessage(request);
  });
}

/** Fetches, validates and stores the initiatives; any failure becomes a readable French message. */
export async function loadInitiatives(url: string = DATA_URL): Promise<void> {
  const load = (latestLoad += 1);
  const store = useAppStore.getState();
  store.setLoading();
  let outcome: LoadOutcome;
  if (typeof Worker === 'function' && typeof document !== 'undefined') {
    const absolute = new URL(url, document.baseURI).href;
    outcome = await loadInWorker(absolute).catch(() => fetchInitiatives(absolute));
  } else {
    outcome = await fetchInitiatives(url);
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
