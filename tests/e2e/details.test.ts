import { expect, it } from 'vitest';
import { bundledFeatures, describeE2E } from './driver';

describeE2E('details panel', (browser) => {
  it('opens the details of the initiative named by ?id=, as a region headed by its name', async () => {
    const chosen = bundledFeatures()[3];
    if (!chosen) throw new Error('the bundled data is empty');
    const app = await browser.open({ query: `id=${encodeURIComponent(chosen.properties.id)}&basemap=offline` });
    const region = app.page.getByRole('region', { name: chosen.properties.name });
    await region.waitFor();
    expect(await region.getByRole('heading', { level: 2 }).textContent()).toBe(chosen.properties.name);
    expect(await region.textContent()).toContain(chosen.properties.commune);
  });

  it('« Zoomer ici » brings the camera to the initiative', async () => {
    const chosen = bundledFeatures()[0];
    if (!chosen) throw new Error('the bundled data is empty');
    const app = await browser.open({ query: `id=${encodeURIComponent(chosen.properties.id)}&basemap=offline` });
    await app.waitForMapIdle();
    await app.page.getByRole('button', { name: 'Zoomer ici' }).click();
    const [longitude, latitude] = chosen.geometry.coordinates;
    await app.page.waitForFunction(
      ([lon, lat]) => {
        const [zoom, hashLat, hashLon] = window.location.hash.slice(1).split('/').map(Number);
        return (zoom ?? 0) >= 12.5 && Math.abs((hashLat ?? 0) - lat) < 0.01 && Math.abs((hashLon ?? 0) - lon) < 0.01;
      },
      [longitude, latitude] as const,
      { timeout: 15_000 },
    );
  });

  it('closes with Escape', async () => {
    const chosen = bundledFeatures()[1];
    if (!chosen) throw new Error('the bundled data is empty');
    const app = await browser.open({ query: `id=${encodeURIComponent(chosen.properties.id)}&basemap=offline` });
    const heading = app.page.getByRole('heading', { name: chosen.properties.name, exact: true });
    await heading.waitFor();
    await heading.focus();
    await app.page.keyboard.press('Escape');
    await heading.waitFor({ state: 'hidden' });
  });

  it('is a bottom sheet on a phone, over the lower part of the map', async () => {
    const chosen = bundledFeatures()[2];
    if (!chosen) throw new Error('the bundled data is empty');
    const app = await browser.open({ query: `id=${encodeURIComponent(chosen.properties.id)}&basemap=offline`, viewport: { width: 390, height: 844 } });
    const region = app.page.getByRole('region', { name: chosen.properties.name });
    await region.waitFor();
    const box = await region.boundingBox();
    const map = await app.page.locator('[data-testid="map"]').boundingBox();
    expect(box && map).toBeTruthy();
    if (box && map) {
      expect(box.width).toBeGreaterThanOrEqual(map.width - 1);
      expect(Math.abs(box.y + box.height - (map.y + map.height))).toBeLessThan(2);
    }
  });
});
