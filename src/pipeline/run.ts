/**
 * The pipeline run: CSV of initiatives → validated, geocoded GeoJSON + report.
 * Streams: the input is read chunk by chunk and features are written as they come, so memory
 * holds only the set of ids and the report (CONTRACT §1–3, docs/pipeline.md).
 *
 * Records are handled by batches (rows.ts): on this thread, or, for a large file, in a worker
 * thread while this one reads and parses the CSV. Results are applied in file order here,
 * where the duplicate-id check, the report and the output file live, so both ways give the
 * same bytes and the same report.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { NotUtf8Error, readCsvFileSteps, type TextEncodingName } from './csv-reader';
import { IdLineIndex } from './id-index';
import { normalizeColumnName } from './column-names';
import { loadDensityGrid } from './density-grid';
import { fileError, PipelineFatalError, TemporaryOutput } from './output-files';
import type { PipelineReport } from './pipeline-report';
import { RowWorker } from './row-pool';
import { loadTableSchema } from './row-schema';
import { createRowProcessor, emptyBatch, flatCopy, KNOWN_COLUMNS, type BatchResult, type RecordBatch } from './rows';

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
  /**
   * Called with the finished report just before the GeoJSON replaces its target: a failure
   * there (the CLI writes the report file) publishes nothing.
   */
  beforePublish?: (report: PipelineReport) => void;
}

export type { PipelineReport, PipelineWarning, RejectedRow } from './pipeline-report';
export { PipelineFatalError };

/** The run was cancelled (a signal): nothing was published. */
export class PipelineCancelledError extends Error {}

const REQUIRED_COLUMNS = ['id', 'nom', 'themes', 'commune'];
const KNOWN_COLUMN_NAMES: readonly string[] = KNOWN_COLUMNS;
/** Below this input size, a worker's start-up (about half a second) costs more than it saves. */
export const PARALLEL_MIN_BYTES = 16 << 20;
const DEFAULT_BATCH_SIZE = 1000;
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
  const steps = pipelineSteps(options);
  let sliceStart = performance.now();
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - sliceStart >= SLICE_MS) {
      await new Promise((resolveTurn) => setImmediate(resolveTurn));
      sliceStart = performance.now();
    }
    step = signal?.aborted ? steps.throw(new PipelineCancelledError('run cancelled')) : steps.next();
  }
  return step.value;
}

