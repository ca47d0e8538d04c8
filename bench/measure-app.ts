/**
 * Our app in headless Chromium: load (interactive, then map idle), its heap, then theme toggles.
 * Timestamps are taken inside the page (bench/page-recorder.ts: a MutationObserver installed
 * before any app script), so the numbers carry no round-trip between this process and the browser.
 */
import type { Browser, Page } from 'playwright-core';
import { THEMES } from '../src/domain/themes';
import { openPage, type DeviceProfile } from './browser';
import { interactiveAt, type InteractiveTimelines } from './interactive';
import { RECORDER_SCRIPT } from './page-recorder';
import type { Toggle } from './toggles';

const LOAD_TIMEOUT_MS = 240_000;
const TOGGLE_TIMEOUT_MS = 60_000;
/** How long to wait for the map to report a change after the count changed, before concluding it reports none. */
const STATUS_GRACE_MS = 3_000;


interface Outcome {
  /** When the count first showed the expected number. */
  countAt: number;
  /** When the map went (back) to idle after that. */
  idleAt: number;
  /** False when the map never left idle: then idleAt is the count time, and the map's drawing was not observed. */
  statusChanged: boolean;
}

/** Waits, in the page, until the count shows `expected` and the map has turned idle since `since`. */
export async function waitForOutcome(page: Page, expected: number, since: number, timeoutMs: number): Promise<Outcome> {
  const handle = await page.waitForFunction(
    ({ expected, since, graceMs }) => {
      const recorder = (window as unknown as { __benchRecorder: { counts: [number, number | null][]; statuses: [number, string | null][] } }).__benchRecorder;
      const countEntry = recorder.counts.find(([time, count]) => time >= since && count === expected);
      if (!countEntry) return null;
      const last = recorder.counts[recorder.counts.length - 1];
      if (!last || last[1] !== expected) return null;
      const countAt = countEntry[0];
      // The first entry into idle at or after the change began, after a non-idle state.
      const statuses = recorder.statuses;
      let idleAt: number | null = null;
      for (let index = 0; index < statuses.length; index += 1) {
        const [time, status] = statuses[index] as [number, string | null];
        const previous = statuses[index - 1];
        if (time >= since && status === 'idle' && previous && previous[1] !== 'idle') {
          if (time >= countAt || statuses.slice(index + 1).every(([, later]) => later === 'idle')) {
            idleAt = time;
            if (time >= countAt) break;
          }
        }
      }
      const current = statuses[statuses.length - 1];
      if (idleAt !== null && current?.[1] === 'idle') return { countAt, idleAt: Math.max(idleAt, countAt), statusChanged: true };
      if (current?.[1] === 'idle' && performance.now() - countAt > graceMs) return { countAt, idleAt: countAt, statusChanged: false };
      return null;
    },
    { expected, since, graceMs: STATUS_GRACE_MS },
    { timeout: timeoutMs, polling: 50 },
  ).catch(async (error: unknown) => {
    // Say what the page showed, so a timeout tells whether the count or the map was stuck.
    const seen = await page
      .evaluate(() => {
        const recorder = (window as unknown as { __benchRecorder?: { counts: unknown[]; statuses: unknown[] } }).__benchRecorder;
        return JSON.stringify({ counts: recorder?.counts.slice(-4), statuses: recorder?.statuses.slice(-6) });
      })
      .catch(() => 'page unavailable');
    throw new Error(`waiting for count ${expected} and map idle: ${String(error).split('\n')[0]}; last seen ${seen}`);
  });
  return (await handle.jsonValue()) as Outcome;
}

export interface AppLoadResult {
  /** Navigation → count, list and drawn initiatives (CONTRACT §7 `app_interactive_*`). */
  interactiveMs: number;
  /** Navigation → map idle after the count (CONTRACT §7 `app_load_100k_ms`). */
  loadMs: number;
  /** Milestones after navigation start, for the profile in the report. */
  phases: Record<string, number>;
  statusChanged: boolean;
  errors: string[];
}

export interface AppFilterResult {
  toggleMs: number[];
  /** Toggles whose map status never left idle (their time is count-only). */
  unobservedMap: number;
}

export interface AppRun {
  load: AppLoadResult;
  /** JavaScript heap in use (MiB) after a forced garbage collection, once interactive; null unless asked. */
  heapMb: number | null;
  filter: AppFilterResult | null;
}

