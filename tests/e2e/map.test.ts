import { expect, it } from 'vitest';
import type { ThemeId } from '../../src/domain/themes';
import { aFeature } from '../support/builders';
import { bundledFeatures, describeE2E, type Page } from './driver';

/** Colour of cluster bubbles (src/map/icons.ts): its presence proves our data was drawn, not only the basemap. */
const CLUSTER_NAVY = [0x1d, 0x35, 0x57] as const;

interface PixelStats {
  distinctColours: number;
  navyPixels: number;
  themePixels: Record<string, number>;
}

/** Reads a screenshot of the map back in the page (no image library needed) and counts colours. */
async function mapPixels(page: Page): Promise<PixelStats> {
  const png = await page.locator('[data-testid="map"]').screenshot();
  return page.evaluate(
    async ({ base64, navy }) => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const colours = new Set<number>();
      let navyPixels = 0;
      const near = (offset: number, rgb: readonly number[]) =>
        Math.abs((data[offset] ?? 0) - (rgb[0] ?? 0)) < 8 && Math.abs((data[offset + 1] ?? 0) - (rgb[1] ?? 0)) < 8 && Math.abs((data[offset + 2] ?? 0) - (rgb[2] ?? 0)) < 8;
      const themeColours: Record<string, number[]> = { mobilite: [0x15, 0x65, 0xc0], 'tiers-lieux': [0xb8, 0x4a, 0x00] };
      const themePixels: Record<string, number> = { mobilite: 0, 'tiers-lieux': 0 };
      for (let offset = 0; offset < data.length; offset += 4) {
        colours.add(((data[offset] ?? 0) << 16) | ((data[offset + 1] ?? 0) << 8) | (data[offset + 2] ?? 0));
        if (near(offset, navy)) navyPixels++;
        for (const [theme, rgb] of Object.entries(themeColours)) if (near(offset, rgb)) themePixels[theme] = (themePixels[theme] ?? 0) + 1;
      }
      return { distinctColours: colours.size, navyPixels, themePixels };
    },
    { base64: png.toString('base64'), navy: CLUSTER_NAVY },
  );
}

function feature(id: string, name: string, [longitude, latitude]: [number, number], themes: ThemeId[] = ['tiers-lieux']) {
  return aFeature({ id, name, themes, territory: 'rural', commune: 'Langres', insee: '52269', department: '52', description: 'Essai.', source: '', longitude, latitude });
}

