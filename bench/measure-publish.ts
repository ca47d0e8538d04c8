/**
 * The publish page's throughput against the CLI's, on the same synthetic file and machine:
 * rows checked per second by publier.html (its worker, commune index load included: the time
 * the page itself shows) and by `npm run data` (wall time of the process, start-up and
 * gazetteer included). Median of `--runs` runs each.
 *
 * Usage: npx tsx bench/measure-publish.ts --dist DIR [--rows 10000] [--runs 3]
 * (DIR: a build, `npm run data:bundled && npx vite build --outDir DIR`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser, openPage } from './browser';
import { startStaticServer } from './server';
import { CSV_COLUMNS, generateInitiatives, toCsvRow } from './synthetic';

function option(name: string, fallback?: string): string {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? process.argv[index + 1] : fallback;
  if (value === undefined) throw new Error(`usage: npx tsx bench/measure-publish.ts --dist DIR [--rows N] [--runs R] (${name} missing)`);
  return value;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const dist = resolve(option('--dist'));
const rows = Number(option('--rows', '10000'));
const runs = Number(option('--runs', '3'));
const directory = mkdtempSync(join(tmpdir(), 'measure-publish-'));
const input = join(directory, 'initiatives.csv');
writeFileSync(input, `${CSV_COLUMNS.join(',')}\n${[...generateInitiatives(rows, 42)].map(toCsvRow).join('\n')}\n`);

const cliSeconds: number[] = [];
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/pipeline/cli.ts', '--in', input, '--out', join(directory, 'out.geojson')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  cliSeconds.push((performance.now() - started) / 1000);
}

const server = await startStaticServer({ '/': dist });
const browser = await launchBrowser();
const pageSeconds: number[] = [];
const bytes = readFileSync(input);
try {
  const { page, close } = await openPage(browser);
  await page.goto(`${server.origin}/publier.html`);
  for (let run = 0; run < runs; run += 1) {
    await page.getByLabel(/fichier/i).setInputFiles({ name: `run-${run}.csv`, mimeType: 'text/csv', buffer: bytes });
    const status = page.getByRole('status');
    await page.waitForFunction((name) => document.querySelector('[role="status"]')?.textContent?.startsWith(`${name} vérifié en`), `run-${run}.csv`, { timeout: 300_000 });
    // « run-0.csv vérifié en 4,2 s : … »: the page's own measure (worker start to report).
    const text = (await status.textContent()) ?? '';
    const seconds = Number(/vérifié en ([\d,]+) s/.exec(text)?.[1]?.replace(',', '.'));
    pageSeconds.push(seconds);
  }
  await close();
} finally {
  await browser.close();
  await server.close();
}

const cli = median(cliSeconds);
const publishPage = median(pageSeconds);
console.log(JSON.stringify({
  rows,
  cli_seconds: cliSeconds,
  publish_page_seconds: pageSeconds,
  cli_rows_per_s: Math.round(rows / cli),
  publish_page_rows_per_s: Math.round(rows / publishPage),
  publish_page_vs_cli: Number((cli / publishPage).toFixed(2)),
}, null, 2));