export interface AppRunOptions {
  profile?: DeviceProfile;
  /** Read the heap once interactive (before the toggles). */
  heap?: boolean;
}

/** Waits until the recorder's timelines hold the interactive moment, and returns it. */
export async function waitForInteractive(page: Page, total: number): Promise<number> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  for (;;) {
    const timelines = await page.evaluate(() => {
      const { counts, listItems, drawnItems } = (window as unknown as { __benchRecorder: InteractiveTimelines }).__benchRecorder;
      return { counts, listItems, drawnItems };
    });
    const at = interactiveAt(timelines, total);
    if (at !== null) return at;
    if (Date.now() > deadline) {
      throw new Error(`never interactive: last list ${JSON.stringify(timelines.listItems.slice(-2))}, drawn ${JSON.stringify(timelines.drawnItems.slice(-2))}`);
    }
    await page.waitForTimeout(100);
  }
}

/** Used JavaScript heap of the page after a full garbage collection, in MiB. */
async function measureHeap(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const usage = await session.send('Runtime.getHeapUsage');
    return usage.usedSize / 1024 ** 2;
  } finally {
    await session.detach();
  }
}

export async function measureApp(browser: Browser, origin: string, total: number, toggles: readonly Toggle[], options: AppRunOptions = {}): Promise<AppRun> {
  const { page, errors, blocked, close } = await openPage(browser, { profile: options.profile });
  try {
    await page.addInitScript({ content: RECORDER_SCRIPT });
    await page.goto(`${origin}/?basemap=offline`, { timeout: LOAD_TIMEOUT_MS });
    const interactiveMs = await waitForInteractive(page, total);
    const loaded = await waitForOutcome(page, total, 0, LOAD_TIMEOUT_MS);
    // After map idle, so the forced collection does not delay the load being timed.
    const heapMb = options.heap ? await measureHeap(page) : null;
    const phases = await page.evaluate(() => {
      const result: Record<string, number> = {};
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      if (navigation) result.domContentLoaded = navigation.domContentLoadedEventEnd;
      for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        if (entry.name.includes('initiatives.geojson')) {
          result.dataFetchStart = entry.startTime;
          result.dataFetchEnd = entry.responseEnd;
        }
        if (/maplibre|MapView/i.test(entry.name) && entry.name.endsWith('.js')) result.mapChunkLoaded = Math.max(result.mapChunkLoaded ?? 0, entry.responseEnd);
      }
      const recorder = (window as unknown as { __benchRecorder: { counts: [number, number | null][]; statuses: [number, string | null][] } }).__benchRecorder;
      const firstMap = recorder.statuses.find(([, status]) => status !== null);
      if (firstMap) result.mapElementShown = firstMap[0];
      return result;
    });
    phases.countShown = loaded.countAt;
    phases.interactive = interactiveMs;
    phases.mapIdle = loaded.idleAt;
    const load: AppLoadResult = { interactiveMs, loadMs: loaded.idleAt, phases, statusChanged: loaded.statusChanged, errors: [...errors, ...blocked.map((url) => `blocked ${url}`)] };

    let filter: AppFilterResult | null = null;
    if (toggles.length > 0) {
      const toggleMs: number[] = [];
      let unobservedMap = 0;
      await page.waitForTimeout(500);
      for (const toggle of toggles) {
        const label = THEMES.find((theme) => theme.id === toggle.theme)?.label ?? toggle.theme;
        const checkbox = await page.getByRole('checkbox', { name: label }).first().elementHandle({ timeout: 10_000 });
        if (!checkbox) throw new Error(`no checkbox for ${label}`);
        const startedAt = await page.evaluate((element) => {
          const started = performance.now();
          (element as HTMLInputElement).click();
          return started;
        }, checkbox);
        const outcome = await waitForOutcome(page, toggle.expectedCount, startedAt, TOGGLE_TIMEOUT_MS);
        if (!outcome.statusChanged) unobservedMap += 1;
        toggleMs.push(outcome.idleAt - startedAt);
        await page.waitForTimeout(150);
      }
      filter = { toggleMs, unobservedMap };
    }
    return { load, heapMb, filter };
  } finally {
    await close();
  }
}
