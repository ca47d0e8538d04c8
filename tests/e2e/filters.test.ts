import { expect, it } from 'vitest';
import { bundledFeatures, describeE2E, type GeoJsonFeature } from './driver';

/** An independent, plain reading of CONTRACT §4, to compute what each URL must show. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ');
}

const THEME_IDS = ['alimentation', 'commerces', 'mobilite', 'entrepreneuriat', 'tiers-lieux', 'economie-circulaire', 'transition-energetique'];

function expectedCount(features: GeoJsonFeature[], query: string): number {
  const params = new URLSearchParams(query);
  const list = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean);
  // Unknown or invalid values are ignored (CONTRACT §4).
  const themes = list('themes').filter((theme) => THEME_IDS.includes(theme));
  const territories = list('territoire').filter((territory) => ['qpv', 'rural', 'centre-ville', 'urbain'].includes(territory));
  const departments = list('dep').filter((code) => /^([0-9]{2}|2A|2B|97[1-6])$/.test(code));
  const matchAll = params.get('match') === 'all';
  const words = fold(params.get('q') ?? '').split(' ').filter(Boolean);
  return features.filter(({ properties }) => {
    if (themes.length > 0) {
      const hits = themes.filter((theme) => (properties.themes as readonly string[]).includes(theme)).length;
      if (matchAll ? hits < themes.length : hits === 0) return false;
    }
    if (territories.length > 0 && !territories.includes(properties.territory)) return false;
    if (departments.length > 0 && !departments.includes(properties.department)) return false;
    const text = fold(`${properties.name} ${properties.commune} ${properties.description}`);
    return words.every((word) => text.includes(word));
  }).length;
}

function mostCommon(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((left, right) => right[1] - left[1]).map(([value]) => value);
}

/** One query per CONTRACT §4 filter parameter, built from what the bundled data holds. */
function queriesFor(features: GeoJsonFeature[]): Record<string, string> {
  const themes = mostCommon(features.flatMap((feature) => feature.properties.themes));
  const departments = mostCommon(features.map((feature) => feature.properties.department));
  const territories = mostCommon(features.map((feature) => feature.properties.territory));
  return {
    themes: `themes=${themes[0]}`,
    'themes (any of two)': `themes=${themes[0]},${themes[1]}`,
    'themes with match=all': `themes=${themes[0]},${themes[1]}&match=all`,
    territoire: `territoire=${territories[0]},${territories[1]}`,
    dep: `dep=${departments[0]},${departments[1]}`,
    q: 'q=cafe',
    'all together': `themes=${themes[0]}&territoire=${territories[0]}&q=a`,
    'invalid values ignored': `themes=licorne&dep=999&territoire=lune&match=peut-etre`,
  };
}

describeE2E('filters and URL', (browser) => {
  for (const name of ['themes', 'themes (any of two)', 'themes with match=all', 'territoire', 'dep', 'q', 'all together', 'invalid values ignored']) {
    it(`the URL parameter « ${name} » gives the count the bundled data implies`, async () => {
      const features = bundledFeatures();
      const query = queriesFor(features)[name] as string;
      const app = await browser.open({ query });
      expect(await app.count()).toBe(expectedCount(features, query));
    });
  }

  it('ticking a theme updates the count, the list and the URL, and keeps the camera hash', async () => {
    const features = bundledFeatures();
    const app = await browser.open({ hash: '6/46.5/2.5' });
    expect(await app.count()).toBe(features.length);
    await app.page.getByRole('checkbox', { name: /Mobilité/ }).check();
    const expected = expectedCount(features, 'themes=mobilite');
    await app.waitForCount(expected);
    await app.page.waitForURL((url) => url.searchParams.get('themes') === 'mobilite');
    const listed = await app.page.locator('#results li').first().getAttribute('aria-setsize');
    expect(Number(listed)).toBe(expected);
    const names = await app.page.locator('#results button').allTextContents();
    const mobility = new Set(features.filter((feature) => feature.properties.themes.includes('mobilite')).map((feature) => feature.properties.name));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((label) => mobility.has(label))).toBe(true);
    expect(new URL(app.page.url()).hash).toMatch(/^#6(\.0+)?\/46\.50*\/2\.50*/);
  });

  it('back and forward walk through filter changes', async () => {
    const features = bundledFeatures();
    const app = await browser.open();
    await app.count();
    await app.page.getByRole('checkbox', { name: /Mobilité/ }).check();
    await app.waitForCount(expectedCount(features, 'themes=mobilite'));
    await app.page.waitForURL((url) => url.search === '?themes=mobilite');
    await app.page.getByRole('checkbox', { name: /Rural/ }).check();
    await app.waitForCount(expectedCount(features, 'themes=mobilite&territoire=rural'));
    await app.page.waitForURL((url) => url.search === '?themes=mobilite&territoire=rural');
    await app.page.goBack();
    await app.waitForCount(expectedCount(features, 'themes=mobilite'));
    expect(await app.page.getByRole('checkbox', { name: /Rural/ }).isChecked()).toBe(false);
    await app.page.goBack();
    await app.waitForCount(features.length);
    expect(new URL(app.page.url()).search).toBe('');
    await app.page.goForward();
    await app.waitForCount(expectedCount(features, 'themes=mobilite'));
    expect(await app.page.getByRole('checkbox', { name: /Mobilité/ }).isChecked()).toBe(true);
  });
});
