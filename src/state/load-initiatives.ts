import { DOWNLOAD_LIMITS, readInitiatives, requestInitiatives, type DownloadLimits, type LoadOutcome, type RequestOutcome } from './fetch-initiatives';
import type { ParsedCollection as LoadedCollection } from '../domain/geojson';
import type { Initiative } from '../domain/initiative';
import { indexFor } from '../domain/initiative-index';
import { e2eHookMs } from './e2e-hooks';
import { isCsvDataUrl } from '../domain/site-config';
import { useSiteConfig } from './site-config';
import { ignoredNotice, useAppStore } from './store';
import { loadCompact, readCompactLink } from './read-compact';

// A CSV dataUrl is read by the pipeline's core (row rules, geocoder, the opening-hours grammar),
// imported only when a site's config.json names one: the bundled GeoJSON path never loads it.

/** Where the app finds its data, relative to the page (CONTRACT §3); its download starts with the page (requestDefaultDataEarly). */
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

/** The default data's download, started before config.json has said which data to read. */
let early: { url: string; request: Promise<RequestOutcome> } | null = null;

/**
 * Starts downloading the default data with the page (main.tsx), in parallel with config.json,
 * instead of after it. Not a `<link rel="preload">`: that would download the whole GeoJSON even
 * when its head sends the page to the compact file (docs/compact-data.md).
 */
export function requestDefaultDataEarly(): void {
  early ??= { url: DATA_URL, request: requestInitiatives(DATA_URL, downloadLimits()) };
}

/** The early download when it is the one asked for (the first load of the default data); a new request otherwise. */
function takeRequest(url: string, limits: DownloadLimits): Promise<RequestOutcome> {
  const taken = early;
  early = null;
  if (taken?.url === url) return taken.request;
  // config.json named other data: the early download is not needed.
  if (taken) {
    void taken.request.then((outcome) => {
      if (outcome.ok) void outcome.response.body?.cancel();
    });
  }
  return requestInitiatives(url, limits);
}

/** Fetches, validates and stores the initiatives; any failure becomes a readable French message. */
export async function loadInitiatives(url: string = DATA_URL, limits: DownloadLimits = downloadLimits()): Promise<void> {
  const load = (latestLoad += 1);
  const store = useAppStore.getState();
  store.setLoading();
  const request = await takeRequest(url, limits);
  const csv = isCsvDataUrl(url);
  const name = decodeURIComponent(url.replace(/[?#].*$/, '').split('/').pop() ?? '') || 'initiatives.csv';
  let outcome: LoadOutcome;
  if (!request.ok) outcome = request;
  else if (csv) outcome = await (await import('./load-csv-initiatives')).readCsvInitiatives(request.response, name);
  else {
    const compact = await readWithCompact(url, request.response, limits, request.stalled, load);
    if (compact === 'stored' || load !== latestLoad) return;
    outcome = compact;
  }
  if (load !== latestLoad) return;
  if (!outcome.ok) {
    store.setError(outcome.message);
    return;
  }
  storeOutcome(outcome.initiatives, outcome.invalid, outcome.updated);
}

function storeOutcome(initiatives: Initiative[], invalid: LoadedCollection['invalid'], updated: string | undefined, details?: Promise<void>): void {
  if (invalid.length > 0) {
    console.warn(`${ignoredNotice(invalid.length)} ; les premières raisons :`, invalid.slice(0, 20));
  }
  useSiteConfig.getState().setUpdated(updated ?? null);
  useAppStore.getState().setInitiatives(initiatives, invalid.length, details);
  mark('initiatives-stored');
}

/**
 * The GeoJSON's head names a compact file (docs/compact-data.md): the initiatives are read from
 * it and stored ('stored'), their details following. Otherwise, or when the compact file cannot
 * be used, the GeoJSON is read from the bytes already received.
 */
async function readWithCompact(url: string, response: Response, limits: DownloadLimits, stalled: () => string | null, load: number): Promise<LoadOutcome | 'stored'> {
  let head: Awaited<ReturnType<typeof readCompactLink>>;
  try {
    head = await readCompactLink(response);
  } catch {
    return { ok: false, message: stalled() ?? 'Le fichier des initiatives n’a pas pu être lu entièrement. Vérifiez votre connexion puis réessayez.' };
  }
  if (!head.link) return readInitiatives(head.geojson, mark, stalled);
  // The rest of the GeoJSON is not downloaded: asked for again in the rare case the compact file fails.
  void head.geojson.body?.cancel();
  try {
    const base = new URL(url, document.baseURI);
    const { core, details } = await loadCompact(new URL(head.link.href, base).href, head.link, limits);
    mark('initiatives-parsed');
    indexFor(core.initiatives).adoptNameOrder(core.nameOrder);
    if (load === latestLoad) storeOutcome(core.initiatives, core.invalid, core.updated, details);
    return 'stored';
  } catch (error) {
    console.warn(`Fichier compact ignoré (${error instanceof Error ? error.message : String(error)}) : lecture du GeoJSON.`);
  }
  const again = await requestInitiatives(url, limits);
  return again.ok ? readInitiatives(again.response, mark, again.stalled) : again;
}
