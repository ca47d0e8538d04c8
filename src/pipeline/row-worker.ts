/**
 * Worker thread entry: runs createRowProcessor on the batches the main thread posts, in
 * order, and posts each BatchResult back on the results port (its bytes transferred, not
 * copied), then bumps the shared counter the main thread waits on. See RowWorker.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { getGeocoder } from './geocoder';
import { createRowProcessor, type BatchResult, type RecordBatch, type RowConfig } from './rows';

export interface RowWorkerData {
  results: MessagePort;
  /** Element 0 counts the messages posted on `results`. */
  signal: Int32Array;
}

export type RowWorkerRequest = { config: RowConfig } | { batch: RecordBatch };
export type RowWorkerReply = { result: BatchResult } | { error: string };

const { results, signal } = workerData as RowWorkerData;
let processBatch: ((batch: RecordBatch) => BatchResult) | undefined;

function reply(message: RowWorkerReply, transfer: ArrayBuffer[] = []): void {
  results.postMessage(message, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

parentPort?.on('message', (request: RowWorkerRequest) => {
  try {
    if ('config' in request) {
      processBatch = createRowProcessor(request.config);
      return;
    }
    if (!processBatch) throw new Error('row worker: batch before configuration');
    const result = processBatch(request.batch);
    reply({ result }, [result.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    reply({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

// Build the gazetteer (about a second) while the main thread reads the first records. A
// failure here happens again, and is reported, on the first record that needs a commune.
try {
  getGeocoder();
} catch {
  // See above.
}