/** Clicks the centre of the map, where the camera (from the URL hash) is pointed. */
async function clickMapCentre(page: Page): Promise<void> {
  const box = await page.locator('[data-testid="map"] canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

describeE2E('map explorer', (browser) => {
  it('paints the basemap and the clustered initiatives on the canvas', async () => {
    const app = await browser.open({ query: 'basemap=offline' });
    await app.waitForMapIdle();
    const stats = await mapPixels(app.page);
    expect(stats.distinctColours).toBeGreaterThan(50);
    expect(stats.navyPixels).toBeGreaterThan(200);
    expect(await app.page.getAttribute('[data-testid="map"] canvas.maplibregl-canvas', 'aria-label')).toMatch(/Carte des initiatives/);
  });

  it('redraws the map when a filter leaves nothing to show, and says so', async () => {
    const app = await browser.open({ query: 'basemap=offline&q=zzzzzzzzzz' });
    await app.waitForMapIdle();
    // (The driver's count() cannot return 0: waitForFunction treats 0 as "not yet".)
    expect(await app.page.locator('[role="status"]').first().textContent()).toMatch(/\b0 initiative/);
    expect((await mapPixels(app.page)).navyPixels).toBeLessThan(20);
    await app.page.getByText('Aucune initiative ne correspond aux filtres sur la carte.').waitFor();
  });

  it('falls back to the bundled offline basemap when the online style is unreachable', async () => {
    const app = await browser.open();
    await app.page.waitForSelector('[data-testid="map"][data-basemap="offline"]', { timeout: 15_000 });
    await app.waitForMapIdle();
    expect((await mapPixels(app.page)).navyPixels).toBeGreaterThan(200);
    const attribution = (await app.page.locator('.maplibregl-ctrl-attrib').textContent()) ?? '';
    expect(attribution).toContain('Natural Earth');
    expect(attribution).toContain('Données : contributeurs Carte ESS, COG INSEE');
    expect(attribution).not.toContain('IGN');
  });

  it('shows a single initiative by its theme colour, and opens its details when clicked', async () => {
    const data = { type: 'FeatureCollection', features: [feature('seule', 'La Recyclerie seule', [5.3, 47.86], ['mobilite'])] };
    const app = await browser.open({ query: 'basemap=offline', hash: '12/47.86/5.3', data });
    await app.waitForMapIdle();
    expect((await mapPixels(app.page)).themePixels.mobilite).toBeGreaterThan(100);
    await clickMapCentre(app.page);
    await app.page.getByRole('region', { name: 'La Recyclerie seule' }).waitFor();
  });

  it('zooms in to split a cluster when it is clicked', async () => {
    const data = {
      type: 'FeatureCollection',
      features: [feature('ouest', 'À l’ouest', [5.28, 47.86]), feature('est', 'À l’est', [5.32, 47.86])],
    };
    const app = await browser.open({ query: 'basemap=offline', hash: '7/47.86/5.3', data });
    await app.waitForMapIdle();
    expect((await mapPixels(app.page)).navyPixels).toBeGreaterThan(100);
    await clickMapCentre(app.page);
    await app.page.waitForFunction(() => Number(window.location.hash.slice(1).split('/')[0]) >= 10, undefined, { timeout: 10_000 });
    await app.waitForMapIdle();
    const stats = await mapPixels(app.page);
    expect(stats.themePixels['tiers-lieux']).toBeGreaterThan(100);
  });

  it('lists the initiatives of a commune stack, which never splits, and opens the one chosen', async () => {
    const data = {
      type: 'FeatureCollection',
      features: [
        feature('un', 'Atelier vélo de Langres', [5.33, 47.86]),
        feature('deux', 'Épicerie de Langres', [5.33, 47.86]),
        feature('trois', 'Café de Langres', [5.33, 47.86]),
        feature('ailleurs', 'Ailleurs', [4.9, 47.5]),
      ],
    };
    // Zoom 20: far beyond where clusters split; the three still share one symbol.
    const app = await browser.open({ query: 'basemap=offline', hash: '20/47.86/5.33', data });
    await app.waitForMapIdle();
    await clickMapCentre(app.page);
    const list = app.page.getByRole('region', { name: '3 initiatives à Langres' });
    await list.waitFor();
    const buttons = list.getByRole('button', { name: /de Langres/ });
    expect(await buttons.count()).toBe(3);
    await list.getByRole('button', { name: 'Épicerie de Langres' }).click();
    await app.page.getByRole('heading', { name: 'Épicerie de Langres' }).waitFor();
  });

  it('brings an initiative selected off screen (here by ?id=, overseas) into view', async () => {
    const data = {
      type: 'FeatureCollection',
      features: [
        aFeature({ id: 'reunion', name: 'Ressourcerie de Saint-Denis', longitude: 55.45, latitude: -20.88, department: '974', insee: '97411', commune: 'Saint-Denis', description: 'Essai.' }),
        feature('langres', 'Atelier de Langres', [5.33, 47.86]),
      ],
    };
    const app = await browser.open({ query: 'basemap=offline&id=reunion', data });
    await app.page.getByRole('region', { name: 'Ressourcerie de Saint-Denis' }).waitFor();
    await app.page.waitForFunction(
      () => {
        const [, latitude, longitude] = window.location.hash.slice(1).split('/').map(Number);
        return Math.abs((latitude ?? 0) + 20.88) < 0.5 && Math.abs((longitude ?? 0) - 55.45) < 0.5;
      },
      undefined,
      { timeout: 15_000 },
    );
  });

  it('says so in French, and keeps the list usable, when the browser has no WebGL', async () => {
    const app = await browser.open({ query: 'basemap=offline', chromiumArgs: ['--disable-3d-apis'] });
    await app.page.getByText(/La carte ne peut pas s’afficher sur cet appareil/).waitFor();
    expect(await app.count()).toBe(bundledFeatures().length);
    await app.waitForMapIdle();
  });

  it('keeps the camera in the URL hash', async () => {
    const app = await browser.open({ query: 'basemap=offline', hash: '9/48.5/2.5' });
    await app.waitForMapIdle();
    await app.page.locator('button[aria-label="Zoomer"]').click();
    await app.page.waitForFunction(() => window.location.hash.startsWith('#10/'), undefined, { timeout: 10_000 });
  });
});
