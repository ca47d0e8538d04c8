import { expect, it } from 'vitest';
import Papa from 'papaparse';
import { bundledFeatures, describeE2E } from './driver';

describeE2E('CSV export', (browser) => {
  it('downloads a French-spreadsheet CSV with exactly the shown initiatives', async () => {
    const app = await browser.open({ query: 'themes=mobilite' });
    const shown = await app.count();
    const expected = bundledFeatures().filter((feature) => feature.properties.themes.includes('mobilite'));
    expect(shown).toBe(expected.length);

    const { fileName, bytes } = await app.download(app.page.getByRole('button', { name: /CSV/ }));
    expect(fileName).toMatch(/^initiatives-ess-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toMatch(/^id;nom;thèmes;/);
    const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data.slice(1);
    expect(rows).toHaveLength(shown);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(expected.map((feature) => feature.properties.id)));
  });
});
