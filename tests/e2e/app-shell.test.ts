import { expect, it } from 'vitest';
import { bundledFeatures, describeE2E } from './driver';

describeE2E('app shell', (browser) => {
  it('announces the number of bundled initiatives in French', async () => {
    const app = await browser.open();
    expect(await app.count()).toBe(bundledFeatures().length);
    expect(await app.page.getAttribute('html', 'lang')).toBe('fr');
  });

  it('announces zero when nothing matches', async () => {
    const app = await browser.open({ query: 'q=aucune-initiative-ne-porte-ce-nom&basemap=offline' });
    expect(await app.count()).toBe(0);
    expect(await app.page.getByRole('status').filter({ hasText: /initiative/ }).first().textContent()).toMatch(/\b0 initiative\b/);
  });

  it('says so, and keeps the list, when the map\'s script cannot be loaded', async () => {
    const app = await browser.open({ missing: /\/assets\/MapView-[^/]*\.js$/ });
    const alert = app.page.getByRole('alert').filter({ hasText: 'La carte n’a pas pu être chargée' });
    await alert.waitFor();
    expect(await app.count()).toBe(bundledFeatures().length);
    expect(await app.page.getByRole('list', { name: /initiatives/i }).getByRole('button').count()).toBeGreaterThan(0);
  });

  it('says so when the app\'s own script cannot be loaded, instead of a blank page', async () => {
    const app = await browser.open({ missing: /\/assets\/app-[^/]*\.js$/ });
    const alert = app.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/La page n’a pas pu être chargée/);
  });

  it('asks for config.json and the data once each, as the page starts', async () => {
    const app = await browser.open();
    await app.waitForCount(bundledFeatures().length);
    expect(app.requested.filter((path) => path.endsWith('/config.json'))).toHaveLength(1);
    expect(app.requested.filter((path) => path.endsWith('/data/initiatives.geojson'))).toHaveLength(1);
  });

  it('shows a readable French message with a retry when the data file is missing', async () => {
    const app = await browser.open({ data: { status: 404 } });
    const alert = app.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/introuvable|indisponible/);
    // The data panel's own retry (the map may offer one for its basemap too).
    expect(await alert.getByRole('button', { name: 'Réessayer' }).isVisible()).toBe(true);
  });

  it('ends a data download that never answers with the error panel, and « Réessayer » then loads', async () => {
    // The e2e build shortens the 20 s watchdog through this parameter; another build waits the 20 s.
    const app = await browser.open({ data: { stallOnce: true }, query: 'e2e-download-idle-ms=500&basemap=offline' });
    const alert = app.page.getByRole('alert').filter({ hasText: 'bloqué' });
    await alert.waitFor({ timeout: 40_000 });
    expect(await alert.textContent()).toMatch(/Vérifiez votre connexion puis réessayez/);
    await alert.getByRole('button', { name: 'Réessayer' }).click();
    expect(await app.count()).toBe(bundledFeatures().length);
  });

  it('says « Aucune initiative dans les données » for an empty file, and counts invalid features for maintainers', async () => {
    const empty = await browser.open({ data: { type: 'FeatureCollection', features: [] }, query: 'basemap=offline' });
    expect(await empty.count()).toBe(0);
    await empty.page.getByText('Aucune initiative dans les données').first().waitFor();
    expect(await empty.page.getByText(/Aucune initiative ne correspond/).count()).toBe(0);
    const [first, second] = bundledFeatures();
    const broken = { ...second, properties: { ...second?.properties, department: '99' } };
    const mixed = await browser.open({ data: { type: 'FeatureCollection', features: [first, broken, { type: 'Feature' }] }, query: 'basemap=offline' });
    expect(await mixed.count()).toBe(1);
    await mixed.page.getByText('2 initiatives ignorées : données invalides').waitFor();
  });

  it('shows a readable French message when the data file is not JSON', async () => {
    const app = await browser.open({ data: { body: '{"type": "FeatureCollection", "features": [' } });
    const alert = app.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/endommagé/);
  });
});
