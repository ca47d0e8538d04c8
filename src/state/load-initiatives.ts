import { DOWNLOAD_LIMITS, readInitiatives, requestInitiatives, type DownloadLimits, type LoadOutcome } from './fetch-initiatives';
import type { ParsedCollection as LoadedCollection } from '../domain/geojson';
import type { Initiative } from '../domain/initiative';
import { indexFor } from '../domain/initiative-index';
import { e2eHookMs } from './e2e-hooks';
import { isCsvDataUrl } from '../domain/site-config';
import { useSiteConfig } from './site-config';
import { ignoredNotice, useAppStore } from './store';
import { loadCompact, readCompactLink, type CompactLoad } from './read-compact';
import { DATA_URL } from './early-requests';

// A CSV dataUrl is read by the pipeline's core (row rules, geocoder, the opening-hours grammar),
// imported only when a site's config.json names one: the bundled GeoJSON path never loads it.

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

/**
 * What the data's first bytes said: the request failed, a CSV to read, a GeoJSON to read whole,
 * or a GeoJSON whose head names a compact file (docs/compact-data.md), already being read.
 */
type OpenedData =
  | { kind: 'failed'; outcome: LoadOutcome }
  | { kind: 'csv'; response: Response }
  | { kind: 'geojson'; response: Response; stalled: () => string | null }
  | { kind: 'compact'; compact: Promise<CompactLoad> };

/** Requests the data and reads its first bytes; a linked compact file is asked for at once. */
async function openData(url: string, limits: DownloadLimits): Promise<OpenedData> {
  const request = await requestInitiatives(url, limits);
  if (!request.ok) return { kind: 'failed', outcome: request };
  if (isCsvDataUrl(url)) return { kind: 'csv', response: request.response };
  let head: Awaited<ReturnType<typeof readCompactLink>>;
  try {
    head = await readCompactLink(request.response);
  } catch {
    const message = request.stalled() ?? 'Le fichier des initiatives n’a pas pu être lu entièrement. Vérifiez votre connexion puis réessayez.';
    return { kind: 'failed', outcome: { ok: false, message } };
  }
  if (!head.link) return { kind: 'geojson', response: head.geojson, stalled: request.stalled };
  // The rest of the GeoJSON is not downloaded: asked for again in the rare case the compact file fails.
  void head.geojson.body?.cancel();
  mark('compact-linked');
  const compact = loadCompact(new URL(head.link.href, new URL(url, document.baseURI)).href, head.link, limits);
  // Read by loadInitiatives (which then falls back on the GeoJSON); never unhandled here.
  compact.catch(() => {});
  return { kind: 'compact', compact };
}

/** The default data, opened before config.json has said which data to read. */
let early: { url: string; opened: Promise<OpenedData> } | null = null;

/**
 * Reads the default data's first bytes as the page starts (boot.ts), in parallel with config.json,
 * instead of after it, and asks for the compact file they may name. Not a `<link
 * rel="preload">`: that would download the whole GeoJSON even when its head sends the page to
 * the compact file.
 */
export function requestDefaultDataEarly(): void {
  early ??= { url: DATA_URL, opened: openData(DATA_URL, downloadLimits()) };
}

/** The early download when it is the one asked for (the first load of the default data); a new one otherwise. */
function takeOpened(url: string, limits: DownloadLimits): Promise<OpenedData> {
  const taken = early;
  early = null;
  if (taken?.url === url) return taken.opened;
  // config.json named other data: the early download is not needed.
  if (taken) {
    void taken.opened.then((opened) => {
      if (opened.kind === 'geojson' || opened.kind === 'csv') void opened.response.body?.cancel();
    });
  }
  return openData(url, limits);
}

/** Fetches, validates and stores the initiatives; any failure becomes a readable French message. */
export async function loadInitiatives(url: string = DATA_URL, limits: DownloadLimits = downloadLimits()): Promise<void> {
  const load = (latestLoad += 1);
  const store = useAppStore.getState();
  store.setLoading();
  const opened = await takeOpened(url, limits);
  const name = decodeURIComponent(url.replace(/[?#].*$/, '').split('/').pop() ?? '') || 'initiatives.csv';
  let outcome: LoadOutcome;
  if (opened.kind === 'failed') outcome = opened.outcome;
  else if (opened.kind === 'csv') outcome = await (await import('./load-csv-initiatives')).readCsvInitiatives(opened.response, name);
  else if (opened.kind === 'geojson') outcome = await readInitiatives(opened.response, mark, opened.stalled);
  else {
    try {
      const { core, details } = await opened.compact;
      mark('initiatives-parsed');
      indexFor(core.initiatives, { themeMasks: core.themeMasks }).adoptNameOrder(core.nameOrder);
      if (load === latestLoad) storeOutcome(core.initiatives, core.invalid, core.updated, details);
      return;
    } catch (error) {
      console.warn(`Fichier compact ignoré (${error instanceof Error ? error.message : String(error)}) : lecture du GeoJSON.`);
    }
    const again = await requestInitiatives(url, limits);
    outcome = again.ok ? await readInitiatives(again.response, mark, again.stalled) : again;
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
