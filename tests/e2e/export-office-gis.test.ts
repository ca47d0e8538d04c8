/**
 * The files the export buttons hand out, opened in the tools people use: LibreOffice (headless,
 * French settings, its default CSV separators) for the Excel file and the CSV, GDAL's ogr2ogr for
 * the GeoJSON to Shapefile and GeoPackage.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aCollection, aFeature } from '../support/builders';
import { useBrowser, type AppPage } from './driver';
import { describeWithPrograms, programPath } from './support/programs';
import { readZipEntry } from './support/zip-entry';

function feature(id: string, name: string, insee: string, department: string, [longitude, latitude]: [number, number], description = 'Essai, avec virgule.') {
  return aFeature({ id, name, themes: ['tiers-lieux', 'mobilite'], territory: 'rural', commune: 'Commune', insee, department, description, source: '', longitude, latitude });
}

/** Codes with leading zeros, a Corsican code, a formula-looking name. The list sorts by name: `=1+1` first. */
const DATA = aCollection([
  feature('ain-un', 'A Ain', '01197', '01', [5.3456, 46.2051]),
  feature('corse-deux', 'B Corse', '2A004', '2A', [8.7369, 41.9192]),
  feature('formule-trois', '=1+1', '05061', '05', [6.0794, 44.5594], '=HYPERLINK("http://evil.example","clic")'),
]);

/** Saves what a button downloads into `folder`, under its suggested name. */
async function downloadFrom(app: AppPage, name: RegExp, folder: string): Promise<string> {
  const { fileName, bytes } = await app.download(app.page.getByRole('button', { name }));
  const path = join(folder, fileName);
  writeFileSync(path, bytes);
  return path;
}

/**
 * LibreOffice, headless and in French, converts a file to CSV, quoting every text cell (so text
 * and numbers can be told apart). For a CSV input, the import uses LibreOffice's default
 * separators (tab, comma, semicolon), UTF-8, and no "quoted field as text".
 */
function libreOfficeToCsv(input: string, folder: string): string[][] {
  const profile = join(folder, 'profile');
  const args = [`-env:UserInstallation=file://${profile}`, '--headless'];
  if (input.endsWith('.csv')) args.push('--infilter=CSV:9/44/59,34,76,1,,1036,false,false');
  const out = join(folder, 'converted');
  args.push('--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,true', '--outdir', out, input);
  execFileSync(programPath('soffice') ?? 'soffice', args, { stdio: 'pipe', timeout: 120_000, env: { ...process.env, HOME: folder } });
  const name = (input.split('/').pop() ?? '').replace(/\.\w+$/, '.csv');
  const text = readFileSync(join(out, name), 'utf8').replace(/^\uFEFF/, '');
  return text.split(/\r?\n/).filter((line) => line.length > 0).map(splitKeepingQuotes);
}

/** The `;`-separated cells of one line, quotes kept, so that `"01197"` (text) and `1197` (number) differ. */
function splitKeepingQuotes(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    if (character === ';' && !quoted) {
      cells.push(current);
      current = '';
    } else current += character;
  }
  cells.push(current);
  return cells;
}

function cellsOf(rows: string[][], header: string): string[] {
  const column = (rows[0] ?? []).indexOf(`"${header}"`);
  return rows.slice(1).map((row) => row[column] ?? '');
}

describeWithPrograms('exports opened in LibreOffice and GDAL', ['soffice', 'ogr2ogr', 'ogrinfo'], () => {
  const browser = useBrowser();
  let folder: string;
  let app: AppPage;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'carte-ess-exports-'));
    app = await browser.open({ data: DATA, query: 'basemap=offline' });
    expect(await app.count()).toBe(3);
  });
  afterAll(async () => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('« Télécharger en Excel »: codes stay text, coordinates are numbers, no formula runs, header frozen and filtered', async () => {
    const path = await downloadFrom(app, /Excel/, folder);
    expect(path).toMatch(/initiatives-ess-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = readZipEntry(readFileSync(path), 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"|<pane[^>]*state="frozen"[^>]*ySplit="1"/);
    // The filter spans the header's columns (one letter while the export has ≤ 26) and the 3 rows.
    const headerCells = sheet.match(/<c r="[A-Z]+1"/g) ?? [];
    expect(headerCells.length).toBeGreaterThan(10);
    expect(sheet).toContain(`<autoFilter ref="A1:${String.fromCharCode(64 + headerCells.length)}4"/>`);
    expect(sheet).not.toContain('<f>');

    const rows = libreOfficeToCsv(path, folder);
    expect(rows).toHaveLength(4);
    expect(cellsOf(rows, 'id')).toEqual(['"formule-trois"', '"ain-un"', '"corse-deux"']);
    expect(cellsOf(rows, 'code INSEE')).toEqual(['"05061"', '"01197"', '"2A004"']);
    expect(cellsOf(rows, 'département (code)')).toEqual(['"05"', '"01"', '"2A"']);
    expect(cellsOf(rows, 'nom')).toContain('"=1+1"');
    expect(cellsOf(rows, 'description')[0]).toContain('=HYPERLINK');
    expect(cellsOf(rows, 'latitude')).toEqual(['44.5594', '46.2051', '41.9192']);
    expect(cellsOf(rows, 'longitude')).toEqual(['6.0794', '5.3456', '8.7369']);
  });

  it('the spreadsheet CSV survives LibreOffice’s default separators: codes keep their zeros, coordinates stay whole', async () => {
    const path = await downloadFrom(app, /CSV/, folder);
    const rows = libreOfficeToCsv(path, folder);
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.length === rows[0]?.length)).toBe(true);
    // The invisible mark that keeps them text is still there, before the digits.
    expect(cellsOf(rows, 'code INSEE').map((cell) => cell.replace(/\u2060/g, ''))).toEqual(['"05061"', '"01197"', '"2A004"']);
    expect(cellsOf(rows, 'département (code)').map((cell) => cell.replace(/\u2060/g, ''))).toEqual(['"05"', '"01"', '"2A"']);
    expect(cellsOf(rows, 'latitude')).toEqual(['44.5594', '46.2051', '41.9192']);
    expect(cellsOf(rows, 'description')[1]).toBe('"Essai, avec virgule."');
    expect(cellsOf(rows, 'nom')).not.toContain('2');
  });

  it('the GeoJSON converts to Shapefile and GeoPackage with every feature and its themes', async () => {
    const path = await downloadFrom(app, /GeoJSON/, folder);
    for (const [driver, target] of [['ESRI Shapefile', join(folder, 'shp')], ['GPKG', join(folder, 'export.gpkg')]] as const) {
      execFileSync(programPath('ogr2ogr') ?? 'ogr2ogr', ['-f', driver, target, path], { stdio: 'pipe' });
      const info = execFileSync(programPath('ogrinfo') ?? 'ogrinfo', ['-al', target], { encoding: 'utf8' });
      expect({ driver, count: /Feature Count: (\d+)/.exec(info)?.[1] }).toEqual({ driver, count: '3' });
      expect(info).toContain('themes_txt (String) = tiers-lieux;mobilite');
      expect(info).toMatch(/insee \(String\) = 01197/);
    }
  });
});
