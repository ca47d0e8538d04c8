import { expect, it } from 'vitest';
import Papa from 'papaparse';
import { THEMES } from '../../src/domain/themes';
import { DEPARTMENTS } from '../../src/domain/departments';
import { bundledFeatures, describeE2E, type GeoJsonFeature, type Locator } from './driver';

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

describeE2E('statistics', (browser) => {
  it('counts per theme equal what the bundled data implies', async () => {
    const app = await browser.open();
    await app.count();
    const region = app.page.getByRole('region', { name: /Statistiques/ });
    const counts = await tableCounts(region.getByRole('table', { name: /par thème/ }));
    expect(counts).toEqual(themeCountsOf(bundledFeatures()));
  });

  it('follow the filters given in the URL, per theme and per département', async () => {
    const features = bundledFeatures();
    const perDepartment = new Map<string, number>();
    for (const feature of features) perDepartment.set(feature.properties.department, (perDepartment.get(feature.properties.department) ?? 0) + 1);
    const busiest = [...perDepartment.entries()].sort((left, right) => right[1] - left[1]).slice(0, 2).map(([code]) => code);
    const kept = features.filter((feature) => busiest.includes(feature.properties.department));

    const app = await browser.open({ query: `dep=${busiest.join(',')}` });
    expect(await app.count()).toBe(kept.length);
    const region = app.page.getByRole('region', { name: /Statistiques/ });
    expect(await tableCounts(region.getByRole('table', { name: /par thème/ }))).toEqual(themeCountsOf(kept));

    await region.getByText(/Par département/).click();
    const expected = new Map(
      busiest.map((code) => [`${DEPARTMENTS.find((department) => department.code === code)!.name} (${code})`, perDepartment.get(code)!]),
    );
    // The table is drawn when its section opens: read it once it has rows (reading at once raced the render).
    await expect.poll(() => tableCounts(region.getByRole('table', { name: /par département/ }))).toEqual(expected);
  });

  it('has no serious accessibility finding with every table unfolded', async () => {
    const app = await browser.open();
    await app.count();
    const region = app.page.getByRole('region', { name: /Statistiques/ });
    await region.getByText(/Par type de territoire/).click();
    await region.getByText(/Par département/).click();
    expect(await app.accessibilityViolations('.statistics')).toEqual([]);
  });

  it('exports the theme table as a CSV a spreadsheet reads back', async () => {
    const app = await browser.open();
    await app.count();
    const { fileName, bytes } = await app.download(app.page.getByRole('button', { name: 'Exporter le tableau par thème' }));
    expect(fileName).toMatch(/^statistiques-themes-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data.slice(1);
    expect(new Map(rows.map((row) => [row[0], Number(row[1])]))).toEqual(themeCountsOf(bundledFeatures()));
  });
});
