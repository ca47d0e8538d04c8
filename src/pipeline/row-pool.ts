/**
 * The main thread's side of row-worker.ts: batches go in, results come back in the same
 * order. The pipeline stays synchronous: results are received with receiveMessageOnPort,
 * and the thread sleeps on a shared counter (Atomics.wait) when it must wait for one.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { RowWorkerData, RowWorkerReply, RowWorkerRequest } from './row-worker';
import type { BatchResult, RecordBatch, RowConfig } from './rows';

/** Without any result for this long, the worker is taken for dead. */
const STALL_MS = 180_000;

/**
 * The worker's entry: registers tsx (the TypeScript loader that runs the CLI) in the worker,
 * then imports row-worker.ts. Node 20 does not apply `--import` hooks to a worker's own entry
 * module, hence this small ES module given as a data: URL.
 */
function workerEntry(): URL {
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./row-worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)};\nregister();\nawait import(${JSON.stringify(entry)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

export class RowWorker {
  private readonly worker: Worker;
  private readonly results: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private posted = 0;
  private received = 0;

  constructor() {
    const channel = new MessageChannel();
    this.results = channel.port1;
    const workerData: RowWorkerData = { results: channel.port2, signal: this.signal };
    this.worker = new Worker(workerEntry(), { workerData, transferList: [channel.port2], execArgv: [] });
  }

  /** Batches posted whose result has not been taken yet. */
  get pending(): number {
    return this.posted - this.received;
  }

  configure(config: RowConfig): void {
    this.send({ config });
  }

  post(batch: RecordBatch): void {
    this.send({ batch });
    this.posted += 1;
  }

  /** The next result if it has arrived, else undefined. */
  poll(): BatchResult | undefined {
    const message = receiveMessageOnPort(this.results) as { message: RowWorkerReply } | undefined;
    if (!message) return undefined;
    this.received += 1;
    if ('error' in message.message) throw new Error(`row worker: ${message.message.error}`);
    return message.message.result;
  }

  /** The next result, waiting for it. */
  take(): BatchResult {
    if (this.pending === 0) throw new Error('row worker: nothing to wait for');
    let waitedSince = performance.now();
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      const result = this.poll();
      if (result) return result;
      if (Atomics.wait(this.signal, 0, seen, 1000) === 'timed-out') {
        if (performance.now() - waitedSince > STALL_MS) throw new Error('row worker: no result for three minutes');
      } else {
        waitedSince = performance.now();
      }
    }
  }

  close(): void {
    this.results.close();
    void this.worker.terminate();
  }

  private send(request: RowWorkerRequest): void {
    this.worker.postMessage(request);
  }
}
