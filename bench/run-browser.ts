/**
 * The browser half of `npm run bench`: the peers and our app at each data size, the app on the
 * bundled data (the floor), and the phone profile. One static server, one Chromium.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchBrowser } from './browser';
import { round, type Metrics } from './goals';
import { measureApp } from './measure-app';
import { ROOT_DIRECTORY } from './measure-node';
import { measureMarkerclusterLoad, measureSetDataFilter } from './measure-peers';
import { measureFirstKeystroke, planKeystroke, type KeystrokeRun } from './measure-search';
import { startStaticServer } from './server';
import { BENCH_DIRECTORY } from './synthetic';
import { median, percentile, type Toggle } from './toggles';

/** One data size: its label in metric names ("100k"), its count, its GeoJSON and toggles. */
export interface BenchSize {
  key: string;
  count: number;
  geojsonPath: string;
  /** The same data published with `--compact` (the app reads it; the peers read the plain GeoJSON). */
  compact: { geojsonPath: string; compactPath: string } | null;
  toggles: Toggle[];
}

export interface BrowserRun {
  sizes: BenchSize[];
  peers: boolean;
  app: boolean;
  phone: boolean;
  /** The first search keystroke at the first size (`search_first_keystroke_*`). */
  search: boolean;
  /** The built app (`vite build`), or null when the build failed or was not asked for. */
  appDirectory: string | null;
  workDirectory: string;
  metrics: Metrics;
  notes: Record<string, string>;
  details: Record<string, unknown>;
  log: (message: string) => void;
}

const NO_BUNDLED_DATA = 'the build has no data/initiatives.geojson: run npm run data:bundled first';

function firstLine(error: unknown): string {
  return String(error).split('\n')[0]?.slice(0, 200) ?? 'failed';
}

function countFeatures(path: string): number {
  const document = JSON.parse(readFileSync(path, 'utf8')) as { features?: unknown[] };
  return document.features?.length ?? 0;
}

/** Metric names this part of the run may write, for the "not measured" notes. */
function browserMetrics(run: BrowserRun): string[] {
  const names: string[] = [];
  for (const { key } of run.sizes) {
    if (run.peers) names.push(`peer_markercluster_load_${key}_ms`, `peer_setdata_filter_${key}_p95_ms`);
    if (run.app) names.push(`app_interactive_${key}_ms`, `app_load_${key}_ms`, `filter_${key}_p95_ms`);
  }
  if (run.phone) names.push('phone_interactive_bundled_ms', 'phone_interactive_100k_ms');
  if (run.search && run.sizes[0]) names.push(`search_first_keystroke_${run.sizes[0].key}_ms`, `search_settled_keystroke_${run.sizes[0].key}_ms`);
  return names;
}

async function measurePeers(browser: Browser, origin: string, run: BrowserRun): Promise<void> {
  const { metrics, notes, details } = run;
  for (const size of run.sizes) {
    run.log(`peer: Leaflet.markercluster load, ${size.count}`);
    try {
      const markercluster = await measureMarkerclusterLoad(browser, origin, `/peers-${size.key}`);
      metrics[`peer_markercluster_load_${size.key}_ms`] = round(markercluster.loadMs);
      details[`peerMarkercluster_${size.key}`] = markercluster;
    } catch (error) {
      notes[`peer_markercluster_load_${size.key}_ms`] = String(error).slice(0, 200);
    }
    run.log(`peer: MapLibre setData, ${size.count}, ${size.toggles.length} toggles`);
    try {
      const setData = await measureSetDataFilter(browser, origin, size.toggles, `/peers-${size.key}`);
      metrics[`peer_setdata_load_${size.key}_ms`] = round(setData.loadMs);
      metrics[`peer_setdata_filter_${size.key}_p95_ms`] = round(percentile(setData.toggleMs, 0.95));
      details[`peerSetData_${size.key}`] = setData;
      if (setData.wrongCounts > 0) notes[`peer_setdata_filter_${size.key}_p95_ms`] = `${setData.wrongCounts} toggles gave an unexpected count`;
    } catch (error) {
      notes[`peer_setdata_filter_${size.key}_p95_ms`] = String(error).slice(0, 200);
    }
  }
}

