import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInitiativesCollection } from '../../src/domain/geojson';
import type { PipelineReport } from '../../src/pipeline/run';
import { blockLength, checkMagic, decodeBlock } from '../../src/domain/compact-format';
import { applyCompactDetails, CompactCoreReader } from '../../src/domain/compact-initiatives';
import { HEADER, temporaryDirectory } from './helpers';

/** Runs the CLI as users do (npm run data runs the same file through tsx). */
function cli(args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/pipeline/cli.ts', ...args], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

const FIXTURE = join(import.meta.dirname, 'fixtures', 'valid.csv');

// Each run starts Node, tsx and the gazetteer: slow on a busy 2-core machine.
describe('npm run data (CLI, as a child process)', { timeout: 180_000 }, () => {
  it('exits 0, writes valid GeoJSON and the report, and re-runs byte-identically', () => {
    const directory = temporaryDirectory();
    const outputs = [join(directory, 'first.geojson'), join(directory, 'second.geojson')];
    const reports = [join(directory, 'first.json'), join(directory, 'second.json')];
    for (const [index, output] of outputs.entries()) {
      const { status, stderr } = cli(['--in', FIXTURE, '--out', output, '--report', reports[index] as string, '--strict']);
      expect(status, stderr).toBe(0);
    }
    const text = readFileSync(outputs[0] as string, 'utf8');
    expect(readFileSync(outputs[1] as string, 'utf8')).toBe(text);
    expect(readFileSync(reports[1] as string, 'utf8')).toBe(readFileSync(reports[0] as string, 'utf8'));
    const { initiatives, invalid } = parseInitiativesCollection(JSON.parse(text));
    expect(invalid).toEqual([]);
    expect(initiatives).toHaveLength(4);
    const report = JSON.parse(readFileSync(reports[0] as string, 'utf8')) as PipelineReport;
    expect(report).toMatchObject({ rowsRead: 4, rowsWritten: 4, rejected: [] });
  });

  it('--compact also writes the compact file the page reads first: same initiatives, linked from the GeoJSON by digest', () => {
    const directory = temporaryDirectory();
    const plain = join(directory, 'plain.geojson');
    const output = join(directory, 'initiatives.geojson');
    expect(cli(['--in', FIXTURE, '--out', plain]).status).toBe(0);
    const { status, stderr } = cli(['--in', FIXTURE, '--out', output, '--compact']);
    expect(status, stderr).toBe(0);
    const text = readFileSync(output, 'utf8');
    const plainText = readFileSync(plain, 'utf8');
    // Only the head changed: the features are the same bytes.
    expect(text.slice(text.indexOf('\n'))).toBe(plainText.slice(plainText.indexOf('\n')));
    const document = JSON.parse(text) as { compact: { href: string; digest: string } };
    expect(document.compact.href).toBe('initiatives.compact.bin');
    const bytes = new Uint8Array(readFileSync(join(directory, document.compact.href)));
    let offset = checkMagic(bytes);
    const reader = new CompactCoreReader();
    for (; !reader.done; offset += blockLength(bytes, offset) as number) reader.add(decodeBlock(bytes, offset));
    const core = reader.core();
    for (; offset < bytes.byteLength; offset += blockLength(bytes, offset) as number) applyCompactDetails(core, decodeBlock(bytes, offset));
    expect(core.digest).toBe(document.compact.digest);
    expect(core.initiatives).toEqual(parseInitiativesCollection(JSON.parse(plainText)).initiatives);
  });

  it('reports bad rows on stderr with file, physical line, column and reason; --strict makes it exit 1', () => {
    const directory = temporaryDirectory();
    const input = join(directory, 'initiatives.csv');
    writeFileSync(
      input,
      [
        HEADER,
        'ok,Bon,tiers-lieux,rural,Vaillant,52499,,,"two\nlines",,,',
        'colombe,Ambiguë,tiers-lieux,rural,Sainte-Colombe,,,,,,,',
        'ok2,Bon aussi,mobilite,urbain,Le Havre,,,,,,,',
      ].join('\n'),
    );
    const output = join(directory, 'out.geojson');
    const report = join(directory, 'report.json');
    const lenient = cli(['--in', input, '--out', output, '--report', report]);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toMatch(/^initiatives\.csv:4: commune: « Sainte-Colombe » est ambiguë : 12 communes/m);
    const strict = cli(['--in', input, '--out', output, '--report', report, '--strict']);
    expect(strict.status).toBe(1);
    const written = parseInitiativesCollection(JSON.parse(readFileSync(output, 'utf8')));
    expect(written.initiatives.map((initiative) => initiative.id)).toEqual(['ok', 'ok2']);
    const parsedReport = JSON.parse(readFileSync(report, 'utf8')) as PipelineReport;
    expect(parsedReport.rowsRead).toBe(3);
    expect(parsedReport.rowsWritten).toBe(2);
    expect(parsedReport.rejected).toEqual([
      { line: 4, column: 'commune', reason: expect.stringContaining('Sainte-Colombe (05135, dép. 05)'), id: 'colombe' },
    ]);
  });

  it('exits 2 naming the missing required column, and writes nothing', () => {
    const directory = temporaryDirectory();
    const input = join(directory, 'initiatives.csv');
    writeFileSync(input, 'id,nom,territoire,commune\na,A,rural,Vaillant\n');
    const output = join(directory, 'out.geojson');
    const { status, stderr } = cli(['--in', input, '--out', output]);
    expect(status).toBe(2);
    expect(stderr).toContain('themes');
    expect(existsSync(output)).toBe(false);
  });

  it('exits 2 on a file that cannot be read', () => {
    const directory = temporaryDirectory();
    const { status, stderr } = cli(['--in', join(directory, 'absent.csv'), '--out', join(directory, 'out.geojson')]);
    expect(status).toBe(2);
    expect(stderr).toContain('introuvable');
  });
});
