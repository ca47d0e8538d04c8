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

export interface EarlyRequest {
  controller: AbortController;
  response: Promise<Response>;
}

const sent = new Map<string, EarlyRequest>();

/** Sends the request now; the first takeEarlyRequest(url) receives it. */
export function sendEarlyRequest(url: string, init: RequestInit = {}): void {
  if (sent.has(url)) return;
  const controller = new AbortController();
  const response = fetch(url, { ...init, signal: controller.signal });
  // Read (or dropped) by whoever takes it; never an unhandled rejection here.
  response.catch(() => {});
  sent.set(url, { controller, response });
}

/** The request sent early for this URL, once; null when none was (or it was already taken). */
export function takeEarlyRequest(url: string): EarlyRequest | null {
  const request = sent.get(url) ?? null;
  sent.delete(url);
  return request;
}
