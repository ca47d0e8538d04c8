/**
 * Headless Debian Chromium with no network beyond this machine: what the benchmark's harness
 * and the end-to-end driver (tests/e2e/driver.ts) share, so both see the app the same way.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Frame, type Page, type Route } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, isLocalUrl } from '../scripts/headless-web';

export type { Browser, BrowserContext, Frame, Page, Route };

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchBrowser(options: { executablePath?: string; extraArgs?: readonly string[] } = {}): Promise<Browser> {
  return chromium.launch({ executablePath: options.executablePath ?? CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...(options.extraArgs ?? [])] });
}

/**
 * `desktop`: a 1280×800 window (or `viewport`). `phone`: a 390×844 viewport at device pixel ratio
 * 3 with touch (a common current phone), and the page's CPU slowed 4× through the DevTools
 * protocol, as Lighthouse does for its mobile runs. The network is not throttled (the server is local).
 */
export type DeviceProfile = 'desktop' | 'phone';

export const PHONE_CPU_SLOWDOWN = 4;

export interface OfflinePageOptions {
  viewport?: { width: number; height: number };
  profile?: DeviceProfile;
  /** Answers a local request itself (returns true), e.g. to replace the data; else it goes through. */
  answer?: (route: Route, url: URL) => Promise<boolean>;
}

export interface BenchPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  /** Requests that tried to leave the machine (aborted). */
  blocked: string[];
  close: () => Promise<void>;
}

/** A fresh context and page in French: every request leaving the machine is aborted and remembered. */
export async function openPage(browser: Browser, options: OfflinePageOptions = {}): Promise<BenchPage> {
  const context = await browser.newContext(
    options.profile === 'phone'
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'fr-FR', acceptDownloads: true }
      : { viewport: options.viewport ?? { width: 1280, height: 800 }, locale: 'fr-FR', acceptDownloads: true },
  );
  const errors: string[] = [];
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!isLocalUrl(url)) {
      blocked.push(url);
      return route.abort('internetdisconnected');
    }
    if (options.answer && (await options.answer(route, new URL(url)))) return undefined;
    return route.continue();
  });
  const page = await context.newPage();
  if (options.profile === 'phone') {
    const session = await context.newCDPSession(page);
    await session.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU_SLOWDOWN });
  }
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, context, errors, blocked, close: () => context.close() };
}

/**
 * The number the role="status" count announces (CONTRACT §6), once it differs from
 * `differentFrom` (-1: any); runs in the page or frame.
 */
export async function readCount(target: Page | Frame, options: { differentFrom?: number; timeoutMs?: number } = {}): Promise<number> {
  const handle = await target.waitForFunction(
    (previous) => {
      for (const element of Array.from(document.querySelectorAll('[role="status"]'))) {
        const text = element.textContent ?? '';
        const digits = text.replace(/[\s\u00a0\u202f]/g, '').match(/\d+/);
        // Wrapped in an object: a bare 0 would read as "not yet" to waitForFunction.
        if (digits && /initiative/i.test(text) && Number(digits[0]) !== previous) return { count: Number(digits[0]) };
      }
      return null;
    },
    options.differentFrom ?? -1,
    { timeout: options.timeoutMs ?? 20_000 },
  );
  return ((await handle.jsonValue()) as { count: number }).count;
}
