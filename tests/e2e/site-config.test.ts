/**
 * config.json (CONTRACT §8): a partner's title, a CSV as data (geocoded in the browser with
 * the pipeline's rules), « Proposer une initiative » and « Signaler une erreur » links; a
 * broken config falls back to the defaults with one warning; the data's publication date.
 */
import { expect, it } from 'vitest';
import { bundledFeatures, describeE2E, type AppPage } from './driver';

const CSV = [
  'id,nom,themes,territoire,commune,code_insee,code_postal,departement,description,site_web',
  'garage-vaillant,Garage « solidaire » & co,mobilite,rural,Vaillant,52499,,,Réparation,https://example.org/g',
  'epicerie-havre,Épicerie du Havre,alimentation,urbain,Le Havre,,76600,,,',
  'ambigue,Ambiguë,commerces,urbain,Saint-Denis,,,,,',
  'inconnue,Inconnue,commerces,urbain,Vaillan,,,,,',
].join('\n');

const CONFIG = {
  title: 'Carte du réseau Exemple',
  dataUrl: 'data/reseau.csv',
  reportUrl: 'https://grist.example.org/formulaire?id={id}&nom={nom}&commune={commune}&lien={lien}',
  proposeUrl: 'https://framaforms.org/proposer-une-initiative',
  unknownKey: true,
};

describeE2E('site configuration (config.json)', (browser) => {
  let app: AppPage | undefined;

  it('shows a partner’s title and the valid rows of its CSV, with its contribution links', async () => {
    app = await browser.open({
      files: { 'config.json': { body: JSON.stringify(CONFIG), contentType: 'application/json' }, 'reseau.csv': { body: CSV, contentType: 'text/csv' } },
    });
    expect(await app.count()).toBe(2);
    await expect.poll(() => app?.page.getByRole('heading', { level: 1 }).textContent()).toBe(CONFIG.title);
    expect(await app.page.title()).toContain(CONFIG.title);
    expect(app.warnings.some((warning) => warning.includes('2 ligne(s) rejetée(s) sur 4'))).toBe(true);

    const propose = app.page.getByRole('link', { name: /Proposer une initiative/ });
    expect(await propose.getAttribute('href')).toBe(CONFIG.proposeUrl);
    expect(await propose.getAttribute('target')).toBe('_blank');
    expect(await propose.getAttribute('rel')).toContain('noopener');

    await app.page.getByRole('button', { name: /Garage « solidaire » & co/ }).first().click();
    const report = app.page.getByRole('link', { name: /Signaler une erreur/ });
    const href = new URL((await report.getAttribute('href')) as string);
    expect(href.origin + href.pathname).toBe('https://grist.example.org/formulaire');
    expect(href.searchParams.get('id')).toBe('garage-vaillant');
    expect(href.searchParams.get('nom')).toBe('Garage « solidaire » & co');
    expect(href.searchParams.get('commune')).toBe('Vaillant');
    expect(href.searchParams.get('lien')).toContain('garage-vaillant');
    expect(await report.getAttribute('target')).toBe('_blank');
    // The online basemap is unreachable here (no network in tests): only that may fail.
    expect(app.errors.filter((error) => !/Failed to load resource|net::ERR/.test(error))).toEqual([]);
  });

  it('falls back to the defaults with one warning when config.json is not JSON, and says when the data was published', async () => {
    app = await browser.open({ files: { 'config.json': { body: '{ title: oublié des guillemets', contentType: 'application/json' } } });
    expect(await app.count()).toBe(bundledFeatures().length);
    expect(await app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Carte ESS');
    expect(app.warnings.filter((warning) => warning.includes('config.json'))).toHaveLength(1);
    expect(await app.page.getByRole('link', { name: /Proposer une initiative/ }).count()).toBe(0);
    await expect.poll(() => app?.page.getByText(/Données mises à jour le \d{1,2} \S+ \d{4}/).count()).toBe(1);
  });

  it('drops wrongly typed keys only, with one warning', async () => {
    app = await browser.open({ files: { 'config.json': { body: JSON.stringify({ title: 42, proposeUrl: 'javascript:alert(1)', reportUrl: 'https://example.org/?id={id}' }), contentType: 'application/json' } } });
    expect(await app.count()).toBe(bundledFeatures().length);
    expect(await app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Carte ESS');
    expect(await app.page.getByRole('link', { name: /Proposer une initiative/ }).count()).toBe(0);
    const warnings = app.warnings.filter((warning) => warning.includes('config.json'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('« title »');
    expect(warnings[0]).toContain('« proposeUrl »');
  });
});

/** Requests made for the online basemaps (aborted here: no network), by host. */
function basemapHostsAsked(app: AppPage): string[] {
  const hosts = app.blocked.map((url) => new URL(url).host).filter((host) => host === 'data.geopf.fr' || host === 'tiles.openfreemap.org');
  return [...new Set(hosts)];
}

const configFile = (config: object) => ({ 'config.json': { body: JSON.stringify(config), contentType: 'application/json' } });

describeE2E('site configuration: the default basemap', (browser) => {
  it('starts on the basemap config.json names when the URL names none, and the URL still wins', async () => {
    // « offline »: the bundled basemap from the start, Plan IGN (our default) never asked for.
    const offline = await browser.open({ files: configFile({ basemap: 'offline' }) });
    await offline.waitForMapIdle();
    expect(await offline.page.getAttribute('[data-testid="map"]', 'data-basemap')).toBe('offline');
    expect(basemapHostsAsked(offline)).toEqual([]);
    expect(await offline.page.getByText('Fond de carte en ligne indisponible').count()).toBe(0);
    expect(offline.warnings.filter((warning) => warning.includes('config.json'))).toEqual([]);

    // « openfreemap »: its style is the one asked for, not Plan IGN's.
    const openFreeMap = await browser.open({ files: configFile({ basemap: 'openfreemap' }) });
    await expect.poll(() => basemapHostsAsked(openFreeMap), { timeout: 30_000 }).toEqual(['tiles.openfreemap.org']);

    // The URL's basemap= is the reader's choice: it wins over the site's default.
    const chosen = await browser.open({ query: 'basemap=offline', files: configFile({ basemap: 'openfreemap' }) });
    await chosen.waitForMapIdle();
    expect(await chosen.page.getAttribute('[data-testid="map"]', 'data-basemap')).toBe('offline');
    expect(basemapHostsAsked(chosen)).toEqual([]);
  }, 120_000);

  it('ignores a basemap it does not know, with the one config.json warning, and keeps the default', async () => {
    const app = await browser.open({ files: configFile({ basemap: 'satellite', title: 'Réseau' }) });
    await expect.poll(() => basemapHostsAsked(app), { timeout: 30_000 }).toEqual(['data.geopf.fr']);
    expect(await app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Réseau');
    const warnings = app.warnings.filter((warning) => warning.includes('config.json'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('« basemap »');
  }, 120_000);
});