function* pipelineSteps(options: PipelineOptions): Generator<void, PipelineReport> {
  const densityGrid = options.densityGrid ? loadDensityGrid(options.densityGrid) : undefined;
  const parallel = options.parallel === 'auto' ? inputSize(options.input) >= PARALLEL_MIN_BYTES : options.parallel === true;
  try {
    return yield* runWithEncoding(options, 'utf-8', densityGrid, parallel);
  } catch (error) {
    if (error instanceof NotUtf8Error) return yield* runWithEncoding(options, 'windows-1252', densityGrid, parallel);
    throw error;
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
  encoding: TextEncodingName,
  densityGrid: Map<string, number> | undefined,
  parallel: boolean,
): Generator<void, PipelineReport> {
  // Read now, so an unreadable schema fails before anything is written.
  loadTableSchema();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const report: PipelineReport = {
    input: basename(options.input),
    encoding,
    delimiter: ',',
    rowsRead: 0,
    rowsWritten: 0,
    rowsRejected: 0,
    rejected: [],
    warnings: [],
  };
  const writtenIdLines = new IdLineIndex(1 << 16);
  let columns: string[] | undefined;
  let columnIndex = new Map<string, number>();
  /** Index of each known column in the file, -1 when absent; in KNOWN_COLUMNS order. */
  let known: number[] = [];

  // Written to a temporary file and renamed at the end: the app never reads half a file,
  // and a Windows-1252 restart starts from a clean slate.
  const output = new TemporaryOutput(options.output);
  output.write('{"type":"FeatureCollection","features":[');
  let firstFeature = true;

  const reject = (line: number, column: string, reason: string, id?: string) => {
    report.rejected.push(id ? { line, column, reason: flatCopy(reason), id: flatCopy(id) } : { line, column, reason: flatCopy(reason) });
  };
  const warn = (line: number, column: string, message: string, id?: string) => {
    report.warnings.push(id ? { line, column, message: flatCopy(message), id: flatCopy(id) } : { line, column, message: flatCopy(message) });
  };

  // Started before the header is read, so it builds the gazetteer while this thread parses.
  const worker = parallel ? new RowWorker() : undefined;
  let processBatch: ((batch: RecordBatch) => BatchResult) | undefined;
  const posted: RecordBatch[] = [];
  let batch = emptyBatch();

  const handleHeader = (fields: string[]) => {
    columns = fields.map(normalizeColumnName);
    columnIndex = new Map();
    columns.forEach((name, index) => {
      if (!name) return;
      if (columnIndex.has(name)) warn(1, name, `colonne « ${name} » en double : seule la première est lue`);
      else columnIndex.set(name, index);
    });
    const required = densityGrid ? REQUIRED_COLUMNS : [...REQUIRED_COLUMNS, 'territoire'];
    const missing = required.filter((name) => !columnIndex.has(name));
    if (missing.length > 0) {
      throw new PipelineFatalError(
        `colonne${missing.length > 1 ? 's' : ''} obligatoire${missing.length > 1 ? 's' : ''} absente${missing.length > 1 ? 's' : ''} : ${missing.join(', ')} (colonnes lues : ${columns.filter(Boolean).join(', ') || 'aucune'})`,
      );
    }
    known = KNOWN_COLUMNS.map((name) => columnIndex.get(name) ?? -1);
    const unknown = columns.filter((name) => name && !KNOWN_COLUMN_NAMES.includes(name));
    if (unknown.length > 0) warn(1, unknown.join(', '), `colonne(s) inconnue(s) ignorée(s) : ${unknown.join(', ')}`);
    const config = { known, columnCount: columns.length, densityGrid };
    if (worker) worker.configure(config);
    else processBatch = createRowProcessor(config);
  };

  /** A batch's outcome, in file order: the only place that depends on the rows before. */
  const apply = (items: RecordBatch, result: BatchResult) => {
    const { bytes, featureBytes, notes, ids } = result;
    let noteIndex = 0;
    let offset = 0;
    // Consecutive written features go out in one write.
    let runStart = 0;
    let runEnd = 0;
    const flushRun = () => {
      if (runEnd > runStart) output.write(bytes, runStart, runEnd);
      runStart = runEnd = offset;
    };
    for (let item = 0; item < items.lines.length; item += 1) {
      const line = items.lines[item] as number;
      report.rowsRead += 1;
      if (items.unreadable[item]) {
        report.rowsRejected += 1;
        reject(line, 'ligne', items.notes[item] as string);
        continue;
      }
      const size = featureBytes[item] as number;
      const rowNotes = notes[noteIndex]?.item === item ? notes[noteIndex++] : undefined;
      const id = ids[item] ?? undefined;
      if (rowNotes?.tooManyValues !== undefined) {
        report.rowsRejected += 1;
        reject(line, 'ligne', rowNotes.tooManyValues, id);
        continue;
      }
      if (rowNotes?.warnings) for (const warning of rowNotes.warnings) warn(line, warning.column, warning.message, id);
      const firstLine = id ? writtenIdLines.get(id) : undefined;
      if (firstLine !== undefined || size < 0) {
        report.rowsRejected += 1;
        if (firstLine !== undefined) reject(line, 'id', `id en double : « ${id} » est déjà utilisé ligne ${firstLine}`, id);
        for (const problem of rowNotes?.problems ?? []) reject(line, problem.column, problem.reason, id);
        if (size > 0) {
          flushRun();
          offset += size;
          runStart = runEnd = offset;
        }
        continue;
      }
      if (rowNotes?.warningsIfWritten) for (const warning of rowNotes.warningsIfWritten) warn(line, warning.column, warning.message, id);
      // Each feature starts with ",\n"; the first one of the file only with "\n".
      if (firstFeature) {
        flushRun();
        runStart = runEnd = offset + 1;
        firstFeature = false;
      }
      offset += size;
      runEnd = offset;
      const writtenId = id as string;
      writtenIdLines.add(writtenId.length >= 13 ? flatCopy(writtenId) : writtenId, line);
      report.rowsWritten += 1;
    }
    flushRun();
  };

  const dispatch = () => {
    if (batch.lines.length === 0) return;
    const full = batch;
    batch = emptyBatch();
    if (!worker) {
      apply(full, (processBatch as (batch: RecordBatch) => BatchResult)(full));
      return;
    }
    worker.post(full);
    // The worker has its own copy: keeping the cells here until the result comes back would
    // make them outlive young-generation collections (and hold their whole input chunks).
    full.fields = [];
    posted.push(full);
    for (;;) {
      const result = worker.pending > MAX_BATCHES_IN_FLIGHT ? worker.take() : worker.poll();
      if (!result) break;
      apply(posted.shift() as RecordBatch, result);
    }
  };

  try {
    const result = yield* readCsvFileSteps(options.input, encoding, {
      onRecord(fields, line, quoteProblem) {
        if (fields.every((field) => field.trim() === '')) return; // blank line or a row of empty cells
        if (!columns) {
          handleHeader(fields);
          return;
        }
        batch.fields.push(fields);
        batch.lines.push(line);
        batch.notes.push(quoteProblem ?? null);
        batch.unreadable.push(0);
        if (batch.lines.length >= batchSize) dispatch();
      },
      onUnreadableLine(line, reason) {
        if (!columns) return;
        batch.fields.push([]);
        batch.lines.push(line);
        batch.notes.push(reason);
        batch.unreadable.push(1);
        if (batch.lines.length >= batchSize) dispatch();
      },
    });
    report.delimiter = result.delimiter;
    if (!columns) throw new PipelineFatalError('fichier vide : aucune ligne d’en-tête (id, nom, themes, commune…)');
    dispatch();
    if (worker) while (posted.length > 0) apply(posted.shift() as RecordBatch, worker.take());
    output.write(`${firstFeature ? '' : '\n'}]}\n`);
    options.beforePublish?.(report);
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
