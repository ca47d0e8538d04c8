/**
 * `npm run bench`: the performance benchmark of CONTRACT §7, with peer baselines measured in
 * the same run, the same browser and on the same synthetic data.
 *
 *   npm run bench                      full run, writes bench/results.json
 *   npm run bench -- --quick           smaller data and fewer toggles, writes bench/results/quick.json
 *   npm run bench -- --only app,peers  some groups only (bundle, export, pipeline, peers, app), writes bench/results/partial.json
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchBrowser } from './browser';
import { measureApp } from './measure-app';
import { measureBundle, measureExport, measurePipeline, ROOT_DIRECTORY } from './measure-node';
import { measureMarkerclusterLoad, measureSetDataFilter } from './measure-peers';
import { startStaticServer } from './server';
import { BENCH_DIRECTORY, ensureCsv, ensureGeojson, readThemeLists } from './synthetic';
import { percentile, planToggles } from './toggles';

const GROUPS = ['bundle', 'export', 'pipeline', 'peers', 'app'] as const;
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
      const group = GROUPS.find((candidate) => name === candidate || name.startsWith(candidate) || name.includes(`_${candidate}`) || (candidate === 'peers' && name.startsWith('peer_')) || (candidate === 'app' && name.startsWith('filter_')));
      if (!group) throw new Error(`--only: unknown group or metric "${name}" (groups: ${GROUPS.join(', ')})`);
      only.add(group);
    }
  } else {
    GROUPS.forEach((group) => only.add(group));
  }
  return { quick, only };
}

type Metrics = Record<string, number>;

interface Goal {
  metric: string;
  limit?: number;
  peer?: string;
  peerFactor?: number;
  label: string;
}

const GOALS: Goal[] = [
  { metric: 'app_load_100k_ms', limit: 2500, peer: 'peer_markercluster_load_100k_ms', peerFactor: 1 / 4, label: '≤ 2500 and ≤ ¼ peer' },
  { metric: 'filter_100k_p95_ms', limit: 100, peer: 'peer_setdata_filter_100k_p95_ms', peerFactor: 1 / 5, label: '≤ 100 and ≤ ⅕ peer' },
  { metric: 'pipeline_1m_ms', limit: 15000, label: '≤ 15000' },
  { metric: 'pipeline_1m_peak_mb', limit: 2000, label: '≤ 2000' },
  { metric: 'export_100k_ms', limit: 1000, label: '≤ 1000' },
  { metric: 'bundle_initial_kb', limit: 200, label: '≤ 200' },
  { metric: 'peer_markercluster_load_100k_ms', label: 'baseline' },
  { metric: 'peer_setdata_filter_100k_p95_ms', label: 'baseline' },
  { metric: 'peer_setdata_load_100k_ms', label: 'baseline (extra)' },
  { metric: 'validate_100k_ms', label: 'diagnostic (extra)' },
  { metric: 'app_load_bundled_ms', label: 'diagnostic (extra): the app on the bundled data' },
];

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function machineDescription(browserVersion: string | null, loadAtStart: number[]): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memoryGb = (totalmem() / 1024 ** 3).toFixed(1);
  const load = loadAtStart.map((value) => value.toFixed(1)).join(' ');
  return `${cpu}, ${cpus().length} cores, ${memoryGb} GB RAM, Node ${process.version}${browserVersion ? `, Chromium ${browserVersion}` : ''}, load average at start ${load}`;
}

/** The Markdown table printed at the end and pasted into bench/README.md. */
export function formatTable(metrics: Metrics, notes: Record<string, string>): string {
  const lines = ['| metric | value | goal | ratio vs peer | verdict |', '| --- | ---: | --- | ---: | --- |'];
  for (const goal of GOALS) {
    const value = metrics[goal.metric];
    if (value === undefined) {
      if (notes[goal.metric]) lines.push(`| ${goal.metric} | n/a | ${goal.label} | | not measured: ${notes[goal.metric]} |`);
      continue;
    }
    const peerValue = goal.peer ? metrics[goal.peer] : undefined;
    const ratio = peerValue ? value / peerValue : undefined;
    let verdict = '';
    if (goal.limit !== undefined) {
      const withinLimit = value <= goal.limit;
      const withinPeer = goal.peerFactor === undefined || (ratio !== undefined && ratio <= goal.peerFactor);
      verdict = withinLimit && withinPeer ? 'pass' : 'FAIL';
      if (goal.peerFactor !== undefined && ratio === undefined) verdict += ' (no peer)';
    }
    const ratioText = ratio === undefined ? '' : `${ratio.toFixed(2)}× (goal ≤ ${goal.peerFactor?.toFixed(2)})`;
    lines.push(`| ${goal.metric} | ${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} | ${goal.label} | ${ratioText} | ${verdict}${notes[goal.metric] ? ` — ${notes[goal.metric]}` : ''} |`);
  }
  return lines.join('\n');
}

