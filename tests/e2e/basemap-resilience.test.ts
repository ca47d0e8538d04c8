/**
 * An online basemap that misbehaves never hides the initiatives: its requests are intercepted in
 * the browser (no network here) and made to hang or fail; the map falls back to the bundled
 * basemap, says so in one line, and offers to retry. Outcomes are awaited generously, not timed.
 */
import { expect, it } from 'vitest';
import { appUrl, describeE2E, type AppPage, type E2EBrowser } from './driver';

const IGN_STYLE = /^https:\/\/data\.geopf\.fr\/annexes\/ressources\/vectorTiles\/styles\/PLAN\.IGN\/standard\.json/;
const TILES = /^https:\/\/data\.geopf\.fr\/test-tiles\//;

/** A small raster style standing in for Plan IGN: its tiles come from the same host. */
const STYLE = JSON.stringify({
  version: 8,
  sources: { plan: { type: 'raster', tiles: ['https://data.geopf.fr/test-tiles/{z}/{x}/{y}.png'], tileSize: 256 } },
  layers: [
    { id: 'land', type: 'background', paint: { 'background-color': '#eeeeee' } },
    { id: 'plan', type: 'raster', source: 'plan' },
  ],
});
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

type Answer = 'hang' | 'ok' | number;

/** Opens the app on Plan IGN with the style's and the tiles' answers chosen by the test. */
async function openOnline(browser: E2EBrowser, answers: { style: () => Answer; tile: () => Answer }, query = ''): Promise<AppPage> {
  const app = await browser.open({ url: 'about:blank' });
  await app.context.route(/^https:\/\/data\.geopf\.fr\//, async (route) => {
    const url = route.request().url();
    const answer = IGN_STYLE.test(url) ? answers.style() : TILES.test(url) ? answers.tile() : 404;
    if (answer === 'hang') return; // never answered
    if (answer === 'ok') {
      if (IGN_STYLE.test(url)) await route.fulfill({ status: 200, contentType: 'application/json', body: STYLE });
      else await route.fulfill({ status: 200, contentType: 'image/png', body: TILE });
      return;
    }
    await route.fulfill({ status: answer, body: 'erreur' });
  });
  await app.page.goto(`${appUrl()}?basemap=ign${query}`);
  return app;
}

async function expectFallbackSaid(app: AppPage): Promise<void> {
  await app.page.waitForSelector('[data-testid="map"][data-basemap="offline"]', { timeout: 30_000 });
  const notice = app.page.getByText('Fond de carte en ligne indisponible : fond simplifié affiché.');
  await notice.waitFor({ timeout: 10_000 });
  expect(await app.page.getByRole('button', { name: 'Réessayer' }).count()).toBe(1);
}

async function expectInitiativesDrawn(app: AppPage): Promise<void> {
  await app.waitForMapIdle(30_000);
  expect(Number(await app.page.getAttribute('[data-testid="map"]', 'data-rendered-initiatives'))).toBeGreaterThan(0);
}

/** Pixels painted on the cluster canvas laid over the map (the initiatives as a person sees them). */
async function overlayPixels(app: AppPage): Promise<number> {
  return app.page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="cluster-overlay"]');
    const context = canvas?.getContext('2d');
    if (!canvas || !context || canvas.width === 0 || canvas.height === 0) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let index = 3; index < data.length; index += 4) if ((data[index] as number) > 0) painted += 1;
    return painted;
  });
}

describeE2E('online basemap failures', (browser) => {
  it('style answers but its tiles hang: the initiatives are drawn while the basemap still waits', async () => {
    // The e2e build lets the spec hold off the fallback, so what shows is drawn over a basemap still loading.
    const app = await openOnline(browser, { style: () => 'ok', tile: () => 'hang' }, '&e2e-basemap-stall-ms=120000');
    await app.count();
    let painted = await overlayPixels(app);
    for (const deadline = Date.now() + 30_000; painted < 500 && Date.now() < deadline; painted = await overlayPixels(app)) {
      await app.page.waitForTimeout(250);
    }
    expect(painted).toBeGreaterThan(500);
    expect(await app.page.getAttribute('[data-testid="map"]', 'data-basemap')).toBe('online');
  }, 60_000);

  it('style answers but its tiles hang: the initiatives are drawn, the basemap falls back and says so', async () => {
    const app = await openOnline(browser, { style: () => 'ok', tile: () => 'hang' });
    await expectInitiativesDrawn(app);
    await expectFallbackSaid(app);
  }, 90_000);

  it('tiles fail with 500 after a first success: falls back', async () => {
    let served = 0;
    const app = await openOnline(browser, { style: () => 'ok', tile: () => (served++ < 2 ? 'ok' : 500) });
    await expectFallbackSaid(app);
    expect(served).toBeGreaterThan(2);
    await expectInitiativesDrawn(app);
  }, 90_000);

  it('a style that never comes: falls back in words, and « Réessayer » goes back online once it answers', async () => {
    let styleAnswer: Answer = 'hang';
    const app = await openOnline(browser, { style: () => styleAnswer, tile: () => 'ok' });
    await expectFallbackSaid(app);
    await expectInitiativesDrawn(app);
    styleAnswer = 'ok';
    await app.page.getByRole('button', { name: 'Réessayer' }).click();
    await app.page.waitForSelector('[data-testid="map"][data-basemap="online"]', { timeout: 30_000 });
    await app.page.getByText('Fond de carte en ligne indisponible').waitFor({ state: 'detached', timeout: 30_000 });
  }, 90_000);
});
