import { expect, it } from 'vitest';
import Papa from 'papaparse';
import { appUrl, bundledFeatures, describeE2E, partnerUrl, readCount, waitForCount, type Frame, type Page } from './driver';

const appOrigin = () => new URL(appUrl()).origin;

/** The map's frame inside the partner page (its URL containing `urlPart`, when given). */
async function mapFrame(page: Page, urlPart = ''): Promise<Frame> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(appOrigin()) && candidate.url().includes(urlPart));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('no map frame');
    await page.waitForTimeout(100);
  }
}

function withTheme(theme: string) {
  return bundledFeatures().filter((feature) => (feature.properties.themes as readonly string[]).includes(theme));
}

describeE2E('embedding in a partner site (another origin)', (browser) => {
  it('runs on a different origin from the app', () => {
    expect(new URL(partnerUrl()).origin).not.toBe(appOrigin());
  });

  it('shows, inside the frame, the count of the preset filters', async () => {
    const partner = await browser.open({ url: partnerUrl() });
    const frame = await mapFrame(partner.page);
    expect(await readCount(frame)).toBe(withTheme('mobilite').length);
  });

  it('downloads the CSV from inside the sandboxed frame, without unfolding anything', async () => {
    const partner = await browser.open({ url: partnerUrl() });
    const frame = await mapFrame(partner.page);
    const shown = await readCount(frame);
    const button = frame.getByRole('button', { name: /CSV/ });
    expect(await button.isVisible()).toBe(true);
    const text = (await partner.download(button)).bytes.toString('utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows.length - 1).toBe(shown);
  });

  it('folds the filters behind a « Filtres » button and links to the full map in a new tab', async () => {
    const partner = await browser.open({ url: partnerUrl() });
    const frame = await mapFrame(partner.page);
    await readCount(frame);
    const toggle = frame.getByRole('button', { name: 'Filtres' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const link = frame.getByRole('link', { name: /Ouvrir la carte complète/ });
    expect(await link.getAttribute('target')).toBe('_blank');
    const full = new URL((await link.getAttribute('href')) ?? '');
    expect(full.origin).toBe(appOrigin());
    expect(full.searchParams.get('embed')).toBeNull();
    expect(full.searchParams.get('themes')).toBe('mobilite');
  });

  it('tells the host page the filters and count, only from the app origin', async () => {
    const partner = await browser.open({ url: partnerUrl() });
    const frame = await mapFrame(partner.page);
    const shown = await readCount(frame);
    const message = await partner.page.waitForFunction(
      () => (window as unknown as { carteEssMessages: { origin: string; data: { type: string } }[] }).carteEssMessages.find((entry) => entry.data.type === 'carte-ess:filters') ?? null,
    );
    const { origin, data } = (await message.jsonValue()) as unknown as { origin: string; data: { filters: { themes: string[] }; count: number } };
    expect(origin).toBe(appOrigin());
    expect(data.filters.themes).toEqual(['mobilite']);
    expect(data.count).toBe(shown);
  });

  it('lets the helper script embed.js fit the frame’s height to the content', async () => {
    const partner = await browser.open({ url: partnerUrl() });
    const frame = await mapFrame(partner.page);
    await readCount(frame);
    const measure = async () => ({
      content: await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)),
      iframe: await partner.page.evaluate(() => Math.round((document.getElementById('carte') as HTMLIFrameElement).getBoundingClientRect().height)),
    });
    // The map and list settle; the iframe follows the content within a few messages.
    let sizes = await measure();
    const deadline = Date.now() + 20_000;
    while (Math.abs(sizes.content - sizes.iframe) > 2 && Date.now() < deadline) {
      await partner.page.waitForTimeout(200);
      sizes = await measure();
    }
    expect(Math.abs(sizes.content - sizes.iframe)).toBeLessThanOrEqual(2);
    const contentHeight = sizes.content;
    expect(contentHeight).not.toBe(500);
  });

  it('obeys the host’s set-filters message', async () => {
    const partner = await browser.open({ url: partnerUrl() });
    const frame = await mapFrame(partner.page);
    const before = await readCount(frame);
    await partner.page.evaluate((origin) => {
      const target = (document.getElementById('carte') as HTMLIFrameElement).contentWindow;
      target?.postMessage({ source: 'carte-ess', type: 'carte-ess:set-filters', filters: { themes: ['alimentation'] } }, origin);
    }, appOrigin());
    const after = await readCount(frame, { differentFrom: before });
    expect(after).toBe(withTheme('alimentation').length);
  });

  it('stays with the last of 5,000 set-filters messages and answers with a few filters messages, not 5,000', async () => {
    const partner = await browser.open({ url: partnerUrl() });
    const frame = await mapFrame(partner.page);
    await readCount(frame);
    type Logged = { data: { type: string; filters?: { themes: string[] }; count?: number } }[];
    const burstStart = await partner.page.evaluate((origin) => {
      const messages = (window as unknown as { carteEssMessages: Logged }).carteEssMessages;
      const start = messages.length;
      const target = (document.getElementById('carte') as HTMLIFrameElement).contentWindow;
      for (let index = 0; index < 4999; index += 1) {
        const themes = index % 2 === 0 ? ['economie-circulaire'] : ['tiers-lieux', 'mobilite'];
        target?.postMessage({ source: 'carte-ess', type: 'carte-ess:set-filters', filters: { themes, q: `essai ${index}` } }, origin);
      }
      target?.postMessage({ source: 'carte-ess', type: 'carte-ess:set-filters', filters: { themes: ['alimentation'], q: '' } }, origin);
      return start;
    }, appOrigin());
    const expected = withTheme('alimentation').length;
    await waitForCount(frame, expected, 60_000);
    // The host hears the final filters and count.
    await partner.page.waitForFunction(
      ({ start, expected }) =>
        (window as unknown as { carteEssMessages: Logged }).carteEssMessages
          .slice(start)
          .some((entry) => entry.data.type === 'carte-ess:filters' && entry.data.filters?.themes.join() === 'alimentation' && entry.data.count === expected),
      { start: burstStart, expected },
      { timeout: 60_000 },
    );
    await partner.page.waitForTimeout(1_000);
    const answers = await partner.page.evaluate(
      (start) => (window as unknown as { carteEssMessages: Logged }).carteEssMessages.slice(start).filter((entry) => entry.data.type === 'carte-ess:filters'),
      burstStart,
    );
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.length).toBeLessThanOrEqual(10);
    expect(answers[answers.length - 1]?.data).toMatchObject({ filters: { themes: ['alimentation'] }, count: expected });
    expect(await readCount(frame)).toBe(expected);
    const full = new URL((await frame.getByRole('link', { name: /Ouvrir la carte complète/ }).getAttribute('href')) ?? '');
    expect(full.searchParams.get('themes')).toBe('alimentation');
    expect(full.searchParams.get('q')).toBeNull();
  });

  it('tells the host page which initiative the visitor selects', async () => {
    const partner = await browser.open({ url: partnerUrl() });
    const frame = await mapFrame(partner.page);
    await readCount(frame);
    const first = frame.getByRole('list').getByRole('button').first();
    const name = ((await first.textContent()) ?? '').trim();
    await first.click();
    const message = await partner.page.waitForFunction(
      () => (window as unknown as { carteEssMessages: { data: { type: string } }[] }).carteEssMessages.find((entry) => entry.data.type === 'carte-ess:select') ?? null,
    );
    const { data } = (await message.jsonValue()) as unknown as { data: { id: string; name: string } };
    const feature = withTheme('mobilite').find((candidate) => candidate.properties.id === data.id);
    expect(feature).toBeDefined();
    expect(name).toContain(feature?.properties.name);
  });

  it('ignores set-filters from a host that is not the declared parent origin', async () => {
    const query = `themes=mobilite&embed=1&parentOrigin=${encodeURIComponent('https://partenaire.example')}`;
    const partner = await browser.open({ url: `${partnerUrl()}?query=${encodeURIComponent(query)}` });
    const frame = await mapFrame(partner.page, 'parentOrigin=');
    const before = await readCount(frame);
    await partner.page.evaluate((origin) => {
      const target = (document.getElementById('carte') as HTMLIFrameElement).contentWindow;
      target?.postMessage({ source: 'carte-ess', type: 'carte-ess:set-filters', filters: { themes: ['alimentation'] } }, origin);
    }, appOrigin());
    await partner.page.waitForTimeout(500);
    expect(await readCount(frame)).toBe(before);
    // Neither filters nor selection went to this page, which is not the declared host.
    const types = await partner.page.evaluate(() =>
      (window as unknown as { carteEssMessages: { data: { type: string } }[] }).carteEssMessages.map((entry) => entry.data.type),
    );
    expect(types.filter((type) => type !== 'carte-ess:height')).toEqual([]);
  });
});

