/**
 * The end-to-end test kit: the only e2e file that drives the browser library (through
 * bench/browser.ts, which the benchmark's harness shares). It owns the browser's lifecycle
 * (one Debian Chromium per spec file, closed after its tests; every page a test opens closed
 * after that test, pass or fail) and offers one action per thing a user does.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from 'vitest';
import { launchBrowser, openPage, readCount, type Browser, type BrowserContext, type Frame, type Page } from '../../bench/browser';
import type { PublishedFeature } from '../../src/domain/initiative';

export type { Frame, Page };
export type Locator = ReturnType<Page['locator']>;
export { readCount };

export function appUrl(): string {
  return inject('appUrl');
}

export function partnerUrl(): string {
  return inject('partnerUrl');
}

export type GeoJsonFeature = PublishedFeature;

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
  /** Opens the page in a Chromium of its own started with these extra flags (e.g. '--disable-3d-apis'). */
  chromiumArgs?: string[];
  /** Files served for this page, by the end of their path (e.g. `config.json`): their body. */
  files?: Record<string, { body: string | Buffer; contentType?: string }>;
}

/** The app (or another page) open in a fresh context; closed by the kit after the test. */
export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  /** Console warnings seen so far. */
  warnings: string[];
  /** Requests that tried to leave the machine (aborted: no network in tests), e.g. an online basemap's style. */
  blocked: string[];
  /** Paths of the local requests the page made so far, in order (page load included). */
  requested: string[];
  /** The count the role="status" element announces. */
  count: () => Promise<number>;
  /** Waits until the announced count is `expected` (zero included). */
  waitForCount: (expected: number) => Promise<void>;
  waitForMapIdle: (timeoutMs?: number) => Promise<void>;
  /** Ticks or unticks the theme (or territory) checkbox whose name matches. */
  setFilter: (name: RegExp | string, checked: boolean) => Promise<void>;
  /** Opens an initiative's details from the list and returns its details region. */
  openDetailsFromList: (name: string) => Promise<Locator>;
  /** Clicks `control` (by default the « CSV » button) and returns the file it downloads. */
  download: (control?: Locator) => Promise<{ fileName: string; bytes: Buffer }>;
  /** Serious or critical axe-core (WCAG 2.1 A/AA) violations inside `selector`, one readable line each. */
  accessibilityViolations: (selector?: string) => Promise<string[]>;
}

/** Waits until the status of `target` announces `expected` initiatives. */
export async function waitForCount(target: Page | Frame, expected: number, timeoutMs = 10_000): Promise<void> {
  await target.waitForFunction((value) => {
    const status = document.querySelector('[role="status"]');
    return (status?.textContent ?? '').replace(/[\s\u00a0\u202f]/g, '').includes(`${value}initiative`);
  }, expected, { timeout: timeoutMs });
}

let axeSource: string | undefined;

async function accessibilityViolations(page: Page, selector = 'body'): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (context) => {
    type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (context: string, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
  }, selector);
}

const DATA_PATH = /\/data\/initiatives\.geojson(\?|$)/;

async function openIn(browser: Browser, options: OpenOptions): Promise<{ app: AppPage; close: () => Promise<void> }> {
  let dataStalled = false;
  const requested: string[] = [];
  const { page, context, errors, blocked, close } = await openPage(browser, {
    viewport: options.viewport ?? { width: 1280, height: 800 },
    answer: async (route, url) => {
      requested.push(url.pathname);
      if (options.missing?.test(url.pathname)) {
        await route.fulfill({ status: 404, body: 'introuvable' });
        return true;
      }
      const served = Object.entries(options.files ?? {}).find(([suffix]) => url.pathname.endsWith(`/${suffix}`));
      if (served) {
        await route.fulfill({ status: 200, contentType: served[1].contentType ?? 'text/plain; charset=utf-8', body: served[1].body });
        return true;
      }
      const data = options.data;
      if (!data || !DATA_PATH.test(url.pathname + url.search)) return false;
      if ('stallOnce' in data) {
        if (dataStalled) return false;
        dataStalled = true;
        return true; // left unanswered
      }
      if ('status' in data && typeof data.status === 'number') await route.fulfill({ status: data.status, body: 'erreur' });
      else if ('body' in data && typeof data.body === 'string') await route.fulfill({ status: 200, contentType: 'application/json', body: data.body });
      else await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) });
      return true;
    },
  });
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const app: AppPage = {
    page,
    context,
    errors,
    warnings,
    blocked,
    requested,
    count: () => readCount(page),
    waitForCount: (expected) => waitForCount(page, expected),
    waitForMapIdle: async (timeoutMs = 30_000) => {
      await page.waitForSelector('[data-testid="map"][data-map-status="idle"]', { timeout: timeoutMs });
    },
    setFilter: async (name, checked) => {
      await page.getByRole('checkbox', { name }).setChecked(checked);
    },
    openDetailsFromList: async (name) => {
      await page.getByRole('list', { name: /initiative/i }).getByRole('button', { name, exact: true }).first().click();
      const region = page.getByRole('region', { name });
      await region.waitFor();
      return region;
    },
    download: async (control = page.getByRole('button', { name: /CSV/ })) => {
      const [download] = await Promise.all([page.waitForEvent('download'), control.click()]);
      return { fileName: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
    },
    accessibilityViolations: (selector) => accessibilityViolations(page, selector),
  };
  const target = options.url ?? `${appUrl()}${options.query ? `?${options.query}` : ''}${options.hash ? `#${options.hash}` : ''}`;
  await page.goto(target);
  return { app, close };
}

