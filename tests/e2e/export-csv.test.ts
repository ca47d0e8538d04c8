import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import Papa from 'papaparse';
import { bundledFeatures, describeE2E, launchBrowser, openApp } from './driver';

describeE2E('CSV export', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('downloads a French-spreadsheet CSV with exactly the shown initiatives', async () => {
    const app = await openApp(browser, { query: 'themes=mobilite' });
    const shown = await app.count();
    const expected = bundledFeatures().filter((feature) => feature.properties.themes.includes('mobilite'));
    expect(shown).toBe(expected.length);

    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('button', { name: /CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^initiatives-ess-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toMatch(/^id;nom;thèmes;/);
    const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data.slice(1);
    expect(rows).toHaveLength(shown);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(expected.map((feature) => feature.properties.id)));
    await app.close();
  });
});
