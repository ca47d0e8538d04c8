import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeE2E, launchBrowser, openApp } from './driver';

const THEMES = ['alimentation', 'commerces', 'mobilite', 'entrepreneuriat', 'tiers-lieux', 'economie-circulaire', 'transition-energetique'];
const TERRITORIES = ['qpv', 'rural', 'centre-ville', 'urbain'];
const DEPARTMENTS = ['01', '13', '2A', '33', '35', '52', '59', '62', '69', '75', '93', '971'];

/** 100,000 plausible initiatives spread over mainland France (deterministic). */
function syntheticCollection(count: number) {
  let state = 12345;
  const next = (modulo: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % modulo;
  };
  const features = [];
  for (let position = 0; position < count; position += 1) {
    const themes = [...new Set([THEMES[next(7)], THEMES[next(7)]])];
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-1.5 + next(8000) / 1000, 43.5 + next(7000) / 1000] },
      properties: {
        id: `synthetique-${position}`,
        name: `Initiative solidaire ${position}`,
        themes,
        territory: TERRITORIES[next(4)],
        commune: `Commune ${next(3000)}`,
        insee: '52121',
        department: DEPARTMENTS[next(DEPARTMENTS.length)],
        description: next(3) === 0 ? 'Café associatif et épicerie' : 'Atelier de réparation',
        source: '',
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

describeE2E('filters at 100,000 initiatives', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Timing lives in `npm run bench` (filter_100k_p95_ms); this checks what a person sees at that scale.
  it('at 100,000, each theme toggle leaves the count and the list agreeing, the list in name order', async () => {
    const app = await openApp(browser, { data: syntheticCollection(100_000) });
    await app.page.waitForFunction(() => /100\D?000 initiatives/.test(document.querySelector('[role="status"]')?.textContent ?? ''), undefined, { timeout: 120_000 });
    const rounds = await app.page.evaluate(async () => {
      const checkbox = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]
        .find((input) => /Mobilité/.test(input.closest('label')?.textContent ?? '')) as HTMLInputElement;
      const status = document.querySelector('[role="status"]') as HTMLElement;
      const seen: { shown: number; listed: number; firstNames: string[] }[] = [];
      for (let round = 0; round < 6; round += 1) {
        checkbox.click();
        // React commits a click's update synchronously: count and list are in the DOM now.
        seen.push({
          shown: Number((status.textContent ?? '').replace(/\D/g, '')),
          listed: Number(document.querySelector('#results li')?.getAttribute('aria-setsize')),
          firstNames: [...document.querySelectorAll('#results li .results-name')].slice(0, 5).map((button) => button.textContent ?? ''),
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return seen;
    });
    const mobilityCount = syntheticCollection(100_000).features.filter((feature) => feature.properties.themes.includes('mobilite')).length;
    expect(rounds.map((round) => round.shown)).toEqual([mobilityCount, 100_000, mobilityCount, 100_000, mobilityCount, 100_000]);
    for (const round of rounds) {
      expect(round.listed).toBe(round.shown);
      expect(round.firstNames).toHaveLength(5);
      const collator = new Intl.Collator('fr', { numeric: true });
      expect(round.firstNames).toEqual([...round.firstNames].sort(collator.compare));
    }
    await app.close();
  }, 240_000);
});
