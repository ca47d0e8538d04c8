/** The peer baselines, in the same browser and on the same data as the app. */
import type { Browser } from 'playwright-core';
import { openPage } from './browser';
import type { Toggle } from './toggles';

const LOAD_TIMEOUT_MS = 240_000;

export interface PeerLoadResult {
  loadMs: number;
  detail: string;
}

/** `base`: where the peer pages are mounted, beside the `data/initiatives.geojson` they fetch. */
export async function measureMarkerclusterLoad(browser: Browser, origin: string, base = '/peers'): Promise<PeerLoadResult> {
  const { page, errors, close } = await openPage(browser);
  try {
    await page.goto(`${origin}${base}/markercluster/`);
    await page.waitForFunction(() => {
      const bench = (window as unknown as { __bench?: { doneAt: number | null; error: string | null } }).__bench;
      return bench && (bench.doneAt !== null || bench.error !== null);
    }, undefined, { timeout: LOAD_TIMEOUT_MS, polling: 250 });
    const state = await page.evaluate(() => (window as unknown as { __bench: { doneAt: number | null; error: string | null; markers: number } }).__bench);
    if (state.error || state.doneAt === null) throw new Error(`markercluster peer failed: ${state.error ?? 'no result'} ${errors.join('; ')}`);
    return { loadMs: state.doneAt, detail: `${state.markers} markers in the cluster group` };
  } finally {
    await close();
  }
}

export interface PeerFilterResult {
  loadMs: number;
  toggleMs: number[];
  wrongCounts: number;
}

export async function measureSetDataFilter(browser: Browser, origin: string, toggles: readonly Toggle[], base = '/peers'): Promise<PeerFilterResult> {
  const { page, errors, close } = await openPage(browser);
  try {
    await page.goto(`${origin}${base}/maplibre-setdata/`);
    await page.waitForFunction(() => {
      const bench = (window as unknown as { __bench?: { doneAt: number | null; error: string | null } }).__bench;
      return bench && (bench.doneAt !== null || bench.error !== null);
    }, undefined, { timeout: LOAD_TIMEOUT_MS, polling: 250 });
    const loaded = await page.evaluate(() => (window as unknown as { __bench: { doneAt: number | null; error: string | null } }).__bench);
    if (loaded.error || loaded.doneAt === null) throw new Error(`setData peer failed: ${loaded.error ?? 'no result'} ${errors.join('; ')}`);
    const toggleMs: number[] = [];
    let wrongCounts = 0;
    for (const toggle of toggles) {
      const result = await page.evaluate(
        (theme) => (window as unknown as { __bench: { toggle: (theme: string) => Promise<{ elapsed: number; count: number }> } }).__bench.toggle(theme),
        toggle.theme,
      );
      if (result.count !== toggle.expectedCount) wrongCounts += 1;
      toggleMs.push(result.elapsed);
      await page.waitForTimeout(150);
    }
    return { loadMs: loaded.doneAt, toggleMs, wrongCounts };
  } finally {
    await close();
  }
}
