import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, followLink } from './driver';

const projectRoot = resolve(import.meta.dirname, '../..');
const FIXTURE = join(projectRoot, 'tests/e2e/fixtures/contact-rows.csv');

interface Report {
  rowsWritten: number;
  rejected: unknown[];
  warnings: { line: number; column: string; message: string }[];
}

describeE2E('facts people can act on, from the spreadsheet to the details', (browser) => {
  let folder: string;
  let geojson: object;
  let report: Report;

  beforeAll(() => {
    // The pipeline as RTES staff run it: `npm run data` on a spreadsheet.
    folder = mkdtempSync(join(tmpdir(), 'carte-ess-contacts-'));
    execFileSync('npm', ['run', '--silent', 'data', '--', '--in', FIXTURE, '--out', join(folder, 'out.geojson'), '--report', join(folder, 'report.json')], {
      cwd: projectRoot,
      stdio: 'pipe',
    });
    geojson = JSON.parse(readFileSync(join(folder, 'out.geojson'), 'utf8')) as object;
    report = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as Report;
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes both rows, reporting each broken value with its line and column', () => {
    expect(report.rowsWritten).toBe(2);
    expect(report.rejected).toEqual([]);
    const broken = report.warnings.filter((warning) => warning.line === 3).map((warning) => warning.column);
    expect(broken.sort()).toEqual(['date_verification', 'email', 'siret', 'telephone']);
    expect(report.warnings.filter((warning) => warning.line === 2)).toEqual([]);
  });

  it('shows the complete row with working mailto: and tel: links, the address, the hours in French and the date of the check', async () => {
    const app = await browser.open({ data: geojson, query: 'id=garage-solidaire-diois&basemap=offline' });
    const region = app.page.getByRole('region', { name: 'Garage solidaire du Diois' });
    await region.waitFor();
    expect(await followLink(app.page, region.getByRole('link', { name: '04 75 00 00 00' }))).toBe('tel:+33475000000');
    expect(await followLink(app.page, region.getByRole('link', { name: 'contact@garage-diois.example.fr' }))).toBe('mailto:contact@garage-diois.example.fr');
    await region.getByText('lun.-ven. 9 h – 18 h').waitFor();
    const text = (await region.textContent()) ?? '';
    expect(text).toContain('12 avenue de la Clairette');
    expect(text).toContain('position approximative (commune)');
    expect(text).toContain('sam. 10 h – 12 h');
    expect(text).toMatch(/Ouvert maintenant|Fermé actuellement/);
    expect(text).toContain('Informations vérifiées en mars 2025');
    expect(await region.getByRole('link', { name: /^Y aller/ }).getAttribute('href')).toBe(
      'https://www.openstreetmap.org/directions?to=12%20avenue%20de%20la%20Clairette%2C%20Die',
    );
    expect(await region.getByRole('link', { name: /130 025 265 00013/ }).getAttribute('href')).toBe(
      'https://annuaire-entreprises.data.gouv.fr/etablissement/13002526500013',
    );
    expect(app.errors).toEqual([]);
  });

  it('shows the row with broken values without them, and no empty label', async () => {
    const app = await browser.open({ data: geojson, query: 'id=cafe-des-erreurs&basemap=offline' });
    const region = app.page.getByRole('region', { name: 'Café des erreurs' });
    await region.waitFor();
    const text = (await region.textContent()) ?? '';
    expect(text).toContain('Un café dont la fiche est mal remplie.');
    for (const label of ['E-mail', 'Téléphone', 'SIRET', 'vérifiées', 'Horaires', 'Adresse']) expect(text).not.toContain(label);
    expect(await region.getByRole('link').evaluateAll((links: Element[]) => links.map((link) => (link as HTMLAnchorElement).href))).toEqual(['https://www.example.fr/cafe']);
  });
});
