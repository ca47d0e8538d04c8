import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, launchBrowser, openApp } from './driver';

describeE2E('credits on the map', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('credits GeoNames and INSEE with their links, unfolded at first on a phone too', async () => {
    const app = await openApp(browser, { query: 'basemap=offline', viewport: { width: 390, height: 844 } });
    await app.waitForMapIdle();
    const attribution = app.page.locator('.maplibregl-ctrl-attrib');
    expect(await attribution.getAttribute('class')).toContain('maplibregl-compact-show');
    expect(await attribution.locator('a[href="https://www.geonames.org/"]').textContent()).toBe('GeoNames');
    expect(await attribution.textContent()).toContain('COG INSEE');
    await app.close();
  });
});
