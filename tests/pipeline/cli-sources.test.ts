/**
 * `--in` beyond a CSV file: an Excel workbook's first sheet (typed numbers, dates, formulas'
 * cached values, merged header cells, not a workbook, empty sheet) and a CSV at an http URL.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFirstSheet, feedSheetRows } from '../../src/pipeline/core/sheet-rows';
import { HEADER, temporaryDirectory } from './helpers';
import { writeWorkbook, type Cell } from './support/workbooks';

const run = promisify(execFile);

async function cli(args: string[]): Promise<{ status: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, ['--import', 'tsx', 'src/pipeline/cli.ts', ...args], { encoding: 'utf8' });
    return { status: 0, stderr };
  } catch (error) {
    const failure = error as { code?: number; stderr?: string };
    return { status: failure.code ?? 1, stderr: failure.stderr ?? '' };
  }
}

const columns = HEADER.split(',');
const at = (name: string) => columns.indexOf(name);

function rowOf(values: Record<string, Cell>): Cell[] {
  const row: Cell[] = columns.map(() => '');
  for (const [name, value] of Object.entries(values)) row[at(name)] = value;
  return row;
}

let directory: string;
let workbook: string;

beforeAll(() => {
  directory = temporaryDirectory();
  workbook = writeWorkbook(directory, 'initiatives', [
    columns,
    rowOf({ id: 'cafe', nom: { formula: 'of:=CONCATENATE("Café ";"du Havre")', value: 'Café du Havre' }, themes: 'alimentation', territoire: 'urbain', commune: 'Le Havre', code_postal: { number: 76600 }, description: { date: '2025-03-01' } }),
    rowOf({ id: 'bourg', nom: 'Bourg', themes: 'mobilite', territoire: 'urbain', commune: 'Bourg-en-Bresse', code_insee: { number: 1053 } }),
    rowOf({ id: 'inconnue', nom: 'Inconnue', themes: 'mobilite', territoire: 'rural', commune: 'Vaillan' }),
  ]);
}, 180_000);

describe('npm run data on an .xlsx', { timeout: 180_000 }, () => {
  it('reads the first sheet: formula values, numbers as codes, dates as ISO text, rows at their sheet line', async () => {
    const output = join(directory, 'out.geojson');
    const report = join(directory, 'report.json');
    const { status, stderr } = await cli(['--in', workbook, '--out', output, '--report', report]);
    expect(status, stderr).toBe(0);
    const features = JSON.parse(readFileSync(output, 'utf8')).features as { properties: Record<string, unknown> }[];
    expect(features.map((feature) => [feature.properties.id, feature.properties.name, feature.properties.insee])).toEqual([
      ['cafe', 'Café du Havre', '76351'],
      ['bourg', 'Bourg', '01053'],
    ]);
    expect(features[0]?.properties.description).toBe('2025-03-01');
    const written = JSON.parse(readFileSync(report, 'utf8'));
    expect(written).toMatchObject({ encoding: 'xlsx', rowsRead: 3, rowsWritten: 2 });
    expect(written.rejected).toEqual([expect.objectContaining({ line: 4, column: 'commune', id: 'inconnue' })]);
    expect(stderr).toMatch(/vouliez-vous dire : .*Vaillant \(52499/);
  });

  it('says clearly when the header has merged cells, the sheet is empty or the file is no workbook', async () => {
    const merged = writeWorkbook(directory, 'merged', [
      [...columns.slice(0, 3), { merged: 'territoire', span: 2 }, ...columns.slice(5)],
      ['a', 'A', 'mobilite', 'rural', 'Vaillant'],
    ]);
    const mergedRun = await cli(['--in', merged, '--out', join(directory, 'merged.geojson')]);
    expect(mergedRun.status).toBe(2);
    expect(mergedRun.stderr).toMatch(/colonne E a des valeurs mais pas de nom — cellules d’en-tête fusionnées/);

    const empty = writeWorkbook(directory, 'empty', [['']]);
    await expect(readFirstSheet(new Uint8Array(readFileSync(empty)).buffer)).rejects.toThrow(/première feuille .* est vide/);

    const fake = join(directory, 'fake.xlsx');
    writeFileSync(fake, HEADER);
    const fakeRun = await cli(['--in', fake, '--out', join(directory, 'fake.geojson')]);
    expect(fakeRun.status).toBe(2);
    expect(fakeRun.stderr).toContain('n’est pas un classeur Excel (.xlsx) lisible');
    expect(() => feedSheetRows([], { onRecord() {}, onUnreadableLine() {} })).not.toThrow();
  });
});

describe('npm run data on a CSV at an URL', { timeout: 180_000 }, () => {
  it('downloads it from a local server and gives the same GeoJSON as the file; a 404 is said', async () => {
    const csv = readFileSync(join(import.meta.dirname, 'fixtures', 'valid.csv'));
    // The GeoJSON's `updated` is the input's date: the server's Last-Modified for a URL, the
    // file's modification time for a file. Same date, same bytes.
    const lastModified = statSync(join(import.meta.dirname, 'fixtures', 'valid.csv')).mtime.toUTCString();
    const server = createServer((request, response) => {
      if (request.url?.startsWith('/export.csv')) response.writeHead(200, { 'content-type': 'text/csv', 'last-modified': lastModified }).end(csv);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const fromUrl = join(directory, 'url.geojson');
      const fromFile = join(directory, 'file.geojson');
      const report = join(directory, 'url.json');
      const remote = await cli(['--in', `http://127.0.0.1:${port}/export.csv?format=csv`, '--out', fromUrl, '--report', report]);
      expect(remote.status, remote.stderr).toBe(0);
      const local = await cli(['--in', join(import.meta.dirname, 'fixtures', 'valid.csv'), '--out', fromFile]);
      expect(local.status, local.stderr).toBe(0);
      expect(readFileSync(fromUrl, 'utf8')).toBe(readFileSync(fromFile, 'utf8'));
      expect(JSON.parse(readFileSync(report, 'utf8')).input).toBe('export.csv');
      const missing = await cli(['--in', `http://127.0.0.1:${port}/absent.csv`, '--out', join(directory, 'absent.geojson')]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('le serveur répond 404');
    } finally {
      server.close();
    }
  });
});