describeE2E('the « Intégrer » generator in the browser', (browser) => {
  it('gives iframe code with the current filters and a title, copies it, closes with Escape and returns the focus', async () => {
    const app = await browser.open({ query: 'themes=mobilite&dep=59' });
    await app.count();
    const button = app.page.getByRole('button', { name: /Intégrer/ });
    await button.click();
    const dialog = app.page.getByRole('dialog', { name: 'Intégrer cette carte' });
    await dialog.waitFor();
    const code = await dialog.getByRole('textbox', { name: 'Code à copier' }).inputValue();
    const attributes = await app.page.evaluate((html) => {
      const iframe = new DOMParser().parseFromString(html, 'text/html').querySelector('iframe');
      return iframe ? { src: iframe.getAttribute('src') ?? '', title: iframe.getAttribute('title') ?? '' } : null;
    }, code);
    expect(attributes).not.toBeNull();
    const src = new URL(attributes?.src ?? '');
    expect(src.origin).toBe(appOrigin());
    expect(src.searchParams.get('themes')).toBe('mobilite');
    expect(src.searchParams.get('dep')).toBe('59');
    expect(src.searchParams.get('embed')).toBe('1');
    expect(attributes?.title.length).toBeGreaterThan(5);
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appOrigin() });
    await dialog.getByRole('button', { name: 'Copier le code' }).click();
    await dialog.getByText('Code copié').waitFor();
    expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
  });
});