function countFeatures(path: string): number {
  const document = JSON.parse(readFileSync(path, 'utf8')) as { features?: unknown[] };
  return document.features?.length ?? 0;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const loadAtStart = loadavg();
  const featureCount = options.quick ? 20_000 : 100_000;
  const rowCount = options.quick ? 100_000 : 1_000_000;
  const toggleCount = options.quick ? 8 : 24;
  const metrics: Metrics = {};
  const notes: Record<string, string> = {};
  const details: Record<string, unknown> = {};
  const workDirectory = mkdtempSync(join(tmpdir(), 'carte-ess-bench-'));
  let browserVersion: string | null = null;
  // Metric names keep "100k"/"1m" only for the full sizes; a quick run is labelled as such.
  const suffix = options.quick ? ' (quick: 20k features, 100k rows)' : '';

  try {
    log(`generating data: ${featureCount} features, ${options.only.has('pipeline') ? `${rowCount} CSV rows` : 'no CSV'}`);
    const geojsonPath = await ensureGeojson(featureCount);
    const toggles = planToggles(readThemeLists(geojsonPath), toggleCount);

    const needsBuild = options.only.has('bundle') || options.only.has('app');
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
        notes.bundle_initial_kb = reason;
        notes.app_load_100k_ms = reason;
        notes.filter_100k_p95_ms = reason;
      }
    }
    if (built && options.only.has('bundle')) {
      const bundle = measureBundle(appDirectory);
      metrics.bundle_initial_kb = round(bundle.initialKb);
      details.bundle = bundle;
      log(`bundle_initial_kb ${metrics.bundle_initial_kb} (${bundle.files.map((file) => `${file.file} ${file.gzipKb.toFixed(1)}`).join(', ')})`);
    }

    if (options.only.has('peers') || (built && options.only.has('app'))) {
      if (!chromiumAvailable()) {
        const reason = 'no Chromium at /usr/bin/chromium (set CHROMIUM_PATH)';
        for (const metric of ['app_load_100k_ms', 'filter_100k_p95_ms', 'peer_markercluster_load_100k_ms', 'peer_setdata_filter_100k_p95_ms']) notes[metric] = reason;
      } else {
        const bundledPath = join(workDirectory, 'bundled.geojson');
        if (built) {
          mkdirSync(join(appDirectory, 'data'), { recursive: true });
          // The build copied public/data: keep the bundled initiatives for the floor measurement.
          const builtData = join(appDirectory, 'data/initiatives.geojson');
          if (existsSync(builtData)) copyFileSync(builtData, bundledPath);
          copyFileSync(geojsonPath, builtData);
        }
        const server = await startStaticServer({
          '/': appDirectory,
          '/bundled': appDirectory,
          '/bundled/data/initiatives.geojson': bundledPath,
          '/peers': join(BENCH_DIRECTORY, 'peers'),
          '/peers/data/initiatives.geojson': geojsonPath,
          '/node_modules/leaflet': join(ROOT_DIRECTORY, 'node_modules/leaflet'),
          '/node_modules/leaflet.markercluster': join(ROOT_DIRECTORY, 'node_modules/leaflet.markercluster'),
          '/node_modules/maplibre-gl': join(ROOT_DIRECTORY, 'node_modules/maplibre-gl'),
        });
        let browser: Browser | null = null;
        try {
          browser = await launchBrowser();
          browserVersion = browser.version();
          if (options.only.has('peers')) {
            log('peer: Leaflet.markercluster load');
            try {
              const markercluster = await measureMarkerclusterLoad(browser, server.origin);
              metrics.peer_markercluster_load_100k_ms = round(markercluster.loadMs);
              details.peerMarkercluster = markercluster;
            } catch (error) {
              notes.peer_markercluster_load_100k_ms = String(error).slice(0, 200);
            }
            log(`peer: MapLibre setData, ${toggles.length} toggles`);
            try {
              const setData = await measureSetDataFilter(browser, server.origin, toggles);
              metrics.peer_setdata_load_100k_ms = round(setData.loadMs);
              metrics.peer_setdata_filter_100k_p95_ms = round(percentile(setData.toggleMs, 0.95));
              details.peerSetData = setData;
              if (setData.wrongCounts > 0) notes.peer_setdata_filter_100k_p95_ms = `${setData.wrongCounts} toggles gave an unexpected count`;
            } catch (error) {
              notes.peer_setdata_filter_100k_p95_ms = String(error).slice(0, 200);
            }
          }
          if (built && options.only.has('app')) {
            log(`app: load with ${featureCount} initiatives, then ${toggles.length} toggles`);
            try {
              const app = await measureApp(browser, server.origin, featureCount, toggles);
              metrics.app_load_100k_ms = round(app.load.loadMs);
              details.appLoad = app.load;
              if (!app.load.statusChanged) notes.app_load_100k_ms = 'map status never left idle: time is count-only';
              if (app.filter) {
                metrics.filter_100k_p95_ms = round(percentile(app.filter.toggleMs, 0.95));
                details.appFilter = app.filter;
                if (app.filter.unobservedMap > 0) notes.filter_100k_p95_ms = `${app.filter.unobservedMap} toggles: map status never left idle`;
              }
            } catch (error) {
              const reason = String(error).split('\n')[0]?.slice(0, 200) ?? 'failed';
              notes.app_load_100k_ms ??= reason;
              notes.filter_100k_p95_ms ??= reason;
            }
            // The same app on the bundled initiatives: what the page and MapLibre's start cost
            // without the 100,000, i.e. the floor under app_load_100k_ms.
            if (existsSync(bundledPath)) {
              const bundledCount = countFeatures(bundledPath);
              log(`app: load with the ${bundledCount} bundled initiatives (floor)`);
              try {
                const floor = await measureApp(browser, `${server.origin}/bundled`, bundledCount, []);
                metrics.app_load_bundled_ms = round(floor.load.loadMs);
                details.appLoadBundled = floor.load;
              } catch (error) {
                notes.app_load_bundled_ms = String(error).split('\n')[0]?.slice(0, 200) ?? 'failed';
              }
            }
          }
        } finally {
          await browser?.close();
          await server.close();
        }
      }
    }

    if (options.only.has('export')) {
      log('export: buildCsv on all initiatives, median of 5');
      try {
        const exported = await measureExport(geojsonPath);
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
