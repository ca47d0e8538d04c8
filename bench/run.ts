/**
 * `npm run bench`: the performance benchmark of CONTRACT §7, with peer baselines measured in
 * the same run, the same browser and on the same synthetic data.
 *
 *   npm run bench                      full run, writes bench/results.json
 *   npm run bench -- --quick           smaller data and fewer toggles, writes bench/results/quick.json
 *   npm run bench -- --only app,peers  some groups only (bundle, export, pipeline, peers, app, phone, search), writes bench/results/partial.json
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { formatTable, round, type Metrics } from './goals';
import { measureBundle, measureExport, measurePipeline, ROOT_DIRECTORY } from './measure-node';
import { runBrowserGroups, type BenchSize } from './run-browser';
import { BENCH_DIRECTORY, ensureCsv, ensureCompact, ensureGeojson, readThemeLists } from './synthetic';
import { planToggles } from './toggles';

const GROUPS = ['bundle', 'export', 'pipeline', 'peers', 'app', 'phone', 'search'] as const;
type Group = (typeof GROUPS)[number];

interface Options {
  quick: boolean;
  only: Set<Group>;
}

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes('--quick');
  const onlyIndex = argv.indexOf('--only');
  const onlyValue = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  const only = new Set<Group>();
  if (onlyValue) {
    for (const name of onlyValue.split(',')) {
      // A group's own name or prefix first: "app_load_bundled_ms" is the app's, not the bundle's.
      const group =
        GROUPS.find((candidate) => name === candidate || name.startsWith(`${candidate}_`)) ??
        (name.startsWith('peer_') ? 'peers' : name.startsWith('filter_') ? 'app' : name.startsWith('validate_') ? 'export' : undefined);
      if (!group) throw new Error(`--only: unknown group or metric "${name}" (groups: ${GROUPS.join(', ')})`);
      only.add(group);
    }
  } else {
    GROUPS.forEach((group) => only.add(group));
  }
  return { quick, only };
}

function machineDescription(browserVersion: string | null, loadAtStart: number[]): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memoryGb = (totalmem() / 1024 ** 3).toFixed(1);
  const load = loadAtStart.map((value) => value.toFixed(1)).join(' ');
  return `${cpu}, ${cpus().length} cores, ${memoryGb} GB RAM, Node ${process.version}${browserVersion ? `, Chromium ${browserVersion}` : ''}, load average at start ${load}`;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const loadAtStart = loadavg();
  // Metric names keep "100k", "250k" and "1m" for the full sizes; a quick run is labelled as such.
  const sizeCounts: [string, number][] = options.quick ? [['100k', 20_000], ['250k', 50_000]] : [['100k', 100_000], ['250k', 250_000]];
  const rowCount = options.quick ? 100_000 : 1_000_000;
  const toggleCount = options.quick ? 8 : 24;
  const metrics: Metrics = {};
  const notes: Record<string, string> = {};
  const details: Record<string, unknown> = {};
  const workDirectory = mkdtempSync(join(tmpdir(), 'carte-ess-bench-'));
  let browserVersion: string | null = null;
  const suffix = options.quick ? ` (quick: ${sizeCounts.map(([, count]) => count).join(' and ')} features, ${rowCount} rows)` : '';

  try {
    const needsSizes = ['peers', 'app', 'phone', 'export', 'search'].some((group) => options.only.has(group as Group));
    const sizes: BenchSize[] = [];
    for (const [key, count] of needsSizes ? sizeCounts : []) {
      // The phone profile, the search and the export only need the first size.
      if (key !== '100k' && !options.only.has('peers') && !options.only.has('app')) continue;
      log(`generating data: ${count} features`);
      const geojsonPath = await ensureGeojson(count);
      const compact = options.only.has('app') || options.only.has('phone') || options.only.has('search') ? await ensureCompact(count) : null;
      sizes.push({ key, count, geojsonPath, compact, toggles: planToggles(readThemeLists(geojsonPath), toggleCount) });
    }

    const needsBuild = ['bundle', 'app', 'phone', 'search'].some((group) => options.only.has(group as Group));
    const appDirectory = join(workDirectory, 'app');
    let built = false;
    if (needsBuild) {
      log('building the app (vite build)');
      const build = spawnSync('npx', ['vite', 'build', '--outDir', appDirectory, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
        cwd: ROOT_DIRECTORY,
        encoding: 'utf8',
      });
      built = build.status === 0;
      if (!built) {
        const reason = `vite build failed: ${(build.stderr || build.stdout).trim().split('\n').slice(-3).join(' ')}`;
        log(reason);
        for (const metric of ['bundle_initial_kb', 'app_interactive_100k_ms', 'app_load_100k_ms', 'filter_100k_p95_ms', 'phone_interactive_100k_ms', 'search_first_keystroke_100k_ms']) notes[metric] = reason;
      }
    }
    if (built && options.only.has('bundle')) {
      const bundle = measureBundle(appDirectory);
      metrics.bundle_initial_kb = round(bundle.initialKb);
      details.bundle = bundle;
      log(`bundle_initial_kb ${metrics.bundle_initial_kb} (${bundle.files.map((file) => `${file.file} ${file.gzipKb.toFixed(1)}`).join(', ')})`);
    }

    if (options.only.has('peers') || (built && (options.only.has('app') || options.only.has('phone') || options.only.has('search')))) {
      browserVersion = await runBrowserGroups({
        sizes,
        peers: options.only.has('peers'),
        app: options.only.has('app'),
        phone: options.only.has('phone'),
        search: options.only.has('search'),
        appDirectory: built ? appDirectory : null,
        workDirectory,
        metrics,
        notes,
        details,
        log,
      });
    }

    if (options.only.has('export')) {
      log('export: buildCsv on all initiatives, median of 5');
      try {
        const exported = await measureExport(sizes[0]?.geojsonPath ?? (await ensureGeojson(100_000)));
        metrics.export_100k_ms = round(exported.medianMs);
        metrics.validate_100k_ms = round(exported.validateMs);
        details.export = exported;
      } catch (error) {
        notes.export_100k_ms = String(error).split('\n')[0]?.slice(0, 200) ?? 'failed';
      }
    }

    if (options.only.has('pipeline')) {
      const csvPath = await ensureCsv(rowCount);
      log(`pipeline: npm run data on ${rowCount} rows`);
      const pipeline = await measurePipeline(csvPath, join(workDirectory, 'pipeline.geojson'), join(workDirectory, 'pipeline-report.json'));
      details.pipeline = pipeline;
      if (pipeline.exitCode === 0 || pipeline.outputFeatures > 0) {
        metrics.pipeline_1m_ms = round(pipeline.wallMs);
        if (pipeline.peakMb !== null) metrics.pipeline_1m_peak_mb = round(pipeline.peakMb);
        if (pipeline.outputFeatures !== rowCount) notes.pipeline_1m_ms = `wrote ${pipeline.outputFeatures} of ${rowCount} features`;
      } else {
        notes.pipeline_1m_ms = `exit ${pipeline.exitCode}: ${pipeline.stderrTail.replace(/\s+/g, ' ').slice(0, 200)}`;
        notes.pipeline_1m_peak_mb = notes.pipeline_1m_ms;
      }
    }
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }

  const results = { ...metrics, machine: machineDescription(browserVersion, loadAtStart), date: new Date().toISOString() };
  const full = !options.quick && options.only.size === GROUPS.length;
  const resultsPath = full ? join(BENCH_DIRECTORY, 'results.json') : join(BENCH_DIRECTORY, 'results', options.quick ? 'quick.json' : 'partial.json');
  mkdirSync(join(resultsPath, '..'), { recursive: true });
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  mkdirSync(join(BENCH_DIRECTORY, 'results'), { recursive: true });
  writeFileSync(join(BENCH_DIRECTORY, 'results', 'details.json'), `${JSON.stringify({ ...details, notes }, null, 2)}\n`);

  process.stdout.write(`\nCarte ESS benchmark${suffix}\n${results.machine}\n\n${formatTable(metrics, notes)}\n\nwrote ${resultsPath}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
