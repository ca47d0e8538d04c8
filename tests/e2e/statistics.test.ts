import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import Papa from 'papaparse';
import { THEMES } from '../../src/domain/themes';
import { DEPARTMENTS } from '../../src/domain/departments';
import { bundledFeatures, describeE2E, launchBrowser, openApp, type GeoJsonFeature } from './driver';

/** Row header text → the number in the row's first cell, as shown. */
async function tableCounts(table: Locator): Promise<Map<string, number>> {
  const rows = await table.locator('tbody tr').evaluateAll((elements) =>
    elements.map((row) => [row.querySelector('th')?.textContent ?? '', row.querySelector('td')?.textContent ?? ''] as const),
  );
  return new Map(rows.map(([label, count]) => [label, Number(count.replace(/\D/g, ''))]));
}

function themeCountsOf(features: GeoJsonFeature[]): Map<string, number> {
  return new Map(THEMES.map((theme) => [theme.label, features.filter((feature) => feature.properties.themes.includes(theme.id)).length]));
}

describeE2E('statistics', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('counts per theme equal what the bundled data implies', async () => {
    const app = await openApp(browser);
    await app.count();
    const region = app.page.getByRole('region', { name: /Statistiques/ });
    const counts = await tableCounts(region.getByRole('table', { name: /par thème/ }));
    expect(counts).toEqual(themeCountsOf(bundledFeatures()));
    await app.close();
  });

  it('follow the filters given in the URL, per theme and per département', async () => {
    const features = bundledFeatures();
    const perDepartment = new Map<string, number>();
    for (const feature of features) perDepartment.set(feature.properties.department, (perDepartment.get(feature.properties.department) ?? 0) + 1);
    const busiest = [...perDepartment.entries()].sort((left, right) => right[1] - left[1]).slice(0, 2).map(([code]) => code);
    const kept = features.filter((feature) => busiest.includes(feature.properties.department));

    const app = await openApp(browser, { query: `dep=${busiest.join(',')}` });
    expect(await app.count()).toBe(kept.length);
    const region = app.page.getByRole('region', { name: /Statistiques/ });
    expect(await tableCounts(region.getByRole('table', { name: /par thème/ }))).toEqual(themeCountsOf(kept));

    await region.getByText(/Par département/).click();
    const departmentCounts = await tableCounts(region.getByRole('table', { name: /par département/ }));
    const expected = new Map(
      busiest.map((code) => [`${DEPARTMENTS.find((department) => department.code === code)!.name} (${code})`, perDepartment.get(code)!]),
    );
    expect(departmentCounts).toEqual(expected);
    await app.close();
  });

  it('has no serious accessibility finding with every table unfolded', async () => {
    const app = await openApp(browser);
    await app.count();
    const region = app.page.getByRole('region', { name: /Statistiques/ });
    await region.getByText(/Par type de territoire/).click();
    await region.getByText(/Par département/).click();
    await app.page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') });
    const violations = await app.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: string, options: object) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
      const result = await axe.run('.statistics', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
    await app.close();
  });

  it('exports the theme table as a CSV a spreadsheet reads back', async () => {
    const app = await openApp(browser);
    await app.count();
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('button', { name: 'Exporter le tableau par thème' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^statistiques-themes-\d{4}-\d{2}-\d{2}\.csv$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data.slice(1);
    expect(new Map(rows.map((row) => [row[0], Number(row[1])]))).toEqual(themeCountsOf(bundledFeatures()));
    await app.close();
  });
});
