import { expect, it } from 'vitest';
import { generateInitiatives, toFeature } from '../../bench/synthetic';
import { aCollection } from '../support/builders';
import { describeE2E } from './driver';

/** 100,000 synthetic initiatives on real communes: the benchmark's own generator (deterministic). */
function syntheticCollection(count: number) {
  return aCollection([...generateInitiatives(count)].map(toFeature));
}

describeE2E('filters at 100,000 initiatives', (browser) => {
  // Timing lives in `npm run bench` (filter_100k_p95_ms); this checks what a person sees at that scale.
  it('at 100,000, each theme toggle leaves the count and the list agreeing, the list in name order', async () => {
    const collection = syntheticCollection(100_000);
    const app = await browser.open({ data: collection });
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
    const mobilityCount = collection.features.filter((feature) => feature.properties.themes.includes('mobilite')).length;
    expect(rounds.map((round) => round.shown)).toEqual([mobilityCount, 100_000, mobilityCount, 100_000, mobilityCount, 100_000]);
    for (const round of rounds) {
      expect(round.listed).toBe(round.shown);
      expect(round.firstNames).toHaveLength(5);
      const collator = new Intl.Collator('fr', { numeric: true });
      expect(round.firstNames).toEqual([...round.firstNames].sort(collator.compare));
    }
  }, 240_000);
});
