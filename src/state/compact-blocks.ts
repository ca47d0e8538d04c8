/**
 * The compact data file read block by block, from a download as it arrives or from bytes in
 * memory (docs/compact-data.md); read-compact.ts says which blocks the page reads when.
 */
import { blockLength, CompactFormatError, decodeBlock, type DecodedBlock } from '../domain/compact-format';

/**
 * Bytes received and not yet read as blocks. Each block is copied once, into a buffer of its
 * own exact size, whose body then starts 8-aligned (its typed arrays are views, not copies).
 */
class ByteQueue {
  private chunks: Uint8Array[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
  }

  /** The first `count` bytes, without removing them (copied only when they span chunks). */
  peek(count: number): Uint8Array {
    const first = this.chunks[0];
    if (first && first.byteLength >= count) return first.subarray(0, count);
    return this.copy(new Uint8Array(Math.min(count, this.size)), false);
  }

  /** Removes the first `count` bytes (at most `length`) and returns them in one new buffer. */
  take(count: number): Uint8Array {
    return this.copy(new Uint8Array(Math.min(count, this.size)), true);
  }

  /** Moves the first bytes into `target` (as many as fit, at most `length`); returns how many. */
  takeInto(target: Uint8Array): number {
    return this.copy(target.byteLength > this.size ? target.subarray(0, this.size) : target, true).byteLength;
  }

  /** Fills `target` with the first bytes (it must not be longer than `length`), removing them when `remove`. */
  private copy(target: Uint8Array, remove: boolean): Uint8Array {
    let filled = 0;
    let index = 0;
    while (filled < target.byteLength) {
      const chunk = this.chunks[index] as Uint8Array;
      const part = chunk.subarray(0, Math.min(chunk.byteLength, target.byteLength - filled));
      target.set(part, filled);
      filled += part.byteLength;
      if (remove && part.byteLength === chunk.byteLength) this.chunks.shift();
      else if (remove) this.chunks[index] = chunk.subarray(part.byteLength);
      else index += 1;
    }
    if (remove) this.size -= target.byteLength;
    return target;
  }
}

/** Set once someone waits for the details (a search typed): then no more waiting for idle time. */
let hurried = false;
const idleWaiters = new Set<() => void>();

/** Stops waiting for idle time before and between details blocks: a person is searching the descriptions. */
export function hurryDetails(): void {
  hurried = true;
  for (const resolve of idleWaiters) resolve();
  idleWaiters.clear();
}

/**
 * Waits for idle time (at most `timeoutMs`), unless the details are hurried: the details are
 * downloaded and read after the first screen is drawn and between frames, never holding up the
 * map or a keystroke.
 */
export function nextIdle(timeoutMs = 1000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (hurried || typeof requestIdleCallback !== 'function') {
      resolve();
      return;
    }
    const done = () => {
      idleWaiters.delete(done);
      resolve();
    };
    idleWaiters.add(done);
    requestIdleCallback(done, { timeout: timeoutMs });
  });
}

/** Blocks read one by one from a download of the compact file (or from bytes already received). */
export class BlockStream {
  private readonly queue = new ByteQueue();
  private ended = false;
  /** Bytes taken from the download so far. */
  consumed = 0;

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array> | null,
    private readonly stalled: () => string | null,
  ) {}

  /** Reads until `enough()` or the end; false at the end of the file. */
  private async fill(enough: () => boolean): Promise<boolean> {
    while (!enough()) {
      if (this.ended || !this.reader) return false;
      const { done, value } = await this.reader.read();
      if (done) this.ended = true;
      else this.queue.push(value);
    }
    return true;
  }

  /** The first `count` bytes (for the magic line, or the bytes to skip); throws when the file is shorter. */
  async bytes(count: number): Promise<Uint8Array> {
    if (!(await this.fill(() => this.queue.length >= count))) throw new CompactFormatError(this.stalled() ?? 'fichier compact tronqué');
    this.consumed += count;
    return this.queue.take(count);
  }

  /** The block's length once its header has arrived (the header's length, then the header). */
  private lengthOfNext(): number | null {
    const { queue } = this;
    if (queue.length < 4) return null;
    const headerLength = new DataView(queue.peek(4).slice().buffer).getUint32(0, true);
    return queue.length < 4 + headerLength ? null : blockLength(queue.peek(4 + headerLength), 0);
  }

  /**
   * The next block once it has arrived, null at the end of the file; `whenIdle`: read in idle time.
   * Once its header is in, the block gets a buffer of its exact size and each chunk is copied
   * into it as it arrives, while the download goes on: no copying left to do at the end.
   */
  async next(whenIdle = false): Promise<DecodedBlock | null> {
    let length: number | null = null;
    const headerIn = () => {
      length = this.lengthOfNext();
      return length !== null;
    };
    if (!(await this.fill(headerIn))) {
      if (this.queue.length === 0) return null;
      throw new CompactFormatError(this.stalled() ?? 'fichier compact tronqué');
    }
    const size = length as unknown as number;
    const block = new Uint8Array(size);
    let filled = this.queue.takeInto(block);
    while (filled < size) {
      if (!this.reader) throw new CompactFormatError('fichier compact tronqué');
      const { done, value } = await this.reader.read();
      if (done) {
        this.ended = true;
        throw new CompactFormatError(this.stalled() ?? 'fichier compact tronqué');
      }
      const part = Math.min(value.byteLength, size - filled);
      block.set(part === value.byteLength ? value : value.subarray(0, part), filled);
      filled += part;
      if (part < value.byteLength) this.queue.push(value.subarray(part));
    }
    this.consumed += size;
    if (whenIdle) await nextIdle();
    return decodeBlock(block, 0);
  }

  cancel(): void {
    void this.reader?.cancel().catch(() => {});
  }

  /** Blocks of bytes already in memory (each block then copied once, to an 8-aligned buffer of its own). */
  static of(bytes: Uint8Array): BlockStream {
    const stream = new BlockStream(null, () => null);
    stream.queue.push(bytes);
    stream.ended = true;
    return stream;
  }
}
