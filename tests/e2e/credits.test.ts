import { expect, it } from 'vitest';
import { describeE2E } from './driver';

describeE2E('credits on the map', (browser) => {
  it('credits GeoNames and INSEE with their links, unfolded at first on a phone too', async () => {
    const app = await browser.open({ query: 'basemap=offline', viewport: { width: 390, height: 844 } });
    await app.waitForMapIdle();
    const attribution = app.page.locator('.maplibregl-ctrl-attrib');
    expect(await attribution.getAttribute('class')).toContain('maplibregl-compact-show');
    expect(await attribution.locator('a[href="https://www.geonames.org/"]').textContent()).toBe('GeoNames');
    expect(await attribution.textContent()).toContain('COG INSEE');
  });
});
