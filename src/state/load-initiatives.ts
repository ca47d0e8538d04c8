import { DOWNLOAD_LIMITS, readInitiatives, requestInitiatives, type DownloadLimits, type LoadOutcome } from './fetch-initiatives';
import { e2eHookMs } from './e2e-hooks';
import { isCsvDataUrl } from '../domain/site-config';
import { useSiteConfig } from './site-config';
import { ignoredNotice, useAppStore } from './store';

// A CSV dataUrl is read by the pipeline's core (row rules, geocoder, the opening-hours grammar),
// imported only when a site's config.json names one: the bundled GeoJSON path never loads it.

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

/** The download limits; the end-to-end build lets a spec shorten them (`?e2e-download-idle-ms=`). */
function downloadLimits(): DownloadLimits {
  const idleMs = e2eHookMs('e2e-download-idle-ms');
  return idleMs ? { idleMs, totalMs: DOWNLOAD_LIMITS.totalMs } : DOWNLOAD_LIMITS;
}

/** Fetches, validates and stores the initiatives; any failure becomes a readable French message. */
export async function loadInitiatives(url: string = DATA_URL, limits: DownloadLimits = downloadLimits()): Promise<void> {
  const load = (latestLoad += 1);
  const store = useAppStore.getState();
  store.setLoading();
  const request = await requestInitiatives(url, limits);
  const csv = isCsvDataUrl(url);
  const name = decodeURIComponent(url.replace(/[?#].*$/, '').split('/').pop() ?? '') || 'initiatives.csv';
  const outcome: LoadOutcome = !request.ok ? request : csv ? await (await import('./load-csv-initiatives')).readCsvInitiatives(request.response, name) : await readInitiatives(request.response, mark, request.stalled);
  if (load !== latestLoad) return;
  if (!outcome.ok) {
    store.setError(outcome.message);
    return;
  }
  if (outcome.invalid.length > 0) {
    console.warn(`${ignoredNotice(outcome.invalid.length)} ; les premières raisons :`, outcome.invalid.slice(0, 20));
  }
  useSiteConfig.getState().setUpdated(outcome.updated ?? null);
  store.setInitiatives(outcome.initiatives, outcome.invalid.length);
  mark('initiatives-stored');
}
