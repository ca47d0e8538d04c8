/**
 * Our app in headless Chromium: load with 100,000 initiatives, then theme toggles.
 * Timestamps are taken inside the page (a MutationObserver installed before any app script
 * records every change of the count and of the map's data-map-status), so the numbers carry
 * no round-trip between this process and the browser.
 */
import type { Browser, Page } from 'playwright-core';
import { THEMES } from '../src/domain/themes';
import { openPage } from './browser';
import type { Toggle } from './toggles';

const LOAD_TIMEOUT_MS = 240_000;
const TOGGLE_TIMEOUT_MS = 60_000;
/** How long to wait for the map to report a change after the count changed, before concluding it reports none. */
const STATUS_GRACE_MS = 3_000;

/**
 * Runs in the page before its own scripts. Plain JavaScript in a string: a function passed
 * through tsx would carry its helper calls (`__name`) that do not exist in the page.
 */
const RECORDER_SCRIPT = `(() => {
  const recorder = { counts: [], statuses: [] };
  window.__benchRecorder = recorder;
  let lastCount;
  let lastStatus;
  const readCount = () => {
    for (const element of document.querySelectorAll('[role="status"]')) {
      const text = element.textContent || '';
      if (!/initiative/i.test(text)) continue;
      const digits = text.replace(/[\\s\\u00a0\\u202f]/g, '').match(/\\d+/);
      if (digits) return Number(digits[0]);
    }
    return null;
  };
  const readStatus = () => {
    const map = document.querySelector('[data-testid="map"]');
    return map ? map.getAttribute('data-map-status') : null;
  };
  const pushStatus = (time, status) => {
    if (status === lastStatus) return;
    lastStatus = status;
    recorder.statuses.push([time, status]);
  };
  const observer = new MutationObserver((records) => {
    const time = performance.now();
    // Attribute records of one batch: each one's oldValue is the value the previous one set,
    // so intermediate values (busy then idle within one task) are not lost.
    const statusRecords = records.filter((record) => record.type === 'attributes' && record.attributeName === 'data-map-status');
    statusRecords.forEach((record, index) => {
      const next = statusRecords[index + 1];
      if (next) pushStatus(time, next.oldValue);
    });
    pushStatus(time, readStatus());
    const count = readCount();
    if (count !== lastCount) {
      lastCount = count;
      recorder.counts.push([time, count]);
    }
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-map-status'],
    attributeOldValue: true,
  });
})();`;

interface Outcome {
  /** When the count first showed the expected number. */
  countAt: number;
  /** When the map went (back) to idle after that. */
  idleAt: number;
  /** False when the map never left idle: then idleAt is the count time, and the map's drawing was not observed. */
  statusChanged: boolean;
}

/** Waits, in the page, until the count shows `expected` and the map has turned idle since `since`. */
async function waitForOutcome(page: Page, expected: number, since: number, timeoutMs: number): Promise<Outcome> {
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
  filter: AppFilterResult | null;
}

export async function measureApp(browser: Browser, origin: string, total: number, toggles: readonly Toggle[]): Promise<AppRun> {
  const { page, errors, blocked, close } = await openPage(browser);
  try {
    await page.addInitScript({ content: RECORDER_SCRIPT });
    await page.goto(`${origin}/?basemap=offline`, { timeout: LOAD_TIMEOUT_MS });
    const loaded = await waitForOutcome(page, total, 0, LOAD_TIMEOUT_MS);
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
    phases.mapIdle = loaded.idleAt;
    const load: AppLoadResult = { loadMs: loaded.idleAt, phases, statusChanged: loaded.statusChanged, errors: [...errors, ...blocked.map((url) => `blocked ${url}`)] };

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
    return { load, filter };
  } finally {
    await close();
  }
}
