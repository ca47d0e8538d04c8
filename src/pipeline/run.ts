/**
 * The pipeline run: CSV of initiatives → validated, geocoded GeoJSON + report.
 * Streams: the input is read chunk by chunk and features are written as they come, so memory
 * holds only the set of ids and the report (CONTRACT §1–3, docs/pipeline.md).
 *
 * Records are handled by batches (core/rows.ts): on this thread, or, for a large file, in a
 * worker thread while this one reads and parses the CSV. Results are applied in file order by
 * the core's TableRun (duplicate ids, the report), which the browser uses too, so every way
 * gives the same bytes and the same report.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { feedSheetRows, type SheetCell } from './core/sheet-rows';
import { publicationTime, TableRun, XLSX_READING, type InputReading } from './core/table-run';
import { NotTextError, NotUtf8Error, readCsvFileSteps, sniffFileEncoding, VALID_UTF8, weighUtf8Evidence, type TextEncoding } from './csv-reader';
import { loadDensityGrid } from './density-grid';
import { fileError, PipelineFatalError, TemporaryOutput } from './output-files';
import type { PipelineReport } from './pipeline-report';
import type { PipelineProgress } from './progress-line';
import { RowWorker } from './row-pool';
import { loadTableSchema } from './row-schema';
import { createRowProcessor, type BatchResult, type RecordBatch } from './rows';

export interface PipelineOptions {
  input: string;
  output: string;
  densityGrid?: string;
  /**
   * Validate, geocode and serialise in a worker thread while this thread parses: true, false
   * (the default), or 'auto' (only for an input of PARALLEL_MIN_BYTES or more, where it pays
   * for the worker's start-up).
   */
  parallel?: boolean | 'auto';
  /** Records per batch (tests use small batches to cross many batch boundaries). */
  batchSize?: number;
  /** The input's name in the report, when `input` is a local copy (of a URL). */
  inputName?: string;
  /** The rows of a workbook's first sheet (input-sources.ts): read instead of `input` as CSV. */
  sheetRows?: readonly SheetCell[][];
  /**
   * Called with the finished report just before the GeoJSON replaces its target: a failure
   * there (the CLI writes the report file) publishes nothing.
   */
  beforePublish?: (report: PipelineReport, lineOf: (id: string) => number | undefined) => void;
  /** Told how far the run is at each of runPipelineAsync's pauses (the CLI's progress line). */
  onProgress?: (progress: PipelineProgress) => void;
}

/** Where a run is, read at its pauses: set by the encoding attempt under way. */
interface ProgressProbe {
  rowsChecked: () => number;
  bytesRead: number;
  totalBytes: number;
}

export type { PipelineReport, PipelineWarning, RejectedRow } from './pipeline-report';
export { PipelineFatalError };

/** The run was cancelled (a signal): nothing was published. */
export class PipelineCancelledError extends Error {}

/** Below this input size, a worker's start-up (about half a second) costs more than it saves. */
export const PARALLEL_MIN_BYTES = 16 << 20;
/** Batches posted to the worker ahead of the one being applied; bounds memory. */
const MAX_BATCHES_IN_FLIGHT = 4;

/** Runs the pipeline to its end on this thread's stack. */
export function runPipeline(options: PipelineOptions): PipelineReport {
  const steps = pipelineSteps(options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Between two turns of the event loop, at most this much work (signals wait no longer). */
const SLICE_MS = 25;

/**
 * The same run, giving the event loop a turn every few milliseconds so that a signal can
 * cancel it: when `signal` aborts, the run stops at its next pause, removes its temporary
 * file, stops its worker and rejects with PipelineCancelledError; nothing is published.
 */
export async function runPipelineAsync(options: PipelineOptions, signal?: AbortSignal): Promise<PipelineReport> {
  const probe: ProgressProbe = { rowsChecked: () => 0, bytesRead: 0, totalBytes: 0 };
  const steps = pipelineSteps(options, probe);
  let sliceStart = performance.now();
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - sliceStart >= SLICE_MS) {
      options.onProgress?.({ rowsChecked: probe.rowsChecked(), fraction: probe.totalBytes > 0 ? probe.bytesRead / probe.totalBytes : null });
      await new Promise((resolveTurn) => setImmediate(resolveTurn));
      sliceStart = performance.now();
    }
    step = signal?.aborted ? steps.throw(new PipelineCancelledError('run cancelled')) : steps.next();
  }
  return step.value;
}

