/**
 * One CSV table through the row rules, in file order: the header (required, duplicate and
 * unknown columns), batching of records, and applying each batch's result (duplicate ids,
 * the report, the features' bytes). Pure: the CLI (run.ts) drives it from a file with an
 * optional worker thread; the browser (check-table.ts) from bytes in memory. Both give the
 * same report and the same bytes.
 */
import { reportMessage, shorten } from '../../domain/safe-text';
import { checkCells, type CellCheck } from './cell-check';
import type { CsvHandlers } from './csv-records';
import { IdLineIndex } from './id-index';
import { flatCopy } from './flat-copy';
import { emptyBatch, KNOWN_COLUMNS, type BatchResult, type RecordBatch, type RowConfig } from './row-batch';
import type { TextEncodingName } from './text-decoding';
import { foldText } from '../../domain/text-folding';

export interface RejectedRow {
  line: number;
  column: string;
  reason: string;
  id?: string;
}

export interface PipelineWarning {
  line: number;
  column: string;
  message: string;
  id?: string;
}

/** How the input was read: a CSV's text encoding, or an Excel workbook's first sheet. */
export type InputFormat = TextEncodingName | 'xlsx';

/** How the input was read, and why (a CSV's TextEncoding, or XLSX_READING). */
export interface InputReading {
  name: InputFormat;
  why: string;
}

export const XLSX_READING: InputReading = { name: 'xlsx', why: 'première feuille du classeur' };

export interface PipelineReport {
  input: string;
  /** 'xlsx' for the first sheet of a workbook (no delimiter then: ''). */
  encoding: InputFormat;
  /** Why this encoding (a BOM, valid UTF-8, the evidence for Windows-1252…), in French. */
  encodingReason: string;
  delimiter: string;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  rejected: RejectedRow[];
  warnings: PipelineWarning[];
}

/** A problem that stops the run (CLI exit code 2; the publish page shows it instead of a report). */
export class PipelineFatalError extends Error {}

const REQUIRED_COLUMNS = ['id', 'nom', 'themes', 'commune'];
const KNOWN_COLUMN_NAMES: readonly string[] = KNOWN_COLUMNS;
export const DEFAULT_BATCH_SIZE = 1000;
/** The GeoJSON's opening, with its publication date-time (CONTRACT §3) when one is given. */
export function geojsonHead(updated?: string): string {
  return `{"type":"FeatureCollection",${updated ? `"updated":${JSON.stringify(updated)},` : ''}"features":[`;
}

