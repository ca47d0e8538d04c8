/**
 * The CLI's per-record work: the pure one (core/rows.ts) given the schema file and the
 * CLI's geocoder. Used on the main thread and in the worker (row-worker.ts).
 */
import { createRowProcessor as createCoreRowProcessor, type BatchResult, type RecordBatch, type RowConfig } from './core/rows';
import { getGeocoder } from './geocoder';
import { loadTableSchema } from './row-schema';

export * from './core/rows';

export function createRowProcessor(config: RowConfig): (batch: RecordBatch) => BatchResult {
  return createCoreRowProcessor(config, { schema: loadTableSchema(), geocoder: getGeocoder });
}