function* pipelineSteps(options: PipelineOptions, probe?: ProgressProbe): Generator<void, PipelineReport> {
  const densityGrid = options.densityGrid ? loadDensityGrid(options.densityGrid) : undefined;
  const size = options.sheetRows ? 0 : inputSize(options.input);
  const parallel = options.parallel === 'auto' ? size >= PARALLEL_MIN_BYTES : options.parallel === true;
  const run = (encoding: InputReading) => runWithEncoding(options, encoding, densityGrid, parallel, probe && Object.assign(probe, { bytesRead: 0, totalBytes: size }));
  if (options.sheetRows) return yield* run(XLSX_READING);
  let sniffed: TextEncoding | null;
  try {
    sniffed = sniffFileEncoding(options.input);
  } catch (error) {
    if (error instanceof NotTextError) throw new PipelineFatalError(`impossible de lire ${options.input} : ${error.message}`);
    throw error;
  }
  if (sniffed && sniffed.name !== 'utf-8') return yield* run(sniffed);
  try {
    return yield* run(sniffed ?? VALID_UTF8);
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
  }
  // Not valid UTF-8: Windows-1252 only if nothing in the file is valid UTF-8 (Utf8Evidence).
  const decided = yield* weighUtf8Evidence(options.input);
  return yield* run(decided);
}

/**
 * The publication date-time the GeoJSON carries (`updated`): SOURCE_DATE_EPOCH (seconds) when
 * set, as reproducible builds do, else the input file's modification time, so the same file
 * gives the same bytes on every run.
 */
function publicationTimeOf(path: string): string | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return publicationTime(Number(epoch) * 1000);
  try {
    return publicationTime(statSync(path).mtimeMs);
  } catch {
    return undefined; // reported when the file is read
  }
}

function inputSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // reported when the file is read
  }
}

function* runWithEncoding(
  options: PipelineOptions,
  encoding: InputReading,
  densityGrid: Map<string, number> | undefined,
  parallel: boolean,
  probe?: ProgressProbe,
): Generator<void, PipelineReport> {
  // Read now, so an unreadable schema fails before anything is written.
  loadTableSchema();
  // Written to a temporary file and renamed at the end: the app never reads half a file,
  // and a Windows-1252 restart starts from a clean slate.
  const output = new TemporaryOutput(options.output);

  // Started before the header is read, so it builds the gazetteer while this thread parses.
  const worker = parallel ? new RowWorker() : undefined;
  let processBatch: ((batch: RecordBatch) => BatchResult) | undefined;
  const posted: RecordBatch[] = [];

  try {
    const table: TableRun = new TableRun({
      input: options.inputName ?? basename(options.input),
      encoding,
      densityGrid,
      batchSize: options.batchSize,
      updated: publicationTimeOf(options.input),
      configure(config) {
        if (worker) worker.configure(config);
        else processBatch = createRowProcessor(config);
      },
      dispatch(batch) {
        if (!worker) {
          table.apply(batch, (processBatch as (batch: RecordBatch) => BatchResult)(batch));
          return;
        }
        worker.post(batch);
        // The worker has its own copy: keeping the cells here until the result comes back would
        // make them outlive young-generation collections (and hold their whole input chunks).
        batch.fields = [];
        posted.push(batch);
        for (;;) {
          const result = worker.pending > MAX_BATCHES_IN_FLIGHT ? worker.take() : worker.poll();
          if (!result) break;
          table.apply(posted.shift() as RecordBatch, result);
        }
      },
      write: (bytes, start, end) => output.write(bytes, start, end),
    });
    if (probe) probe.rowsChecked = () => table.report.rowsRead;
    let delimiter = '';
    if (options.sheetRows) feedSheetRows(options.sheetRows, table.handlers);
    else {
      const onRead = probe && ((bytes: number) => (probe.bytesRead += bytes));
      delimiter = (yield* readCsvFileSteps(options.input, encoding as TextEncoding, table.handlers, onRead)).delimiter;
    }
    table.flush();
    if (worker) while (posted.length > 0) table.apply(posted.shift() as RecordBatch, worker.take());
    const report = table.finish(delimiter);
    options.beforePublish?.(report, (id) => table.writtenLine(id));
    output.publish();
    return report;
  } catch (error) {
    output.discard();
    // File system errors of the output are already PipelineFatalErrors: the rest is the input's.
    if ((error as NodeJS.ErrnoException).code && !(error instanceof PipelineFatalError)) throw fileError('de lire', options.input, error);
    throw error;
  } finally {
    worker?.close();
  }
}
