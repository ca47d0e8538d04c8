import { expect, it } from 'vitest';
import { bundledFeatures, describeE2E, type Page } from './driver';

/** MapLibre's hash: #zoom/latitude/longitude. */
async function camera(page: Page): Promise<{ zoom: number; latitude: number; longitude: number }> {
  const [zoom, latitude, longitude] = (await page.evaluate(() => window.location.hash.slice(1))).split('/').map(Number);
  return { zoom: zoom ?? Number.NaN, latitude: latitude ?? Number.NaN, longitude: longitude ?? Number.NaN };
}

/** Turns the mouse wheel over the middle of the map, as a reader scrolling the page would. */
async function wheelOverMap(page: Page): Promise<void> {
  const box = await page.locator('[data-testid="map"] canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let step = 0; step < 5; step++) await page.mouse.wheel(0, -300);
}

describeE2E('map follow-ups', (browser) => {
  it('embedded (embed=1), the wheel scrolls the host page instead of zooming the map, and says how to zoom', async () => {
    const app = await browser.open({ query: 'basemap=offline&embed=1', hash: '6/46.5/2.5' });
    await app.waitForMapIdle();
    await wheelOverMap(app.page);
    await app.page.waitForTimeout(1500);
    expect((await camera(app.page)).zoom).toBe(6);
    await app.page.getByText('Utilisez Ctrl + molette pour zoomer').first().waitFor({ state: 'attached' });
  });

  it('« Aller à » › « La Réunion » takes the camera overseas, where the initiatives of 974 show', async () => {
    const expected = bundledFeatures().filter((feature) => feature.properties.department === '974').length;
    expect(expected).toBeGreaterThan(0);
    const app = await browser.open({ query: 'basemap=offline' });
    await app.waitForMapIdle();
    await app.page.getByText('Aller à', { exact: true }).click();
    await app.page.getByRole('button', { name: 'La Réunion' }).click();
    await app.page.waitForFunction(
      () => {
        const [, latitude, longitude] = window.location.hash.slice(1).split('/').map(Number);
        return Math.abs((latitude ?? 0) + 21.1) < 0.5 && Math.abs((longitude ?? 0) - 55.5) < 0.5;
      },
      undefined,
      { timeout: 15_000 },
    );
    await app.page.waitForSelector(`[data-testid="map"][data-map-status="idle"][data-rendered-initiatives="${expected}"]`, { timeout: 15_000 });
  });

  it('« Cercles par département » draws one circle per département having filtered initiatives, and follows the filters', async () => {
    const features = bundledFeatures();
    const metropolitanDepartments = (theme?: string) =>
      new Set(
        features
          .filter((feature) => !feature.properties.department.startsWith('97'))
          .filter((feature) => theme === undefined || (feature.properties.themes as readonly string[]).includes(theme))
          .map((feature) => feature.properties.department),
      ).size;
    const app = await browser.open({ query: 'basemap=offline' });
    await app.waitForMapIdle();
    const toggle = app.page.getByRole('button', { name: 'Cercles par département' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // The default view is metropolitan France: the overseas circles are off screen.
    await app.page.waitForSelector(`[data-testid="map"][data-map-status="idle"][data-rendered-circles="${metropolitanDepartments()}"]`, { timeout: 15_000 });
    expect(await app.page.getAttribute('[data-testid="map"]', 'data-rendered-initiatives')).toBe('0');
    await app.page.getByRole('checkbox', { name: /Mobilité/ }).check();
    const withMobility = metropolitanDepartments('mobilite');
    expect(withMobility).toBeLessThan(metropolitanDepartments());
    await app.page.waitForSelector(`[data-testid="map"][data-map-status="idle"][data-rendered-circles="${withMobility}"]`, { timeout: 15_000 });
    await toggle.click();
    await app.page.waitForSelector('[data-testid="map"][data-map-status="idle"][data-rendered-circles="0"]', { timeout: 15_000 });
  });

  it('not embedded, the wheel zooms the map', async () => {
    const app = await browser.open({ query: 'basemap=offline', hash: '6/46.5/2.5' });
    await app.waitForMapIdle();
    await wheelOverMap(app.page);
    await app.page.waitForFunction(() => Number(window.location.hash.slice(1).split('/')[0]) > 6.5, undefined, { timeout: 10_000 });
  });
});
