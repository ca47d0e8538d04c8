/**
 * The publish page (CONTRACT §9): a person with only a browser drops the spreadsheet, sees
 * the report `npm run data` gives, and downloads the very GeoJSON the command writes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, expect, inject, it } from 'vitest';
import { appUrl, describeE2E, type AppPage } from './driver';

const projectRoot = resolve(import.meta.dirname, '../..');

/** What the CLI writes and reports for `bytes`. */
function cliOn(bytes: Buffer, name: string): { geojson: string; report: { rejected: { line: number; column: string; reason: string }[]; warnings: unknown[]; rowsWritten: number } } {
  const directory = mkdtempSync(join(tmpdir(), 'publish-'));
  const input = join(directory, name);
  writeFileSync(input, bytes);
  const output = join(directory, 'out.geojson');
  const report = join(directory, 'report.json');
  execFileSync(process.execPath, ['--import', 'tsx', 'src/pipeline/cli.ts', '--in', input, '--out', output, '--report', report], { cwd: projectRoot, stdio: 'pipe' });
  return { geojson: readFileSync(output, 'utf8'), report: JSON.parse(readFileSync(report, 'utf8')) };
}

async function publish(app: AppPage, name: string, bytes: Buffer): Promise<string> {
  await app.page.getByLabel(/fichier/i).setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  const link = app.page.getByRole('link', { name: /GeoJSON/ });
  await link.waitFor({ timeout: 60_000 });
  const { fileName, bytes: downloaded } = await app.download(link);
  expect(fileName).toBe('initiatives.geojson');
  return downloaded.toString('utf8');
}

const HOSTILE = [
  'id;nom;themes;territoire;commune;code_insee;code_postal;departement;description;site_web',
  'epicerie;Épicerie « Chez Zoé »;alimentation;rural;Vaillant;52499;52160;52;"Deux lignes\nde description";https://example.org/a',
  'ambigue;Ambiguë;commerces;urbain;Saint-Denis;;;;;',
  'inconnue;Inconnue;commerces;urbain;Vaillan;;;;;',
  'epicerie;Doublon;alimentation;rural;Vaillant;52499;;;;',
  'lien;Lien;alimentation;rural;Vaillant;52499;;;<img src=x onerror=alert(1)>;javascript:alert(1)',
  'theme;Thème;zzz;rural;Vaillant;52499;;;;',
  'paris;Paris;mobilite;urbain;Paris 15e;;;;;',
].join('\r\n');

describeE2E('publish page (publier.html)', (browser) => {
  let app: AppPage;

  beforeAll(async () => {
    app = await browser.open({ url: `${appUrl()}publier.html` });
  });

  it('gives, for the bundled CSV, the very GeoJSON the build published with npm run data', async () => {
    const csv = readFileSync(join(projectRoot, 'data/initiatives.csv'));
    const downloaded = await publish(app, 'initiatives.csv', csv);
    const published = readFileSync(join(inject('distDirectory'), 'data/initiatives.geojson'), 'utf8');
    // Byte for byte but the publication time (the CLI's file modification time; here, the drop's).
    const withoutUpdated = (text: string) => text.replace(/"updated":"[^"]*",/, '');
    expect(withoutUpdated(downloaded)).toBe(withoutUpdated(published));
    expect(downloaded).toMatch(/^\{"type":"FeatureCollection","updated":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ","features":\[/);
    const count = (JSON.parse(published) as { features: unknown[] }).features.length;
    await expect.poll(() => app.page.getByRole('status').textContent()).toContain(`${count} initiative(s) à publier`);
    expect(await app.page.getByRole('list', { name: 'Initiatives publiées' }).getByRole('listitem').count()).toBe(count);
    await app.page.waitForSelector('[data-testid="preview-map"][data-map-status="idle"]', { timeout: 60_000 });
    expect(Number(await app.page.getByTestId('preview-map').getAttribute('data-rendered-initiatives'))).toBe(count);
  });

  it('previews what will be published: the list of the valid rows, and their dots drawn on the bundled basemap', async () => {
    const bytes = iconv.encode(HOSTILE, 'win1252');
    const cli = cliOn(bytes, 'apercu.csv');
    await publish(app, 'apercu.csv', bytes);
    const list = app.page.getByRole('list', { name: 'Initiatives publiées' });
    expect(await list.getByRole('listitem').allTextContents()).toEqual(['Épicerie « Chez Zoé » — Vaillant', 'Paris — Paris']);
    expect(await list.getByRole('listitem').count()).toBe(cli.report.rowsWritten);
    const map = app.page.getByTestId('preview-map');
    await app.page.waitForSelector('[data-testid="preview-map"][data-map-status="idle"]', { timeout: 60_000 });
    // Both dots drawn (MapLibre counts what its canvas shows), from no server but the page's own.
    expect(Number(await map.getAttribute('data-rendered-initiatives'))).toBe(cli.report.rowsWritten);
    expect(await map.locator('canvas').getAttribute('aria-label')).toContain('2 initiatives à publier');
    expect(app.blocked).toEqual([]);
    expect(await app.accessibilityViolations('main')).toEqual([]);
  });

  it('reads what French Excel saves and reports every rejected row as the CLI does, with candidates and closest names', async () => {
    const bytes = iconv.encode(HOSTILE, 'win1252');
    const cli = cliOn(bytes, 'excel.csv');
    const downloaded = await publish(app, 'excel.csv', bytes);
    expect(downloaded.replace(/"updated":"[^"]*",/, '')).toBe(cli.geojson.replace(/"updated":"[^"]*",/, ''));
    expect(cli.report.rowsWritten).toBe(2); // epicerie, paris
    const body = (await app.page.locator('main').textContent()) ?? '';
    for (const rejected of cli.report.rejected) {
      expect(body).toContain(`ligne ${rejected.line}`);
      expect(body).toContain(rejected.reason);
    }
    expect(body).toContain('Saint-Denis (93066, dép. 93)');
    expect(body).toMatch(/vouliez-vous dire : .*Vaillant \(52499/);
    expect(body).toContain('windows-1252, séparateur « ; »');
    // Text from the file stays text.
    expect(await app.page.locator('main img').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('says clearly when a file is not a table it can read', async () => {
    await app.page.getByLabel(/fichier/i).setInputFiles({ name: 'classeur.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK pas un classeur') });
    await expect.poll(() => app.page.getByRole('alert').textContent(), { timeout: 30_000 }).toContain('n’est pas un classeur Excel (.xlsx) lisible');
  });
});
