/**
 * Streaming CSV reading from a file for the CLI: bytes → text (core/text-decoding.ts) →
 * records (core/csv-records.ts), chunk by chunk, with bounded memory.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { RecordSplitter, type CsvHandlers } from './core/csv-records';
import { createChunkDecoder, type TextEncodingName } from './core/text-decoding';

export { detectDelimiter, readCsvText, type CsvHandlers } from './core/csv-records';
export { NotUtf8Error, type TextEncodingName } from './core/text-decoding';

export interface CsvReadResult {
  delimiter: string;
  encoding: TextEncodingName;
}

/**
 * Small reads keep every string below V8's large-object size (128 KB), so they die young
 * and are reclaimed by cheap scavenges: with 1 MB chunks, a million rows left a gigabyte of
 * large strings waiting for a full collection. A record longer than a chunk (a huge cell)
 * doubles the read size while it lasts, so reading it stays linear.
 */
const CHUNK_BYTES = 1 << 15;
const MAX_CHUNK_BYTES = 1 << 23;

/**
 * Reads a CSV file record by record with bounded memory (a record is held whole, so a
 * 10 MB cell costs about 10 MB), pausing after each chunk: the caller's loop lets signals and
 * cancellation in between chunks (runPipelineAsync). Throws NotUtf8Error (UTF-8 asked, file
 * is not) or a file system error (unreadable file).
 */
export function* readCsvFileSteps(path: string, encoding: TextEncodingName, handlers: CsvHandlers): Generator<void, CsvReadResult> {
  const file = openSync(path, 'r');
  try {
    const decoder = createChunkDecoder(encoding);
    const reader = new RecordSplitter(handlers);
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let bytesRead = readSync(file, buffer, 0, buffer.length, null);
    while (bytesRead > 0) {
      reader.feed(decoder.write(buffer.subarray(0, bytesRead)), false);
      yield;
      const wanted = reader.pendingLength > buffer.length ? Math.min(buffer.length * 2, MAX_CHUNK_BYTES) : CHUNK_BYTES;
      if (wanted !== buffer.length) buffer = Buffer.allocUnsafe(wanted);
      bytesRead = readSync(file, buffer, 0, buffer.length, null);
    }
    reader.feed(decoder.end(), true);
    return { delimiter: reader.delimiter ?? ',', encoding };
  } finally {
    closeSync(file);
  }
}
