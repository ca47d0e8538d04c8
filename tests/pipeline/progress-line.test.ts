/**
 * The progress line of long runs: on a terminal only, a few times a second at most, erased at
 * the end; logs and pipes never see it.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROGRESS_EVERY_MS, PROGRESS_FIRST_AFTER_MS, ProgressLine, progressDue, progressText } from '../../src/pipeline/progress-line';
import { HEADER, temporaryDirectory } from './helpers';

describe('when the progress line is written', () => {
  it('never off a terminal', () => {
    expect(progressDue(false, 0, null, 60_000)).toBe(false);
    expect(progressDue(false, 0, 1_000, 60_000)).toBe(false);
  });

  it('on a terminal, first once the run has lasted a second, then at most every PROGRESS_EVERY_MS', () => {
    expect(progressDue(true, 0, null, PROGRESS_FIRST_AFTER_MS - 1)).toBe(false);
    expect(progressDue(true, 0, null, PROGRESS_FIRST_AFTER_MS)).toBe(true);
    expect(progressDue(true, 0, 2_000, 2_000 + PROGRESS_EVERY_MS - 1)).toBe(false);
    expect(progressDue(true, 0, 2_000, 2_000 + PROGRESS_EVERY_MS)).toBe(true);
  });
});

describe('what it says', () => {
  it('the rows checked, in French, and how much of the file is read', () => {
    expect(progressText({ rowsChecked: 12_000, fraction: 0.064 })).toBe('12 000 lignes vérifiées, 6 % du fichier…');
    expect(progressText({ rowsChecked: 1_234_567, fraction: 1 })).toBe('1 234 567 lignes vérifiées, 99 % du fichier…');
    expect(progressText({ rowsChecked: 1, fraction: null })).toBe('1 ligne vérifiée…');
  });
});

describe('the line on a stream', () => {
  function stream(isTTY: boolean) {
    const written: string[] = [];
    return { isTTY, written, write: (text: string) => written.push(text) };
  }

  it('is rewritten in place, padded over a longer previous text, then erased', () => {
    const terminal = stream(true);
    let now = 0;
    const line = new ProgressLine(terminal, () => now);
    line.update({ rowsChecked: 10, fraction: 0.5 });
    expect(terminal.written).toEqual([]);
    now = 1_000;
    line.update({ rowsChecked: 100_000, fraction: 0.5 });
    now = 1_100;
    line.update({ rowsChecked: 100_500, fraction: 0.5 });
    now = 1_300;
    line.update({ rowsChecked: 9, fraction: 0.6 });
    line.clear();
    line.clear();
    const first = '100 000 lignes vérifiées, 50 % du fichier…';
    expect(terminal.written).toEqual([`\r${first}`, `\r${'9 lignes vérifiées, 60 % du fichier…'.padEnd(first.length)}`, `\r${' '.repeat(36)}\r`]);
  });

  it('writes nothing at all off a terminal, not even when cleared', () => {
    const pipe = stream(false);
    let now = 0;
    const line = new ProgressLine(pipe, () => now);
    for (; now < 10_000; now += 100) line.update({ rowsChecked: now, fraction: now / 10_000 });
    line.clear();
    expect(pipe.written).toEqual([]);
  });
});

describe('npm run data on a terminal and off it', { timeout: 180_000 }, () => {
  const CLI = ['--import', 'tsx', 'src/pipeline/cli.ts'];
  const directory = temporaryDirectory();
  const input = join(directory, 'initiatives.csv');
  const rows = Array.from({ length: 6_000 }, (_, index) => `i${index},Initiative ${index},tiers-lieux,rural,Vaillant,52499,,,,,,`);
  writeFileSync(input, `${[HEADER, ...rows].join('\n')}\n`);
  const args = ['--in', input, '--out', join(directory, 'out.geojson')];
  // Shown from the start, so the test does not depend on how fast the machine is.
  const env = { ...process.env, CARTE_ESS_PROGRESS_AFTER_MS: '0' };

  it('shows the line on a terminal (a pseudo-terminal through script) and erases it before the summary', () => {
    const command = [process.execPath, ...CLI, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env });
    expect(result.status).toBe(0);
    const output = result.stdout;
    expect(output).toMatch(/\r\d[\d ]* lignes? vérifiées?, \d+ % du fichier…/);
    // The summary starts on a clean line: the line was erased with spaces and a carriage return.
    const summaryAt = output.indexOf('6000 ligne(s) lue(s)');
    expect(summaryAt).toBeGreaterThan(0);
    expect(output.slice(0, summaryAt)).toMatch(/\r +\r$/);
  });

  it('prints no such line when stderr is not a terminal', () => {
    const result = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', env });
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/vérifiée|\r/);
    expect(result.stderr).toContain('6000 ligne(s) lue(s)');
  });
});