/** A publication date-time as the GeoJSON carries it: ISO 8601, UTC, to the second. */
export function publicationTime(milliseconds: number): string {
  return new Date(Math.floor(milliseconds / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** « Code INSEE » → code_insee, « Site web » → site_web: forgiving about how Excel users type headers. */
export function normalizeColumnName(name: string): string {
  return foldText(name).replace(/ /g, '_');
}

export interface TableRunOptions {
  /** The input's name as the report shows it. */
  input: string;
  encoding: InputReading;
  densityGrid?: ReadonlyMap<string, number>;
  batchSize?: number;
  /** The GeoJSON's `updated` member (publicationTime), left out when absent. */
  updated?: string;
  /** Called once, when the header is read, with what every batch shares. */
  configure(config: RowConfig): void;
  /** A batch of consecutive items, in file order; its result must come back to `apply`, in the same order. */
  dispatch(batch: RecordBatch): void;
  /** Output bytes, in order: the GeoJSON head, features, tail. */
  write(bytes: Uint8Array, start: number, end: number): void;
}

const utf8 = new TextEncoder();

export class TableRun {
  readonly report: PipelineReport;
  /** Pass to readCsvFile / RecordSplitter. */
  readonly handlers: CsvHandlers;
  private readonly writtenIdLines = new IdLineIndex(1 << 16);
  private columns: string[] | undefined;
  private batch = emptyBatch();
  private firstFeature = true;
  private readonly batchSize: number;

  constructor(private readonly options: TableRunOptions) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.report = {
      input: options.input, encoding: options.encoding.name, encodingReason: options.encoding.why, delimiter: ',',
      rowsRead: 0, rowsWritten: 0, rowsRejected: 0, rejected: [], warnings: [],
    };
    this.writeText(geojsonHead(options.updated));
    this.handlers = {
      onRecord: (fields, line, quoteProblem, suspect) => {
        if (fields.every((field) => field.trim() === '')) return; // blank line or a row of empty cells
        if (!this.columns) {
          this.readHeader(fields);
          return;
        }
        const check = suspect ? checkCells(fields, this.columns) : null;
        if (check?.rejected) this.push([], line, null, 1, check);
        else this.push(fields, line, quoteProblem ?? null, 0, check);
      },
      onUnreadableLine: (line, reason) => {
        if (this.columns) this.push([], line, reason, 1, null);
      },
    };
  }

  /** Sends the last, partial batch; call before the last results are applied. */
  flush(): void {
    if (this.batch.lines.length === 0) return;
    const full = this.batch;
    this.batch = emptyBatch();
    this.options.dispatch(full);
  }

  /** The source line of a written feature's id (lists that point back at the spreadsheet). */
  writtenLine(id: string): number | undefined {
    return this.writtenIdLines.get(id);
  }

  /** Closes the GeoJSON once every result is applied; throws when the file had no header. */
  finish(delimiter: string): PipelineReport {
    this.report.delimiter = delimiter;
    if (!this.columns) throw new PipelineFatalError('fichier vide : aucune ligne d’en-tête (id, nom, themes, commune…)');
    this.writeText(`${this.firstFeature ? '' : '\n'}]}\n`);
    return this.report;
  }

  private writeText(text: string): void {
    const bytes = utf8.encode(text);
    this.options.write(bytes, 0, bytes.length);
  }

  private push(fields: string[], line: number, note: string | null, unreadable: number, check: CellCheck | null): void {
    const { batch } = this;
    batch.checks.push(check);
    batch.fields.push(fields);
    batch.lines.push(line);
    batch.notes.push(note);
    batch.unreadable.push(unreadable);
    if (batch.lines.length >= this.batchSize) this.flush();
  }

  private reject(line: number, column: string, reason: string, id?: string): void {
    const text = flatCopy(reportMessage(reason));
    const where = shorten(column, 200);
    this.report.rejected.push(id ? { line, column: where, reason: text, id: flatCopy(id) } : { line, column: where, reason: text });
  }

  private warn(line: number, column: string, message: string, id?: string): void {
    const text = flatCopy(reportMessage(message));
    const where = shorten(column, 200);
    this.report.warnings.push(id ? { line, column: where, message: text, id: flatCopy(id) } : { line, column: where, message: text });
  }

  private readHeader(fields: string[]): void {
    const columns = fields.map(normalizeColumnName);
    this.columns = columns;
    const columnIndex = new Map<string, number>();
    columns.forEach((name, index) => {
      if (!name) return;
      if (columnIndex.has(name)) this.warn(1, name, `colonne « ${name} » en double : seule la première est lue`);
      else columnIndex.set(name, index);
    });
    const { densityGrid } = this.options;
    const required = densityGrid ? REQUIRED_COLUMNS : [...REQUIRED_COLUMNS, 'territoire'];
    const missing = required.filter((name) => !columnIndex.has(name));
    if (missing.length > 0) {
      const plural = missing.length > 1 ? 's' : '';
      throw new PipelineFatalError(
        reportMessage(`colonne${plural} obligatoire${plural} absente${plural} : ${missing.join(', ')} (colonnes lues : ${shorten(columns.filter(Boolean).join(', '), 300) || 'aucune'})`),
      );
    }
    const known = KNOWN_COLUMNS.map((name) => columnIndex.get(name) ?? -1);
    const unknown = columns.filter((name) => name && !KNOWN_COLUMN_NAMES.includes(name));
    if (unknown.length > 0) this.warn(1, unknown.join(', '), `colonne(s) inconnue(s) ignorée(s) : ${unknown.join(', ')}`);
    this.options.configure(densityGrid ? { known, columnCount: columns.length, densityGrid } : { known, columnCount: columns.length });
  }

  /** A batch's outcome, in file order: the only place that depends on the rows before. */
  apply(items: RecordBatch, result: BatchResult): void {
    const { report } = this;
    const { bytes, featureBytes, notes, ids } = result;
    let noteIndex = 0;
    let offset = 0;
    // Consecutive written features go out in one write.
    let runStart = 0;
    let runEnd = 0;
    const flushRun = () => {
      if (runEnd > runStart) this.options.write(bytes, runStart, runEnd);
      runStart = runEnd = offset;
    };
    for (let item = 0; item < items.lines.length; item += 1) {
      const line = items.lines[item] as number;
      report.rowsRead += 1;
      const check = items.checks[item];
      if (items.unreadable[item]) {
        report.rowsRejected += 1;
        if (check?.rejected) for (const problem of check.rejected) this.reject(line, problem.column, problem.message);
        else this.reject(line, 'ligne', items.notes[item] as string);
        continue;
      }
      const size = featureBytes[item] as number;
      const rowNotes = notes[noteIndex]?.item === item ? notes[noteIndex++] : undefined;
      const id = ids[item] ?? undefined;
      if (rowNotes?.tooManyValues !== undefined) {
        report.rowsRejected += 1;
        this.reject(line, 'ligne', rowNotes.tooManyValues, id);
        continue;
      }
      if (check?.warnings) for (const warning of check.warnings) this.warn(line, warning.column, warning.message, id);
      if (rowNotes?.warnings) for (const warning of rowNotes.warnings) this.warn(line, warning.column, warning.message, id);
      const firstLine = id ? this.writtenIdLines.get(id) : undefined;
      if (firstLine !== undefined || size < 0) {
        report.rowsRejected += 1;
        if (firstLine !== undefined) this.reject(line, 'id', `id en double : « ${id} » est déjà utilisé ligne ${firstLine}`, id);
        for (const problem of rowNotes?.problems ?? []) this.reject(line, problem.column, problem.reason, id);
        if (size > 0) {
          flushRun();
          offset += size;
          runStart = runEnd = offset;
        }
        continue;
      }
      if (rowNotes?.warningsIfWritten) for (const warning of rowNotes.warningsIfWritten) this.warn(line, warning.column, warning.message, id);
      // Each feature starts with ",\n"; the first one of the file only with "\n".
      if (this.firstFeature) {
        flushRun();
        runStart = runEnd = offset + 1;
        this.firstFeature = false;
      }
      offset += size;
      runEnd = offset;
      const writtenId = id as string;
      this.writtenIdLines.add(writtenId.length >= 13 ? flatCopy(writtenId) : writtenId, line);
      report.rowsWritten += 1;
    }
    flushRun();
  }
}
