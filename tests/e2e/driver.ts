/**
 * The small driver every end-to-end spec goes through: one real Chromium (Debian's),
 * the built app served on localhost, and no network beyond this machine.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { describe, inject } from 'vitest';
import { CHROMIUM_FLAGS, isLocalUrl } from '../../scripts/headless-web';

export { CHROMIUM_FLAGS };


/** `describe`, skipped (loudly, by the global setup) when no Chromium is installed. */
export function describeE2E(name: string, body: () => void): void {
  if (inject('e2eAvailable')) describe(name, body);
  else describe.skip(`${name} (no Chromium)`, body);
}

export function appUrl(): string {
  return inject('appUrl');
}

export function partnerUrl(): string {
  return inject('partnerUrl');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), headless: true, args: CHROMIUM_FLAGS });
}

export interface GeoJsonFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown> & {
    id: string;
    name: string;
    themes: string[];
    territory: string;
    department: string;
    commune: string;
    description: string;
  };
}

/** The features of the bundled data, as the built app serves them. */
export function bundledFeatures(): GeoJsonFeature[] {
  const text = readFileSync(join(inject('distDirectory'), 'data/initiatives.geojson'), 'utf8');
  return (JSON.parse(text) as { features: GeoJsonFeature[] }).features;
}

/** `stallOnce`: the first request for the data is never answered (later ones are served as usual). */
export type DataOverride = object | { status: number } | { body: string } | { stallOnce: true };

export interface OpenOptions {
  /** Query string without '?', e.g. 'themes=mobilite&dep=52'. */
  query?: string;
  /** Hash without '#'. */
  hash?: string;
  viewport?: { width: number; height: number };
  /** Replaces data/initiatives.geojson for this page: a document, an HTTP status or a raw body. */
  data?: DataOverride;
  /** Opens this URL (absolute) instead of the app, e.g. the partner page. */
  url?: string;
  /** Local requests whose path matches are answered with a 404, e.g. to lose a script chunk. */
  missing?: RegExp;
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  count: () => Promise<number>;
  waitForMapIdle: (timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
}

/** Reads the number in the role="status" element that announces the count. */
export async function readCount(page: Page, timeoutMs = 20_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      for (const element of Array.from(document.querySelectorAll('[role="status"]'))) {
        const digits = (element.textContent ?? '').replace(/[\s\u00a0\u202f]/g, '').match(/\d+/);
        // Wrapped in an object: a bare 0 would read as "not yet" to waitForFunction.
        if (digits && /initiative/i.test(element.textContent ?? '')) return { count: Number(digits[0]) };
      }
      return null;
    },
    undefined,
    { timeout: timeoutMs },
  );
  return ((await handle.jsonValue()) as { count: number }).count;
}

export async function openApp(browser: Browser, options: OpenOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    acceptDownloads: true,
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  let dataStalled = false;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!isLocalUrl(url)) return route.abort('internetdisconnected');
    if (options.missing?.test(new URL(url).pathname)) return route.fulfill({ status: 404, body: 'introuvable' });
    if (options.data && /\/data\/initiatives\.geojson(\?|$)/.test(new URL(url).pathname + new URL(url).search)) {
      const data = options.data;
      if ('stallOnce' in data) {
        if (dataStalled) return route.continue();
        dataStalled = true;
        return; // left unanswered
      }
      if ('status' in data && typeof data.status === 'number') return route.fulfill({ status: data.status, body: 'erreur' });
      if ('body' in data && typeof data.body === 'string') return route.fulfill({ status: 200, contentType: 'application/json', body: data.body });
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) });
    }
    return route.continue();
  });
  const target = options.url ?? `${appUrl()}${options.query ? `?${options.query}` : ''}${options.hash ? `#${options.hash}` : ''}`;
  await page.goto(target);
  return {
    page,
    context,
    errors,
    count: () => readCount(page),
    waitForMapIdle: async (timeoutMs = 30_000) => {
      await page.waitForSelector('[data-testid="map"][data-map-status="idle"]', { timeout: timeoutMs });
    },
    close: () => context.close(),
  };
}

/**
 * Whether a person sees the element without scrolling: its box lies inside the viewport and
 * inside every scrolling ancestor's visible area, and the element itself is what is drawn at its centre.
 */
export async function isInFirstScreen(locator: Locator): Promise<boolean> {
  if (!(await locator.isVisible())) return false;
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight + 0.5 || box.right > window.innerWidth + 0.5) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (!/(auto|scroll|hidden)/.test(style.overflowY + style.overflowX)) continue;
      const clip = parent.getBoundingClientRect();
      if (box.top < clip.top - 0.5 || box.bottom > clip.bottom + 0.5 || box.left < clip.left - 0.5 || box.right > clip.right + 0.5) return false;
    }
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (element === hit || element.contains(hit));
  });
}

/** Saves a screenshot into $E2E_SCREENSHOTS (when set), for a person to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const directory = process.env.E2E_SCREENSHOTS;
  if (!directory) return;
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: join(directory, `${name}.png`) });
}
