/**
 * What goes into the per-record work (rows.ts) and what comes out of it: batches of records
 * in file order, and per batch the features' bytes with the notes of the records that have
 * something to report. Plain data, so a batch crosses to a worker (row-worker.ts) and back.
 */
import { SOURCE_COLUMNS } from '../../domain/initiative';
import type { CellCheck } from './cell-check';
import type { FieldProblem } from './row-schema';

/** Columns the pipeline reads, in the order of RowConfig.known (defined with the feature, domain/initiative.ts). */
export const KNOWN_COLUMNS = SOURCE_COLUMNS;

/** What every batch of a file shares, fixed once the header is read. */
export interface RowConfig {
  /** Index of each known column in the file, -1 when absent; in KNOWN_COLUMNS order. */
  known: readonly number[];
  /** Number of columns of the header. */
  columnCount: number;
  densityGrid?: ReadonlyMap<string, number>;
}

/** Consecutive items of the file, in order: records, and lines that could not be read. */
export interface RecordBatch {
  /** Per item: the record's fields; an empty array for an unreadable line. */
  fields: string[][];
  /** Per item: its physical line. */
  lines: number[];
  /** Per item: papaparse's quote problem for a record; the reason for an unreadable line; else null. */
  notes: (string | null)[];
  /** Per item: 1 for an unreadable line, 0 for a record. */
  unreadable: number[];
  /** Per item: what the cell check found (characters removed, undecodable bytes), else null. */
  checks: (CellCheck | null)[];
}

export function emptyBatch(): RecordBatch {
  return { fields: [], lines: [], notes: [], unreadable: [], checks: [] };
}

export interface Message {
  column: string;
  message: string;
}

/** Everything a record produced besides a clean feature; absent for the usual good row. */
export interface RowNotes {
  /** Index of the item in its batch. */
  item: number;
  /** Set when the record has more values than the header has columns: the only rejection reason then. */
  tooManyValues?: string;
  /** Warnings reported whatever happens to the row. */
  warnings?: Message[];
  /** Its own problems, in report order; the row is rejected when there is any. */
  problems?: FieldProblem[];
  /** Warnings reported only if the row is written. */
  warningsIfWritten?: Message[];
}

export interface BatchResult {
  /** The candidate features, back to back, each as `,\n{…}` in UTF-8. */
  bytes: Uint8Array;
  /** Per item: the byte length of its feature in `bytes`; -1 when the record has no feature. */
  featureBytes: Int32Array;
  /** Notes of the items that have any, in item order. */
  notes: RowNotes[];
  /** Per item: the record's id (see recordId); null for an unreadable line or an empty id. */
  ids: (string | null)[];
}

/** The record's id as the report shows it: its trimmed cell, undefined when empty. */
export function recordId(fields: readonly string[], known: readonly number[]): string | undefined {
  const index = known[0] ?? -1;
  return (index < 0 ? '' : (fields[index] ?? '').trim()) || undefined;
}

/** A record's known cells by column name, trimmed ('' for an absent column). */
export type SourceRow = Record<string, string>;
