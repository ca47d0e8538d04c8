import { readInitiatives, requestInitiatives, type LoadOutcome } from './fetch-initiatives';
import { useAppStore } from './store';

/** Where the app finds its data, relative to the page (CONTRACT §3); index.html preloads it. */
export const DATA_URL = 'data/initiatives.geojson';

/** Each call gets a number; an answer arriving after a newer call started is dropped. */
let latestLoad = 0;

// Parsing runs here, on the main thread. A module worker was tried (commits 263bfd3, 14bad43):
// at 100,000 initiatives handing them back to the page (structured clone, or columns rebuilt
// into objects) cost more than the JSON parse it moved away; the count showed ~3.5 s later on a
// quiet machine (bench/.cache 100k file, headless Chromium, load average 2-3).

/** Milestones for the benchmark's load profile. */
const mark = (name: string): void => {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
};

/** Fetches, validates and stores the initiatives; any failure becomes a readable French message. */
export async function loadInitiatives(url: string = DATA_URL): Promise<void> {
  const load = (latestLoad += 1);
  const store = useAppStore.getState();
  store.setLoading();
  const request = await requestInitiatives(url);
  const outcome: LoadOutcome = request.ok ? await readInitiatives(request.response, mark) : request;
  if (load !== latestLoad) return;
  if (!outcome.ok) {
    store.setError(outcome.message);
    return;
  }
  if (outcome.invalid.length > 0) {
    console.warn(`${outcome.invalid.length} initiative(s) ignorée(s) car invalides`, outcome.invalid.slice(0, 20));
  }
  store.setInitiatives(outcome.initiatives);
  mark('initiatives-stored');
}