/** Opens pages in the spec file's Chromium. */
export interface E2EBrowser {
  /** Opens the app with these options (or options.url); the page is closed after the test. */
  open: (options?: OpenOptions) => Promise<AppPage>;
}

/** Closes, last opened first (a page in a browser of its own before that browser), and empties the list. */
async function closeAll(closers: (() => Promise<void>)[]): Promise<void> {
  for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
}

/**
 * Registers, in the enclosing `describe`, one Chromium for its tests (launched before them,
 * closed after them) and the closing of every page: one a test opened when that test ends,
 * one opened in a `beforeAll` (shared by the tests) after the last test.
 */
export function useBrowser(): E2EBrowser {
  let browser: Browser | undefined;
  const sharedClosers: (() => Promise<void>)[] = [];
  const testClosers: (() => Promise<void>)[] = [];
  let inTest = false;
  beforeAll(async () => {
    browser = await launchBrowser({ executablePath: inject('chromiumPath') });
  });
  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    await closeAll(testClosers);
  });
  afterAll(async () => {
    try {
      await closeAll(testClosers);
      await closeAll(sharedClosers);
    } finally {
      await browser?.close();
    }
  });
  return {
    open: async (options = {}) => {
      const closers = inTest ? testClosers : sharedClosers;
      let target = browser;
      if (options.chromiumArgs) {
        const own = await launchBrowser({ executablePath: inject('chromiumPath'), extraArgs: options.chromiumArgs });
        closers.push(() => own.close());
        target = own;
      }
      if (!target) throw new Error('the browser is not launched yet: open pages in a test or a beforeAll');
      const { app, close } = await openIn(target, options);
      closers.push(close);
      return app;
    },
  };
}

/**
 * `describe` with the spec file's browser (see useBrowser), skipped (loudly, by the global
 * setup) when no Chromium is installed.
 */
export function describeE2E(name: string, body: (browser: E2EBrowser) => void): void {
  if (inject('e2eAvailable')) describe(name, () => body(useBrowser()));
  else describe.skip(`${name} (no Chromium)`, () => body({ open: () => Promise.reject(new Error('no Chromium')) }));
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

/**
 * Activates a link with the keyboard, as a visitor would, and returns the address the browser
 * was about to follow; null when nothing would be followed (not a link, or a script stopped
 * it). The navigation itself is cancelled at the last moment: a mailto:, tel: or geo: link
 * would hand over to another application.
 */
export async function followLink(page: Page, link: Locator): Promise<string | null> {
  await page.evaluate(() => {
    const record = window as unknown as { followedLink?: string | null };
    record.followedLink = null;
    window.addEventListener(
      'click',
      (event) => {
        const anchor = event.target instanceof Element ? event.target.closest('a') : null;
        if (!event.defaultPrevented && anchor?.href) record.followedLink = anchor.href;
        event.preventDefault();
      },
      { once: true },
    );
  });
  await link.focus();
  await page.keyboard.press('Enter');
  return page.evaluate(() => (window as unknown as { followedLink?: string | null }).followedLink ?? null);
}
