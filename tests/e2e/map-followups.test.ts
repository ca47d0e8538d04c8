import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bundledFeatures, describeE2E, launchBrowser, openApp } from './driver';

/** MapLibre's hash: #zoom/latitude/longitude. */
async function camera(page: Page): Promise<{ zoom: number; latitude: number; longitude: number }> {
  const [zoom, latitude, longitude] = (await page.evaluate(() => window.location.hash.slice(1))).split('/').map(Number);
  return { zoom: zoom ?? Number.NaN, latitude: latitude ?? Number.NaN, longitude: longitude ?? Number.NaN };
}

/** Turns the mouse wheel over the middle of the map, as a reader scrolling the page would. */
async function wheelOverMap(page: Page): Promise<void> {
  const box = await page.locator('[data-testid="map"] canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let step = 0; step < 5; step++) await page.mouse.wheel(0, -300);
}

describeE2E('map follow-ups', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('embedded (embed=1), the wheel scrolls the host page instead of zooming the map, and says how to zoom', async () => {
    const app = await openApp(browser, { query: 'basemap=offline&embed=1', hash: '6/46.5/2.5' });
    await app.waitForMapIdle();
    await wheelOverMap(app.page);
    await app.page.waitForTimeout(1500);
    expect((await camera(app.page)).zoom).toBe(6);
    await app.page.getByText('Utilisez Ctrl + molette pour zoomer').first().waitFor({ state: 'attached' });
    await app.close();
  });

  it('not embedded, the wheel zooms the map', async () => {
    const app = await openApp(browser, { query: 'basemap=offline', hash: '6/46.5/2.5' });
    await app.waitForMapIdle();
    await wheelOverMap(app.page);
    await app.page.waitForFunction(() => Number(window.location.hash.slice(1).split('/')[0]) > 6.5, undefined, { timeout: 10_000 });
    await app.close();
  });
});

export { bundledFeatures };