async function measureOurApp(browser: Browser, origin: string, run: BrowserRun, bundledPath: string | null): Promise<void> {
  const { metrics, notes, details } = run;
  for (const size of run.sizes) {
    run.log(`app: load with ${size.count} initiatives, then ${size.toggles.length} toggles`);
    const heap = size.key === '250k';
    try {
      const app = await measureApp(browser, `${origin}/app-${size.key}`, size.count, size.toggles, { heap });
      metrics[`app_interactive_${size.key}_ms`] = round(app.load.interactiveMs);
      metrics[`app_load_${size.key}_ms`] = round(app.load.loadMs);
      if (app.heapMb !== null) metrics[`app_heap_${size.key}_mb`] = round(app.heapMb);
      details[`appLoad_${size.key}`] = app.load;
      if (!app.load.statusChanged) notes[`app_load_${size.key}_ms`] = 'map status never left idle: time is count-only';
      if (app.filter) {
        metrics[`filter_${size.key}_p95_ms`] = round(percentile(app.filter.toggleMs, 0.95));
        details[`appFilter_${size.key}`] = app.filter;
        if (app.filter.unobservedMap > 0) notes[`filter_${size.key}_p95_ms`] = `${app.filter.unobservedMap} toggles: map status never left idle`;
      }
    } catch (error) {
      for (const metric of [`app_interactive_${size.key}_ms`, `app_load_${size.key}_ms`, `filter_${size.key}_p95_ms`]) notes[metric] ??= firstLine(error);
    }
  }
  const first = run.sizes[0];
  if (first?.compact) {
    run.log(`app: load with ${first.count} initiatives from the GeoJSON alone (no compact file)`);
    try {
      const plain = await measureApp(browser, `${origin}/geojson-${first.key}`, first.count, []);
      metrics[`app_interactive_${first.key}_geojson_ms`] = round(plain.load.interactiveMs);
      details[`appLoadGeojson_${first.key}`] = plain.load;
    } catch (error) {
      notes[`app_interactive_${first.key}_geojson_ms`] = firstLine(error);
    }
  }
  // The same app on the bundled initiatives: what the page and MapLibre's start cost without
  // the large data, i.e. the floor under the loads above.
  if (!bundledPath) {
    notes.app_load_bundled_ms = NO_BUNDLED_DATA;
    return;
  }
  const bundledCount = countFeatures(bundledPath);
  run.log(`app: load with the ${bundledCount} bundled initiatives (floor)`);
  try {
    const floor = await measureApp(browser, `${origin}/bundled`, bundledCount, []);
    metrics.app_interactive_bundled_ms = round(floor.load.interactiveMs);
    metrics.app_load_bundled_ms = round(floor.load.loadMs);
    details.appLoadBundled = floor.load;
  } catch (error) {
    notes.app_load_bundled_ms = firstLine(error);
  }
}

/** The phone profile: the bundled data and the first size (100,000 in a full run). */
async function measurePhone(browser: Browser, origin: string, run: BrowserRun, bundledPath: string | null): Promise<void> {
  const size = run.sizes[0];
  const targets: { key: string; base: string; count: number }[] = [];
  if (bundledPath) targets.push({ key: 'bundled', base: '/bundled', count: countFeatures(bundledPath) });
  else run.notes.phone_interactive_bundled_ms = NO_BUNDLED_DATA;
  if (size) targets.push({ key: size.key, base: `/app-${size.key}`, count: size.count });
  for (const target of targets) {
    run.log(`phone: load with ${target.count} initiatives (CPU 4× slower, 390×844)`);
    try {
      const phone = await measureApp(browser, `${origin}${target.base}`, target.count, [], { profile: 'phone' });
      run.metrics[`phone_interactive_${target.key}_ms`] = round(phone.load.interactiveMs);
      run.details[`phoneLoad_${target.key}`] = phone.load;
    } catch (error) {
      run.notes[`phone_interactive_${target.key}_ms`] = firstLine(error);
    }
  }
}

/** Loads that each end with one keystroke: the first search is timed on fresh pages only. */
const KEYSTROKE_LOADS = 3;

/** A person who looks at the loaded page for this long before typing (`search_settled_keystroke_*`). */
const SETTLE_MS = 3_000;

