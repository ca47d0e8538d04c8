import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bundledFeatures, describeE2E, launchBrowser, openApp } from './driver';

describeE2E('app shell', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('announces the number of bundled initiatives in French', async () => {
    const app = await openApp(browser);
    expect(await app.count()).toBe(bundledFeatures().length);
    expect(await app.page.getAttribute('html', 'lang')).toBe('fr');
    await app.close();
  });

  it('announces zero when nothing matches', async () => {
    const app = await openApp(browser, { query: 'q=aucune-initiative-ne-porte-ce-nom&basemap=offline' });
    expect(await app.count()).toBe(0);
    expect(await app.page.getByRole('status').filter({ hasText: /initiative/ }).first().textContent()).toMatch(/\b0 initiative\b/);
    await app.close();
  });

  it('says so, and keeps the list, when the map\'s script cannot be loaded', async () => {
    const app = await openApp(browser, { missing: /\/assets\/MapView-[^/]*\.js$/ });
    const alert = app.page.getByRole('alert').filter({ hasText: 'La carte n’a pas pu être chargée' });
    await alert.waitFor();
    expect(await app.count()).toBe(bundledFeatures().length);
    expect(await app.page.getByRole('list', { name: /initiatives/i }).getByRole('button').count()).toBeGreaterThan(0);
    await app.close();
  });

  it('shows a readable French message with a retry when the data file is missing', async () => {
    const app = await openApp(browser, { data: { status: 404 } });
    const alert = app.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/introuvable|indisponible/);
    expect(await app.page.getByRole('button', { name: 'Réessayer' }).isVisible()).toBe(true);
    await app.close();
  });

  it('shows a readable French message when the data file is not JSON', async () => {
    const app = await openApp(browser, { data: { body: '{"type": "FeatureCollection", "features": [' } });
    const alert = app.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/endommagé/);
    await app.close();
  });
});
