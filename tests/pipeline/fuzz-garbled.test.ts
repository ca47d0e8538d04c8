/**
 * Nothing lost, nothing garbled (issue 21): generated CSVs mixing control characters, bidi
 * overrides, bytes that are not UTF-8, unquoted separators and stray quotes. Every good row is
 * published unchanged (control characters removed), every bad row is reported at its line, no
 * control character is published, and the CLI's streaming path and the in-memory core (the
 * browser's) agree byte for byte.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseInitiativesCollection } from '../../src/domain/geojson';
import { checkCsvBytes } from '../../src/pipeline/core/check-table';
import { publicationTime } from '../../src/pipeline/core/table-run';
import { getGeocoder } from '../../src/pipeline/geocoder';
import { runPipeline } from '../../src/pipeline/run';
import { HEADER, temporaryDirectory } from './helpers';

// The CLI dates the GeoJSON from SOURCE_DATE_EPOCH (else the input's modification time); the core
// is handed the same date, as the publish page hands it the file's date.
const EPOCH_SECONDS = 1764547200;
beforeAll(() => vi.stubEnv('SOURCE_DATE_EPOCH', String(EPOCH_SECONDS)));
afterAll(() => vi.unstubAllEnvs());

const UNSAFE = ['\u0000', '\u0007', '\u001b', '\u007f', '\u202e', '\u202a', '\u2066', '\u2069', '\u0085'];
// eslint-disable-next-line no-control-regex
const PUBLISHED_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/;

/** A name: letters, accents, spaces, and now and then a character that must not be published. */
const name = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom('a', 'é', 'Œ', ' ', 'x', '«', '»', '°', '-'), weight: 6 }, { arbitrary: fc.constantFrom(...UNSAFE), weight: 1 }), {
    minLength: 1,
    maxLength: 20,
  })
  .map((characters) => `N${characters.join('')}`);

type Row = { kind: 'good'; name: string } | { kind: 'not-utf8' | 'extra-cells' | 'stray-quote'; name: string };

const row: fc.Arbitrary<Row> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('good' as const), name }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constantFrom('not-utf8' as const, 'extra-cells' as const, 'stray-quote' as const), name: fc.constant('Mauvaise') }), weight: 1 },
);

function strip(text: string): string {
  return text.replace(new RegExp(PUBLISHED_UNSAFE.source, 'g'), '').trim();
}

/** The file's bytes: one physical line per row (header = line 1). */
function csvBytes(rows: Row[]): Buffer {
  const lines: Buffer[] = [Buffer.from(`${HEADER}\n`)];
  // A first good row with an accent: the file is UTF-8, with evidence.
  lines.push(Buffer.from('"first",Épicerie,alimentation,rural,Vaillant,52499,,,,,,\n'));
  rows.forEach((spec, index) => {
    const id = `r${index}`;
    const tail = 'mobilite,rural,Vaillant,52499,,,';
    switch (spec.kind) {
      case 'good': lines.push(Buffer.from(`"${id}","${spec.name}",${tail}desc,,,\n`)); break;
      case 'not-utf8': lines.push(Buffer.concat([Buffer.from(`"${id}",Caf`), Buffer.from([0xe9]), Buffer.from(`,${tail},,,\n`)])); break;
      case 'extra-cells': lines.push(Buffer.from(`"${id}",Virgule,${tail}une, deux,SCIC,https://example.org,\n`)); break;
      case 'stray-quote': lines.push(Buffer.from(`"${id},Guillemet égaré,${tail},,,\n`)); break;
    }
  });
  return Buffer.concat(lines);
}

describe('garbled input (fast-check)', { timeout: 300_000 }, () => {
  it('publishes every good row unchanged and clean, reports every bad row at its line, the CLI and the core agreeing', () => {
    const directory = temporaryDirectory();
    const input = join(directory, 'initiatives.csv');
    const output = join(directory, 'initiatives.geojson');
    fc.assert(
      fc.property(fc.array(row, { maxLength: 15 }), (rows) => {
        const bytes = csvBytes(rows);
        writeFileSync(input, bytes);
        const report = runPipeline({ input, output, batchSize: 4 });
        const written = readFileSync(output);
        const core = checkCsvBytes(bytes, { input: 'initiatives.csv', geocoder: getGeocoder, batchSize: 7, updated: publicationTime(EPOCH_SECONDS * 1000) });
        expect(core.report).toEqual(report);
        expect(Buffer.from(core.geojson).equals(written)).toBe(true);

        const { initiatives, invalid } = parseInitiativesCollection(JSON.parse(written.toString('utf8')));
        expect(invalid).toEqual([]);
        const expected = rows.flatMap((spec, index) => (spec.kind === 'good' ? [{ id: `r${index}`, name: strip(spec.name) }] : []));
        expect(initiatives.slice(1).map(({ id, name: published }) => ({ id, name: published }))).toEqual(expected);
        for (const initiative of initiatives) expect(PUBLISHED_UNSAFE.test(`${initiative.name}${initiative.description}`)).toBe(false);

        const rejectedLines = new Set(report.rejected.map((entry) => entry.line));
        rows.forEach((spec, index) => {
          if (spec.kind !== 'good') expect(rejectedLines.has(index + 3), `${spec.kind} at line ${index + 3}`).toBe(true);
        });
        expect(report.rowsRejected).toBe(rows.filter((spec) => spec.kind !== 'good').length);
        expect(report.encoding).toBe('utf-8');
        // Messages never carry a raw control character.
        // eslint-disable-next-line no-control-regex
        for (const entry of [...report.rejected, ...report.warnings]) expect(JSON.stringify(entry)).not.toMatch(/[\u0000-\u001f\u202e]/);
      }),
      { numRuns: 40 },
    );
  });
});
