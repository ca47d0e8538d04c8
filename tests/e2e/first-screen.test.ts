import { expect, it } from 'vitest';
import { bundledFeatures, describeE2E, isInFirstScreen, saveScreenshot, type AppPage } from './driver';

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 320, height: 640 };

function results(app: AppPage) {
  return app.page.getByRole('list', { name: 'Initiatives' }).getByRole('listitem');
}

async function itemsInFirstScreen(app: AppPage): Promise<number> {
  let seen = 0;
  const items = results(app);
  const total = await items.count();
  for (let position = 0; position < total; position += 1) {
    if (await isInFirstScreen(items.nth(position).getByRole('button'))) seen += 1;
  }
  return seen;
}

async function horizontalOverflow(app: AppPage): Promise<number> {
  return app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describeE2E('the first screen', (browser) => {
  it('shows the count and at least three results beside the map at 1280×800, without scrolling', async () => {
    const app = await browser.open({ query: 'basemap=offline', viewport: LAPTOP });
    expect(await app.count()).toBe(bundledFeatures().length);
    await app.waitForMapIdle();
    await saveScreenshot(app.page, 'first-screen-1280x800');
    expect(await isInFirstScreen(app.page.getByRole('status').filter({ hasText: /initiative/ }))).toBe(true);
    expect(await itemsInFirstScreen(app)).toBeGreaterThanOrEqual(3);
    expect(await isInFirstScreen(app.page.getByTestId('map'))).toBe(true);
    expect(await app.page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
  });

  it('gives every filter checkbox a target of at least 24×24 px', async () => {
    const app = await browser.open({ query: 'basemap=offline', viewport: LAPTOP });
    await app.count();
    const boxes = await app.page
      .getByRole('region', { name: 'Filtres' })
      .getByRole('checkbox')
      .evaluateAll((inputs) => inputs.map((input) => ({ width: input.getBoundingClientRect().width, height: input.getBoundingClientRect().height })));
    expect(boxes.length).toBeGreaterThanOrEqual(11);
    for (const box of boxes) {
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
  });

  it('on a 390×844 phone: the count in the first screen, « Liste » shows the results, « Carte » brings the map back', async () => {
    const app = await browser.open({ query: 'basemap=offline', viewport: PHONE });
    await app.count();
    await app.waitForMapIdle();
    const count = app.page.getByRole('status').filter({ hasText: /initiative/ });
    const map = app.page.getByTestId('map');
    expect(await isInFirstScreen(count)).toBe(true);
    expect(await isInFirstScreen(map)).toBe(true);
    expect(await itemsInFirstScreen(app)).toBe(0);
    await saveScreenshot(app.page, 'phone-390x844-map');

    await app.page.getByRole('button', { name: 'Liste', exact: true }).click();
    expect(await itemsInFirstScreen(app)).toBeGreaterThanOrEqual(3);
    expect(await isInFirstScreen(count)).toBe(true);
    expect(await map.isVisible()).toBe(false);
    await saveScreenshot(app.page, 'phone-390x844-list');

    await app.page.getByRole('button', { name: 'Carte', exact: true }).click();
    expect(await isInFirstScreen(map)).toBe(true);
    expect(await itemsInFirstScreen(app)).toBe(0);
  });

  it('on a phone: the filters open as a sheet and close; the details of a listed initiative open over the map with a close button', async () => {
    const app = await browser.open({ query: 'basemap=offline', viewport: PHONE });
    const total = await app.count();
    const mobility = app.page.getByRole('checkbox', { name: /Mobilité/ });
    expect(await mobility.isVisible()).toBe(false);
    await app.page.getByRole('button', { name: /^Filtres/ }).click();
    expect(await isInFirstScreen(mobility)).toBe(true);
    await saveScreenshot(app.page, 'phone-390x844-filters');
    await mobility.check();
    const expected = bundledFeatures().filter((feature) => feature.properties.themes.includes('mobilite')).length;
    await app.page.waitForFunction((count) => document.querySelector('[role="status"]')?.textContent?.includes(`${count} initiative`), expected);
    expect(expected).toBeLessThan(total);
    await app.page.getByRole('button', { name: /^Fermer/ }).click();
    expect(await mobility.isVisible()).toBe(false);
    expect(await app.count()).toBe(expected);

    await app.page.getByRole('button', { name: 'Liste', exact: true }).click();
    const first = results(app).first().getByRole('button');
    const name = (await first.textContent()) ?? '';
    await first.click();
    const details = app.page.getByRole('region', { name });
    expect(await isInFirstScreen(details.getByRole('heading', { name }))).toBe(true);
    expect(await app.page.getByTestId('map').isVisible()).toBe(true);
    await saveScreenshot(app.page, 'phone-390x844-details');
    await details.getByRole('button', { name: /Fermer/ }).click();
    await details.waitFor({ state: 'detached' });
  });

  it('never scrolls sideways at 320 px, in map view, list view and with the filters open', async () => {
    const app = await browser.open({ query: 'basemap=offline', viewport: SMALL_PHONE });
    await app.count();
    expect(await horizontalOverflow(app)).toBeLessThanOrEqual(0);
    expect(await isInFirstScreen(app.page.getByRole('status').filter({ hasText: /initiative/ }))).toBe(true);
    await app.page.getByRole('button', { name: 'Liste', exact: true }).click();
    expect(await horizontalOverflow(app)).toBeLessThanOrEqual(0);
    await saveScreenshot(app.page, 'phone-320-list');
    await app.page.getByRole('button', { name: /^Filtres/ }).click();
    expect(await horizontalOverflow(app)).toBeLessThanOrEqual(0);
    await saveScreenshot(app.page, 'phone-320-filters');
  });
});
