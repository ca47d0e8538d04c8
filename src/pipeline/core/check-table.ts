/**
 * A whole table checked in memory, as `npm run data` checks a file: the publish page (in a
 * Web Worker) and a CSV `dataUrl` use it in the browser, and a test holds it to the CLI's
 * bytes. Synchronous; progress is reported between chunks so a worker can post it.
 */
import { RecordSplitter, type CsvHandlers } from './csv-records';
import type { Geocoder } from './geocoder';
import { INITIATIVES_SCHEMA, type TableSchema } from './row-schema';
import { createRowProcessor, type BatchResult, type RecordBatch } from './rows';
import { TableRun, type InputReading, type PipelineReport } from './table-run';
import { decodeText, VALID_UTF8, type TextEncoding } from './text-decoding';

export interface CheckOptions {
  /** The file's name, as the report shows it. */
  input: string;
  geocoder: () => Geocoder;
  schema?: TableSchema;
  densityGrid?: ReadonlyMap<string, number>;
  batchSize?: number;
  /** The GeoJSON's `updated` member: the CLI takes it from SOURCE_DATE_EPOCH or the input's modification time, the browser from File.lastModified. */
  updated?: string;
  /** Share of the input read so far, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

export interface CheckedTable {
  report: PipelineReport;
  /** The GeoJSON, byte for byte what the CLI writes for the same input. */
  geojson: Uint8Array;
}

/** Characters fed to the CSV reader between two progress reports. */
const PROGRESS_CHARS = 1 << 18;

/** Runs the rows `feed` hands to the CSV handlers; `feed` returns the delimiter. */
export function checkRecords(
  options: CheckOptions,
  encoding: InputReading,
  feed: (handlers: CsvHandlers) => string,
): CheckedTable {
  const parts: Uint8Array[] = [];
  let size = 0;
  let processBatch: ((batch: RecordBatch) => BatchResult) | undefined;
  const table: TableRun = new TableRun({
    input: options.input,
    encoding,
    densityGrid: options.densityGrid,
    batchSize: options.batchSize,
    updated: options.updated,
    configure: (config) => {
      processBatch = createRowProcessor(config, { schema: options.schema ?? INITIATIVES_SCHEMA, geocoder: options.geocoder });
    },
    dispatch: (batch) => table.apply(batch, (processBatch as (batch: RecordBatch) => BatchResult)(batch)),
    write: (bytes, start, end) => {
      parts.push(bytes.slice(start, end));
      size += end - start;
    },
  });
  const delimiter = feed(table.handlers);
  table.flush();
  const report = table.finish(delimiter);
  const geojson = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    geojson.set(part, offset);
    offset += part.length;
  }
  return { report, geojson };
}

/** CSV text through the same reader as the CLI, chunk by chunk. */
export function checkCsvText(text: string, encoding: TextEncoding = VALID_UTF8, options: CheckOptions): CheckedTable {
  return checkRecords(options, encoding, (handlers) => {
    const reader = new RecordSplitter(handlers);
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    for (let start = 0; start < body.length; start += PROGRESS_CHARS) {
      const end = Math.min(body.length, start + PROGRESS_CHARS);
      reader.feed(body.slice(start, end), end === body.length);
      options.onProgress?.(end / body.length);
    }
    if (body.length === 0) reader.feed('', true);
    return reader.delimiter ?? ',';
  });
}

/** CSV bytes (UTF-8, or Windows-1252 as French Excel saves) → report and GeoJSON. */
export function checkCsvBytes(bytes: Uint8Array, options: CheckOptions): CheckedTable {
  const { text, encoding } = decodeText(bytes);
  return checkCsvText(text, encoding, options);
}
