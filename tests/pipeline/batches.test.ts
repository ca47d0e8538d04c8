/**
 * Batched and parallel runs (rows.ts, row-worker.ts) must give exactly what a one-row-at-a-time
 * run gives: same bytes, same report. Also the pieces they rest on: the id index and the
 * validator's allocation-free fast check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IdLineIndex } from '../../src/pipeline/core/id-index';
import { compileRowValidator, loadTableSchema } from '../../src/pipeline/row-schema';
import { runPipeline, type PipelineOptions } from '../../src/pipeline/run';
import { SOURCE_COLUMNS } from '../../src/domain/initiative';
import { HEADER, temporaryDirectory } from './helpers';

// Each run rewrites its input, so the GeoJSON's `updated` (the input's modification time by
// default) is pinned the way reproducible builds pin it: the bytes compared are the rows'.
beforeAll(() => vi.stubEnv('SOURCE_DATE_EPOCH', '1764547200'));
afterAll(() => vi.unstubAllEnvs());

/** Rows that exercise every kind of outcome, with duplicates far apart and close together. */
function mixedCsv(rows: number): string {
  const lines = [HEADER];
  for (let index = 0; index < rows; index += 1) {
    const id = `row-${index % 37 === 5 ? index - 3 : index}`; // some duplicates of a row 3 lines up
    switch (index % 11) {
      case 0: lines.push(`${id},Café ${index},mobilite|alimentation,rural,Vaillant,52499,52160,52,"Une ""description""\nsur deux lignes",SCIC,https://example.org/${index},`); break;
      case 1: lines.push(`${id},Garage ${index},zzz,rural,Vaillant,52499,,,,,,`); break; // unknown theme
      case 2: lines.push(`${id},Tiers-lieu ${index},tiers-lieux,urbain,Sainte-Colombe,,,,,,,`); break; // ambiguous commune
      case 3: lines.push(`"${id},Guillemet égaré,mobilite,rural,Vaillant,52499,,,,,,`); break; // stray quote
      case 4: lines.push(`${id},Trop,mobilite,rural,Vaillant,52499,,,,,,,,en trop`); break; // too many values
      case 5: lines.push(''); lines.push(`${id},Ligne après un blanc ${index},commerces,qpv,Le Havre,,76600,,,,,`); break; // postal-code warning path
      case 6: lines.push(`${id},Ancienne commune ${index},mobilite,rural,Paris 15e,75115,,,,,,`); break; // placed on the arrondissement
      case 7: lines.push(`${id},Approximative ${index},mobilite,rural,Sannerville,14666,,,,,,`); break; // approximate point warning
      case 8: lines.push(`${id},"Sans territoire ${index}",mobilite,,Ajaccio,2A004,,,"\u{1F642} émoji, virgule",,,`); break;
      case 9: lines.push(`${id},Deux problèmes,zzz,nulle-part,Xyzzyville,,,,,,ftp://x,`); break;
      default: lines.push(`${id},  Espaces ${index}  ,economie-circulaire , centre-ville ,St Julien en Born,,,40,,,,`);
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

function run(csv: string, options: Partial<PipelineOptions>): { output: string; report: string } {
  const directory = temporaryDirectory();
  const input = join(directory, 'initiatives.csv');
  const output = join(directory, 'out.geojson');
  writeFileSync(input, csv);
  const report = runPipeline({ input, output, ...options });
  return { output: readFileSync(output, 'utf8'), report: JSON.stringify(report) };
}

describe('batched and parallel runs', { timeout: 120_000 }, () => {
  it('give the same bytes and report whatever the batch size, on this thread or in a worker', () => {
    const csv = mixedCsv(400);
    const reference = run(csv, { batchSize: 1 });
    const report = JSON.parse(reference.report) as { rowsWritten: number; rejected: { reason: string }[]; warnings: unknown[] };
    // The file does exercise duplicates, rejections and warnings.
    expect(report.rowsWritten).toBeGreaterThan(50);
    expect(report.rejected.some((entry) => entry.reason.startsWith('id en double'))).toBe(true);
    expect(report.warnings.length).toBeGreaterThan(10);
    for (const options of [{ batchSize: 7 }, { batchSize: 1000 }, { parallel: true, batchSize: 3 }, { parallel: true, batchSize: 64 }] as const) {
      expect(run(csv, options), JSON.stringify(options)).toEqual(reference);
    }
  });

  it('in a worker: reads Windows-1252 after a failed UTF-8 start, and reports a missing column as before', () => {
    const csv = mixedCsv(60);
    const bytes = Buffer.from(csv.replace(/\u{1F642} /gu, ''), 'latin1');
    const directory = temporaryDirectory();
    const input = join(directory, 'excel.csv');
    writeFileSync(input, bytes);
    const sequential = runPipeline({ input, output: join(directory, 'a.geojson') });
    const parallel = runPipeline({ input, output: join(directory, 'b.geojson'), parallel: true, batchSize: 5 });
    expect(parallel.encoding).toBe('windows-1252');
    expect(parallel).toEqual(sequential);
    expect(readFileSync(join(directory, 'b.geojson'), 'utf8')).toBe(readFileSync(join(directory, 'a.geojson'), 'utf8'));
    writeFileSync(input, 'id,nom,commune\na,b,c\n');
    expect(() => runPipeline({ input, output: join(directory, 'c.geojson'), parallel: true })).toThrow(/colonnes? obligatoires? absentes? : themes, territoire/);
  });
});

describe('IdLineIndex', () => {
  it('agrees with a Map, through growth and colliding hashes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer({ min: 1, max: 1e6 })), { maxLength: 300 }), (entries) => {
        const index = new IdLineIndex(16);
        const reference = new Map<string, number>();
        for (const [id, line] of entries) {
          expect(index.get(id)).toBe(reference.get(id));
          index.add(id, line);
          if (!reference.has(id)) reference.set(id, line);
        }
        expect(index.size).toBe(reference.size);
        for (const [id, line] of reference) expect(index.get(id)).toBe(line);
      }),
      { numRuns: 200 },
    );
  });
});

describe('row validator fast check', () => {
  const validate = compileRowValidator(loadTableSchema());
  const columns = SOURCE_COLUMNS;
  const value = fc.oneof(
    fc.constantFrom('', ' ', 'a', 'rural', 'qpv', 'mobilite', 'mobilite|commerces', 'zzz', '52499', '2A004', '2a004', '5249', '52160', '52', '2B', '976', '99', 'https://example.org/', 'http://x', 'ftp://x', 'collectif-gare', 'Bad-Id', 'x'.repeat(121), 'é'.repeat(301)),
    fc.string({ maxLength: 12 }),
  );
  it('isValid is true exactly when the full validation finds no problem', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: columns.length, maxLength: columns.length }), (values) => {
        const row = Object.fromEntries(columns.map((column, index) => [column, values[index] as string]));
        expect(validate.isValid(row)).toBe(validate(row).length === 0);
      }),
      { numRuns: 2000 },
    );
  });
});