/**
 * The first search keystroke on the first size (100,000 in a full run): as soon as the page is
 * interactive, and again on fresh loads SETTLE_MS after the map's first idle.
 */
async function measureSearch(browser: Browser, origin: string, run: BrowserRun): Promise<void> {
  const size = run.sizes[0];
  if (!size) return;
  const keystroke = planKeystroke(size.geojsonPath);
  for (const [metric, settleMs] of [[`search_first_keystroke_${size.key}_ms`, null], [`search_settled_keystroke_${size.key}_ms`, SETTLE_MS]] as const) {
    try {
      const runs: KeystrokeRun[] = [];
      for (let load = 1; load <= KEYSTROKE_LOADS; load += 1) {
        const when = settleMs === null ? 'as soon as interactive' : `${settleMs} ms after map idle`;
        run.log(`search: load ${load}/${KEYSTROKE_LOADS} with ${size.count} initiatives, « ${keystroke.key} » ${when} (${keystroke.expectedCount} matches)`);
        runs.push(await measureFirstKeystroke(browser, `${origin}/app-${size.key}`, size.count, keystroke, settleMs));
      }
      run.metrics[metric] = round(median(runs.map((entry) => entry.keystrokeMs)));
      if (settleMs === null) run.metrics[`search_first_answer_${size.key}_ms`] = round(median(runs.map((entry) => entry.answerMs)));
      run.details[metric] = { keystroke, settleMs, runs };
      run.log(`${metric} ${run.metrics[metric]} (${runs.map((entry) => round(entry.keystrokeMs)).join(', ')})`);
    } catch (error) {
      run.notes[metric] = firstLine(error);
    }
  }
}

export async function runBrowserGroups(run: BrowserRun): Promise<string | null> {
  if (!chromiumAvailable()) {
    for (const metric of browserMetrics(run)) run.notes[metric] = 'no Chromium at /usr/bin/chromium (set CHROMIUM_PATH)';
    return null;
  }
  const mounts: Record<string, string> = {
    '/node_modules/leaflet': join(ROOT_DIRECTORY, 'node_modules/leaflet'),
    '/node_modules/leaflet.markercluster': join(ROOT_DIRECTORY, 'node_modules/leaflet.markercluster'),
    '/node_modules/maplibre-gl': join(ROOT_DIRECTORY, 'node_modules/maplibre-gl'),
  };
  let bundledPath: string | null = null;
  const { appDirectory } = run;
  if (appDirectory) {
    // The build copied public/data: keep the bundled initiatives for the floor measurement.
    const builtData = join(appDirectory, 'data/initiatives.geojson');
    mkdirSync(join(appDirectory, 'data'), { recursive: true });
    if (existsSync(builtData)) {
      bundledPath = join(run.workDirectory, 'bundled.geojson');
      copyFileSync(builtData, bundledPath);
      mounts['/bundled'] = appDirectory;
      mounts['/bundled/data/initiatives.geojson'] = bundledPath;
    }
  }
  for (const size of run.sizes) {
    mounts[`/peers-${size.key}`] = join(BENCH_DIRECTORY, 'peers');
    mounts[`/peers-${size.key}/data/initiatives.geojson`] = size.geojsonPath;
    if (appDirectory) {
      mounts[`/app-${size.key}`] = appDirectory;
      mounts[`/app-${size.key}/data/initiatives.geojson`] = size.compact?.geojsonPath ?? size.geojsonPath;
      if (size.compact) mounts[`/app-${size.key}/data/initiatives.compact.bin`] = size.compact.compactPath;
      // The same app on the GeoJSON alone (as published without --compact): a diagnostic.
      mounts[`/geojson-${size.key}`] = appDirectory;
      mounts[`/geojson-${size.key}/data/initiatives.geojson`] = size.geojsonPath;
    }
  }
  const server = await startStaticServer(mounts);
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    if (run.peers) await measurePeers(browser, server.origin, run);
    if (appDirectory && run.app) await measureOurApp(browser, server.origin, run, bundledPath);
    if (appDirectory && run.phone) await measurePhone(browser, server.origin, run, bundledPath);
    if (appDirectory && run.search) await measureSearch(browser, server.origin, run);
    return browser.version();
  } finally {
    await browser?.close();
    await server.close();
  }
}
