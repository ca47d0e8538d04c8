/**
 * One core, two uses: the browser's path (the commune index files the build writes, read
 * back; bytes decoded and checked in memory) gives the CLI's report and GeoJSON bytes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCsvBytes } from '../../src/pipeline/core/check-table';
import { gazetteerFromIndex } from '../../src/pipeline/core/communes';
import { Geocoder } from '../../src/pipeline/core/geocoder';
import { publicationTime } from '../../src/pipeline/core/table-run';
import { runPipeline } from '../../src/pipeline/run';
import { HEADER, temporaryDirectory, windows1252 } from './helpers';

let browserGeocoder: Geocoder;

beforeAll(() => {
  const directory = temporaryDirectory();
  const out = join(directory, 'communes.json');
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-commune-index.ts', '--out', out], { stdio: 'pipe' });
  browserGeocoder = new Geocoder(gazetteerFromIndex({
    communes: JSON.parse(readFileSync(out, 'utf8')),
    formerCommunes: JSON.parse(readFileSync(join(directory, 'communes-anciennes.json'), 'utf8')),
  }));
}, 120_000);

function both(bytes: Uint8Array, batchSize?: number) {
  const directory = temporaryDirectory();
  const input = join(directory, 'initiatives.csv');
  const output = join(directory, 'initiatives.geojson');
  writeFileSync(input, bytes);
  const cli = runPipeline({ input, output });
  const updated = publicationTime(statSync(input).mtimeMs);
  const core = checkCsvBytes(bytes, { input: 'initiatives.csv', geocoder: () => browserGeocoder, batchSize, updated });
  return { cli, cliBytes: readFileSync(output), core };
}

const HOSTILE = [
  HEADER,
  'a,Épicerie « Chez Zoé »,alimentation,rural,Vaillant,52499,52160,52,"Deux lignes\nde description",association,https://example.org/a,',
  'b,Ambiguë,commerces,urbain,Saint-Denis,,,,,,,',
  'c,Inconnue,commerces,urbain,Vaillan,,,,,,,',
  'a,Doublon,alimentation,rural,Vaillant,52499,,,,,,',
  'd,Lien,alimentation,rural,Vaillant,52499,,,,,javascript:alert(1),',
  'e,"Guillemet mal placé,alimentation,rural,Vaillant,52499,,,,,,',
  'f,Trop,alimentation,rural,Vaillant,52499,,,,,,,,en trop',
  'g,Thème,zzz,rural,Vaillant,52499,,,,,,',
  'h,Déléguée,mobilite,rural,Conques,,,12,,,,',
  'i,Paris,mobilite,urbain,Paris 15e,75056,,,,,,',
  'j,Code Excel,mobilite,rural,Bourg-en-Bresse,1053,1000,1,,,,',
].join('\r\n');

describe('the pure core on the browser’s commune index, against the CLI', () => {
  it('gives the same report and the same GeoJSON bytes on the bundled data', () => {
    const { cli, cliBytes, core } = both(readFileSync('data/initiatives.csv'));
    expect(core.report).toEqual(cli);
    expect(Buffer.from(core.geojson).equals(cliBytes)).toBe(true);
    expect(cli.rowsWritten).toBeGreaterThan(100);
  });

  it('gives the same report and bytes on a hostile UTF-8 file, across batch boundaries', () => {
    const { cli, cliBytes, core } = both(Buffer.from(HOSTILE, 'utf8'), 3);
    expect(cli.rejected.map((rejected) => rejected.id ?? rejected.line)).toEqual(expect.arrayContaining(['b', 'c', 'a', 'd', 'g']));
    expect(core.report).toEqual(cli);
    expect(Buffer.from(core.geojson).equals(cliBytes)).toBe(true);
  });

  it('reads what French Excel saves (semicolons, Windows-1252) as the CLI does', () => {
    const excel = windows1252(HOSTILE.replace(/,/g, ';').replace('javascript:alert(1)', 'ftp://x').replace(/[«»]/g, '"'));
    const { cli, cliBytes, core } = both(excel);
    expect(core.report.encoding).toBe('windows-1252');
    expect(core.report.delimiter).toBe(';');
    expect(core.report).toEqual(cli);
    expect(Buffer.from(core.geojson).equals(cliBytes)).toBe(true);
  });
});
