import { expect, it } from 'vitest';
import { appUrl, bundledFeatures, describeE2E, type AppPage } from './driver';

/** Cluster bubbles' navy (src/map/icons.ts): in the printed picture it proves the clusters were composited. */
const CLUSTER_NAVY = [0x1d, 0x35, 0x57] as const;

async function stubPrintDialog(app: AppPage): Promise<void> {
  // Headless Chromium has no print dialog; record the call instead and keep the printed DOM for the checks.
  await app.page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
}

async function printedNames(app: AppPage): Promise<string[]> {
  return app.page.locator('.print-list > li strong').allTextContents();
}

async function navyPixelsInPrintedMap(app: AppPage): Promise<number> {
  return app.page.evaluate(async (navy) => {
    const image = document.querySelector<HTMLImageElement>('.print-map');
    if (!image) return -1;
    await image.decode();
    const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let offset = 0; offset < data.length; offset += 4) {
      if (Math.abs((data[offset] ?? 0) - navy[0]) < 8 && Math.abs((data[offset + 1] ?? 0) - navy[1]) < 8 && Math.abs((data[offset + 2] ?? 0) - navy[2]) < 8) count += 1;
    }
    return count;
  }, CLUSTER_NAVY);
}

describeE2E('copy link, full screen and print', (browser) => {
  it('« Copier le lien » copies a link that reproduces the filters, and says « Lien copié »', async () => {
    const app = await browser.open({ query: 'themes=mobilite&territoire=rural,urbain&basemap=offline' });
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl()).origin });
    const shown = await app.count();
    await app.page.getByRole('checkbox', { name: /Rural/ }).uncheck();
    const narrowed = await app.count();
    expect(narrowed).toBeLessThan(shown);
    await app.page.getByRole('button', { name: 'Copier le lien' }).click();
    await app.page.getByText('Lien copié').waitFor();
    const link = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).searchParams.get('territoire')).toBe('urbain');
    const copy = await browser.open({ url: link });
    expect(await copy.count()).toBe(narrowed);
  });

  it('shows the link to copy by hand when the browser refuses both ways of copying', async () => {
    const app = await browser.open({ query: 'themes=alimentation&basemap=offline' });
    await app.count();
    await app.page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('refusé')) } });
      document.execCommand = () => false;
    });
    await app.page.getByRole('button', { name: 'Copier le lien' }).click();
    const field = app.page.getByRole('textbox', { name: 'Lien de la vue' });
    expect(new URL(await field.inputValue()).searchParams.get('themes')).toBe('alimentation');
  });

  it('« Plein écran » puts the page in full screen and back', async () => {
    const app = await browser.open({ query: 'basemap=offline' });
    await app.count();
    const button = app.page.getByRole('button', { name: 'Plein écran' });
    await button.click();
    await app.page.waitForFunction(() => document.fullscreenElement === document.documentElement);
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await button.click();
    await app.page.waitForFunction(() => document.fullscreenElement === null);
  });

  it('« Imprimer » prints every initiative of the filtered list in its order, the map with its clusters, the filters in words and a QR code', async () => {
    const expected = bundledFeatures().filter((feature) => feature.properties.themes.includes('economie-circulaire'));
    expect(expected.length).toBeGreaterThan(20);
    const app = await browser.open({ query: 'themes=economie-circulaire&basemap=offline' });
    expect(await app.count()).toBe(expected.length);
    await app.waitForMapIdle();
    const onScreen = await app.page.getByRole('list', { name: 'Initiatives' }).getByRole('listitem').getByRole('button').allTextContents();
    expect(onScreen.length).toBeLessThan(expected.length); // the virtual list drew only some rows
    await stubPrintDialog(app);
    await app.page.getByRole('button', { name: 'Imprimer', exact: true }).click();
    await app.page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);

    await app.page.emulateMedia({ media: 'print' });
    expect(await app.page.locator('.app').isVisible()).toBe(false);
    expect(await app.page.locator('.print-view').isVisible()).toBe(true);
    const names = await printedNames(app);
    expect(names.length).toBe(expected.length);
    expect(new Set(names)).toEqual(new Set(expected.map((feature) => feature.properties.name)));
    expect(names.slice(0, onScreen.length)).toEqual(onScreen);
    expect(await app.page.locator('.print-header').textContent()).toContain('Économie circulaire');
    expect(await app.page.locator('.print-footer').textContent()).toContain('Natural Earth');
    expect(await app.page.locator('.print-footer').textContent()).toMatch(/Données mises à jour le \d{1,2} \S+ \d{4}/);
    expect(await app.page.locator('[data-testid="print-qr"] path').getAttribute('d')).toMatch(/^M\d/);
    expect(await app.page.locator('.print-link').textContent()).toContain('themes=economie-circulaire');
    expect(await navyPixelsInPrintedMap(app)).toBeGreaterThan(50);
  });

  it('the browser’s own Print command prints the whole filtered list too', async () => {
    const expected = bundledFeatures().filter((feature) => feature.properties.territory === 'rural');
    const app = await browser.open({ query: 'territoire=rural&basemap=offline' });
    expect(await app.count()).toBe(expected.length);
    await app.page.emulateMedia({ media: 'print' });
    await app.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect((await printedNames(app)).length).toBe(expected.length);
    await app.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await app.page.locator('.print-view').waitFor({ state: 'detached' });
  });

  it('« Imprimer la fiche » prints one initiative with the QR code of its link', async () => {
    const chosen = bundledFeatures()[5];
    if (!chosen) throw new Error('the bundled data is empty');
    const app = await browser.open({ query: `id=${encodeURIComponent(chosen.properties.id)}&basemap=offline` });
    await app.count();
    await stubPrintDialog(app);
    await app.page.getByRole('button', { name: 'Imprimer la fiche' }).click();
    await app.page.emulateMedia({ media: 'print' });
    const sheet = app.page.locator('.print-view');
    expect(await sheet.getByRole('heading', { level: 1 }).textContent()).toBe(chosen.properties.name);
    expect(await sheet.locator('.print-list').count()).toBe(0);
    expect(new URL((await sheet.locator('.print-link').textContent()) ?? '').searchParams.get('id')).toBe(chosen.properties.id);
    expect(await sheet.getByRole('img', { name: /Code QR/ }).count()).toBe(1);
  });
});
