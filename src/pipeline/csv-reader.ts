/**
 * Streaming CSV reading from a file for the CLI: bytes → text (core/text-decoding.ts) →
 * records (core/csv-records.ts), chunk by chunk, with bounded memory.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { RecordSplitter, type CsvHandlers } from './core/csv-records';
import { createChunkDecoder, sniffEncoding, Utf8Evidence, type TextEncoding } from './core/text-decoding';

export { detectDelimiter, readCsvText, type CsvHandlers } from './core/csv-records';
export { NotTextError, NotUtf8Error, VALID_UTF8, type TextEncoding, type TextEncodingName } from './core/text-decoding';

export interface CsvReadResult {
  delimiter: string;
  encoding: TextEncoding;
}

/**
 * The encoding the first bytes of the file show (BOM, UTF-16), or null (UTF-8 or
 * Windows-1252, decided on the text). Throws NotTextError for binary content; a file that
 * cannot be opened is left to the reading, which reports it.
 */
export function sniffFileEncoding(path: string): TextEncoding | null {
  let file: number;
  try {
    file = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(4096);
    const length = readSync(file, head, 0, head.length, 0);
    return sniffEncoding(head.subarray(0, length));
  } finally {
    closeSync(file);
  }
}

/** After strict UTF-8 failed: the whole file weighed (Utf8Evidence), pausing between chunks. */
export function* weighUtf8Evidence(path: string): Generator<void, TextEncoding> {
  const file = openSync(path, 'r');
  try {
    const evidence = new Utf8Evidence();
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let bytesRead = readSync(file, buffer, 0, buffer.length, null); bytesRead > 0; bytesRead = readSync(file, buffer, 0, buffer.length, null)) {
      evidence.add(buffer.subarray(0, bytesRead));
      yield;
    }
    evidence.add(new Uint8Array(0), true);
    return evidence.decide();
  } finally {
    closeSync(file);
  }
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
 * cancellation in between chunks (runPipelineAsync); `onRead` hears each chunk's size. Throws NotUtf8Error (UTF-8 asked, file
 * is not) or a file system error (unreadable file).
 */
export function* readCsvFileSteps(path: string, encoding: TextEncoding, handlers: CsvHandlers, onRead?: (bytes: number) => void): Generator<void, CsvReadResult> {
  const file = openSync(path, 'r');
  try {
    const decoder = createChunkDecoder(encoding);
    const reader = new RecordSplitter(handlers);
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let bytesRead = readSync(file, buffer, 0, buffer.length, null);
    while (bytesRead > 0) {
      reader.feed(decoder.write(buffer.subarray(0, bytesRead)), false);
      onRead?.(bytesRead);
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
