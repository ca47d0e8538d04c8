/**
 * The page's first requests, config.json and the default data, sent by its entry script
 * (src/app/boot.ts, through first-requests.ts) before the app's own code has downloaded and run,
 * and before the rest of the entry's chunk (zod, the store) has been evaluated. Each request is
 * handed over once, to the code that would otherwise have sent it (site-config.ts,
 * fetch-initiatives.ts), with its controller, so their time limits still apply to it.
 *
 * No imports: nothing to evaluate before the requests leave.
 */

/** Relative to the page, beside index.html (CONTRACT §8). */
export const CONFIG_URL = 'config.json';

/** Where the app finds its data, relative to the page (CONTRACT §3). */
export const DATA_URL = 'data/initiatives.geojson';

/** How config.json is asked for, early or not: revalidated on every visit. */
export const CONFIG_REQUEST: RequestInit = { cache: 'no-cache' };

export interface EarlyRequest {
  controller: AbortController;
  response: Promise<Response>;
}

const sent = new Map<string, EarlyRequest>();

function send(url: string, init: RequestInit): EarlyRequest {
  const controller = new AbortController();
  const response = fetch(url, { ...init, signal: controller.signal });
  // Read (or dropped) by whoever takes it; never an unhandled rejection here.
  response.catch(() => {});
  return { controller, response };
}

/** Sends the request now; the first takeOrSendRequest(url) receives it. */
export function sendEarlyRequest(url: string, init: RequestInit = {}): void {
  if (!sent.has(url)) sent.set(url, send(url, init));
}

/**
 * The request sent early for this URL, handed over once; otherwise the same request sent now
 * with `init`. Either way the caller holds its controller (its time limits abort it). Only the
 * first requests (config.json, the default data) are ever sent early.
 */
export function takeOrSendRequest(url: string, init: RequestInit = {}): EarlyRequest {
  const early = sent.get(url);
  sent.delete(url);
  return early ?? send(url, init);
}
