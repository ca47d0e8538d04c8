/**
 * The CLI's files: it never overwrites its input, never leaves a temporary file, never
 * publishes a cancelled run, and says a file system failure in one French line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER, temporaryDirectory } from './helpers';

const CLI = ['--import', 'tsx', 'src/pipeline/cli.ts'];

function cli(args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

const GOOD_ROWS = ['ok,Bon,tiers-lieux,rural,Vaillant,52499,,,,,,', 'ok2,Bon aussi,mobilite,urbain,Le Havre,,,,,,,'];

function inputFile(directory: string, rows = GOOD_ROWS): string {
  const input = join(directory, 'initiatives.csv');
  writeFileSync(input, `${[HEADER, ...rows].join('\n')}\n`);
  return input;
}

/** Names of files a run may have left: temporary outputs. */
function leftovers(directory: string): string[] {
  return readdirSync(directory).filter((name) => name.includes('.tmp-'));
}

describe('npm run data: files', { timeout: 180_000 }, () => {
  it('refuses an output that is the input (same path, symbolic or hard link) or another output, and changes nothing', () => {
    const directory = temporaryDirectory();
    const input = inputFile(directory);
    const original = readFileSync(input, 'utf8');
    symlinkSync(input, join(directory, 'symbolic.csv'));
    linkSync(input, join(directory, 'hard.csv'));
    const output = join(directory, 'out.geojson');
    for (const args of [
      ['--out', input],
      ['--out', join(directory, 'symbolic.csv')],
      ['--out', join(directory, 'hard.csv')],
      ['--out', join(directory, '.', 'initiatives.csv')],
      ['--out', output, '--report', input],
      ['--out', output, '--report', output],
    ]) {
      const { status, stderr } = cli(['--in', input, ...args]);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), stderr).toHaveLength(1);
      expect(stderr).toMatch(/désigne le même fichier que --(in|out)/);
    }
    expect(readFileSync(input, 'utf8')).toBe(original);
    expect(existsSync(output)).toBe(false);
    expect(leftovers(directory)).toEqual([]);
  });

  it('says in one French line, without a stack, that an output is a folder or cannot be created; --debug adds the stack', () => {
    const directory = temporaryDirectory();
    const input = inputFile(directory);
    mkdirSync(join(directory, 'folder'));
    writeFileSync(join(directory, 'plain-file'), '');
    const cases = [
      { args: ['--out', join(directory, 'folder')], message: /impossible d’écrire .*folder : c’est un dossier/ },
      { args: ['--out', join(directory, 'out.geojson'), '--report', join(directory, 'folder')], message: /impossible d’écrire .*folder : c’est un dossier/ },
      { args: ['--out', join(directory, 'plain-file', 'out.geojson')], message: /impossible de créer le dossier .*plain-file/ },
    ];
    for (const { args, message } of cases) {
      const { status, stderr } = cli(['--in', input, ...args]);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toMatch(/^\s+at /m);
    }
    const debug = cli(['--in', input, '--out', join(directory, 'folder'), '--debug']);
    expect(debug.stderr).toMatch(/^\s+at /m);
    expect(existsSync(join(directory, 'out.geojson'))).toBe(false);
    expect(leftovers(directory)).toEqual([]);
  });

  it('replaces an older report with the failure, and removes stale temporary files of a killed run', () => {
    const directory = temporaryDirectory();
    inputFile(directory, []);
    const output = join(directory, 'out.geojson');
    const report = join(directory, 'report.json');
    writeFileSync(report, '{"rowsWritten": 1000}\n');
    // A run killed with SIGKILL (pid 2^22 + 1 is above Linux's pid_max: no such process).
    writeFileSync(`${output}.tmp-4194305-1`, '{"type":"FeatureCollection","features":[');
    const failed = cli(['--in', join(directory, 'absent.csv'), '--out', output, '--report', report]);
    expect(failed.status).toBe(2);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({ input: 'absent.csv', error: expect.stringContaining('introuvable') });
    expect(leftovers(directory)).toEqual([]);
  });

  it('a header-only file: says so; --strict exits 1', () => {
    const directory = temporaryDirectory();
    const input = inputFile(directory, []);
    const output = join(directory, 'out.geojson');
    const lenient = cli(['--in', input, '--out', output, '--quiet-ok']);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toContain('aucune initiative, le fichier n’a que sa ligne d’en-tête');
    expect(cli(['--in', input, '--out', output, '--strict']).status).toBe(1);
  });

  it('escapes control characters of the data in what it prints', () => {
    const directory = temporaryDirectory();
    const input = inputFile(directory, ['bad,Nom,zzz\u001b[2J\u0007,rural,Vaillant\u202e,52499,,,,,,']);
    const { stderr } = cli(['--in', input, '--out', join(directory, 'out.geojson')]);
    expect(stderr).toContain('supprimé(s) : \\u001b \\u0007');
    expect(stderr).toContain('\\u202e');
    // eslint-disable-next-line no-control-regex
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e]/);
  });

  it('SIGTERM during a run in the worker thread: exits 143, publishes nothing, leaves no temporary file', async () => {
    const directory = temporaryDirectory();
    // 110,000 rows, about 17 MB: above the size where the rows go to a worker thread.
    const rows = Array.from({ length: 110_000 }, (_, index) => `row-${index},Initiative ${index},mobilite,rural,Vaillant,52499,,,${'description '.repeat(8)},,,`);
    const input = inputFile(directory, rows);
    const output = join(directory, 'out.geojson');
    const report = join(directory, 'report.json');
    writeFileSync(output, 'previous');
    const child = spawn(process.execPath, [...CLI, '--in', input, '--out', output, '--report', report], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Once the GeoJSON's temporary file exists, the run is under way.
    while (!readdirSync(directory).some((name) => name.startsWith('out.geojson.tmp-'))) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGTERM');
    expect(await exited, stderr).toBe(143);
    expect(stderr).toContain('rien n’a été publié');
    expect(readFileSync(output, 'utf8')).toBe('previous');
    expect(JSON.parse(readFileSync(report, 'utf8')).error).toContain('interrompu');
    expect(leftovers(directory)).toEqual([]);
  });
});
