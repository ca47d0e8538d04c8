/**
 * The first search keystroke (issue 21: « the first keystroke at 100,000 blocks 0.8 s »): a
 * person who starts typing in « Rechercher une initiative » as soon as the list shows, while
 * the page may still be preparing its search texts in idle time.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { foldSearchText } from '../src/domain/text-folding';
import { openPage } from './browser';
import { waitForInteractive, waitForOutcome } from './measure-app';
import { RECORDER_SCRIPT } from './page-recorder';

/** Remembers each keydown's own time stamp: when the key reached the page, however busy its main thread was. */
const KEY_RECORDER_SCRIPT = `document.addEventListener('keydown', (event) => { (window.__benchKeys = window.__benchKeys || []).push(event.timeStamp); }, true);`;

export interface Keystroke {
  key: string;
  /** Initiatives whose name, commune or description contain the key, as the app folds them. */
  expectedCount: number;
}

/**
 * The letter whose matches are nearest half the initiatives, so its result is plain to see
 * (a letter every text contains would leave the count unchanged).
 */
export function planKeystroke(geojsonPath: string): Keystroke {
  const document = JSON.parse(readFileSync(geojsonPath, 'utf8')) as { features: { properties: { name: string; commune: string; description?: string } }[] };
  const texts = document.features.map(({ properties }) => foldSearchText(`${properties.name} ${properties.commune} ${properties.description ?? ''}`));
  let best: Keystroke | null = null;
  for (const key of 'abcdefghijklmnopqrstuvwxyz') {
    const expectedCount = texts.filter((text) => text.includes(key)).length;
    if (!best || Math.abs(expectedCount - texts.length / 2) < Math.abs(best.expectedCount - texts.length / 2)) best = { key, expectedCount };
  }
  if (!best) throw new Error('no initiative to search');
  return best;
}

export interface KeystrokeRun {
  /** When the page was interactive (navigation start → count, list and map drawn). */
  interactiveMs: number;
  /** Keydown → the count shows the matches and the map is idle again. */
  keystrokeMs: number;
  /** Keydown → the count shows the matches. */
  countMs: number;
  /**
   * Keydown → the count first changes: the page's first answer. With the compact data file, typed
   * before the descriptions are in, it counts names and communes; countMs waits for the descriptions.
   */
  answerMs: number;
  /** False when the map never left idle: then keystrokeMs is the count's time. */
  mapObserved: boolean;
}

/**
 * One load of the app at `origin` with `total` initiatives, then the keystroke as soon as it is
 * interactive, or `settleMs` after the map's first idle (a person who looks before typing).
 */
export async function measureFirstKeystroke(browser: Browser, origin: string, total: number, keystroke: Keystroke, settleMs: number | null = null): Promise<KeystrokeRun> {
  const { page, close } = await openPage(browser);
  try {
    await page.addInitScript({ content: RECORDER_SCRIPT });
    await page.addInitScript({ content: KEY_RECORDER_SCRIPT });
    await page.goto(`${origin}/?basemap=offline`, { timeout: 240_000 });
    const field = page.getByRole('searchbox', { name: 'Rechercher une initiative' });
    await field.focus({ timeout: 60_000 });
    const interactiveMs = await waitForInteractive(page, total);
    if (settleMs !== null) {
      await waitForOutcome(page, total, 0, 240_000);
      await page.waitForTimeout(settleMs);
    }
    await page.keyboard.press(keystroke.key);
    const keyAt = await page.evaluate(() => (window as unknown as { __benchKeys?: number[] }).__benchKeys?.[0] ?? null);
    if (keyAt === null) throw new Error('the keystroke never reached the page');
    const outcome = await waitForOutcome(page, keystroke.expectedCount, keyAt, 60_000);
    const answeredAt = await page.evaluate(({ since, total }) => {
      const counts = (window as unknown as { __benchRecorder: { counts: [number, number | null][] } }).__benchRecorder.counts;
      return counts.find(([time, count]) => time >= since && count !== null && count !== total)?.[0] ?? null;
    }, { since: keyAt, total });
    const countMs = outcome.countAt - keyAt;
    return { interactiveMs, keystrokeMs: outcome.idleAt - keyAt, countMs, answerMs: answeredAt === null ? countMs : answeredAt - keyAt, mapObserved: outcome.statusChanged };
  } finally {
    await close();
  }
}
