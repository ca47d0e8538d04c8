/** The measurements that run in Node: the pipeline on 1M rows, the CSV export, the initial bundle. */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './toggles';

export const ROOT_DIRECTORY = join(import.meta.dirname, '..');

export interface PipelineResult {
  wallMs: number;
  peakMb: number | null;
  exitCode: number | null;
  outputFeatures: number;
  stderrTail: string;
}

/** Counts features in a (possibly huge) GeoJSON output without parsing it. */
async function countFeatures(path: string): Promise<number> {
  let count = 0;
  let carry = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 22 })) {
    const text = carry + (chunk as string);
    let lastMatchEnd = 0;
    for (const match of text.matchAll(/"type"\s*:\s*"Feature"/g)) {
      count += 1;
      lastMatchEnd = match.index + match[0].length;
    }
    // Carry the tail (a match may straddle two chunks) but nothing already counted.
    carry = text.slice(Math.max(lastMatchEnd, text.length - 64));
  }
  return count;
}

/**
 * `npm run data` as a child process under GNU time, which reports the peak resident memory of
 * the largest process in the tree (the Node that runs the pipeline).
 */
export async function measurePipeline(csvPath: string, outputPath: string, reportPath: string): Promise<PipelineResult> {
  const useTime = existsSync('/usr/bin/time');
  const command = useTime ? '/usr/bin/time' : 'npm';
  const args = [
    ...(useTime ? ['-v', 'npm'] : []),
    'run', '--silent', 'data', '--', '--in', csvPath, '--out', outputPath, '--report', reportPath,
  ];
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT_DIRECTORY, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    // Rejected rows are reported on stderr; keep only the tail, where GNU time writes.
    if (stderr.length > 1 << 20) stderr = stderr.slice(-(1 << 19));
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const wallMs = performance.now() - started;
  const peak = stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
  const outputFeatures = existsSync(outputPath) ? await countFeatures(outputPath) : 0;
  return {
    wallMs,
    peakMb: peak ? Number(peak[1]) / 1024 : null,
    exitCode,
    outputFeatures,
    stderrTail: stderr.split('\n').filter((line) => !/^\s+\S.*: /.test(line) && !/Command being timed/.test(line)).slice(-6).join('\n'),
  };
}

export interface ExportResult {
  medianMs: number;
  runsMs: number[];
  bytes: number;
  validateMs: number;
}

/** buildCsv on every initiative (none filtered out), median of `runs`; also times the GeoJSON validation that precedes it. */
export async function measureExport(geojsonPath: string, runs = 5): Promise<ExportResult> {
  const { parseInitiativesCollection } = await import('../src/domain/geojson');
  const { buildCsvRecords } = await import('../src/domain/csv-export');
  const document: unknown = JSON.parse(readFileSync(geojsonPath, 'utf8'));
  const validateStarted = performance.now();
  const { initiatives } = parseInitiativesCollection(document);
  const validateMs = performance.now() - validateStarted;
  const indices = Array.from({ length: initiatives.length }, (_, index) => index);
  const runsMs: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    // What the app hands to `new Blob()` (src/features/export/ExportControls.tsx).
    const records = buildCsvRecords(initiatives, indices);
    runsMs.push(performance.now() - started);
    bytes = records.reduce((total, record) => total + record.length, 0);
  }
  return { medianMs: median(runsMs), runsMs, bytes, validateMs };
}

export interface BundleResult {
  initialKb: number;
  files: { file: string; gzipKb: number }[];
  method: string;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

function gzipKb(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024;
}

/** Modules the entry script imports dynamically as soon as it runs (src/app/boot.ts). */
const LOADED_BY_THE_ENTRY = ['src/app/main.tsx'];

/**
 * Gzipped JavaScript the built index.html loads before the map: the entry chunk, the app it loads
 * at once, and the closure of their static imports (from Vite's manifest), without the lazily
 * imported chunks (MapView, maplibre).
 */
export function measureBundle(distDirectory: string): BundleResult {
  const manifestPath = join(distDirectory, '.vite/manifest.json');
  const files = new Set<string>();
  let method: string;
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      chunk.imports?.forEach(visit);
    };
    Object.entries(manifest).filter(([, chunk]) => chunk.isEntry).forEach(([key]) => visit(key));
    // The entry script (src/app/boot.ts) sends the first requests, then imports the app at once:
    // part of the first screen's code although Vite lists it as a dynamic import.
    LOADED_BY_THE_ENTRY.forEach(visit);
    method = 'vite manifest: entries + static imports + the app the entry script loads at once';
  } else {
    const html = readFileSync(join(distDirectory, 'index.html'), 'utf8');
    for (const match of html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g)) files.add(match[1] as string);
    method = 'index.html script and modulepreload tags';
  }
  const measured = [...files].filter((file) => file.endsWith('.js')).map((file) => ({ file, gzipKb: gzipKb(join(distDirectory, file)) }));
  return { initialKb: measured.reduce((sum, entry) => sum + entry.gzipKb, 0), files: measured, method };
}

export function directorySizeOk(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
