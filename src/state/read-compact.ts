/**
 * The page's side of the compact data file (docs/compact-data.md). The GeoJSON stays the
 * authority: its head is read first, and only a `compact` member there sends the page to the
 * compact file, whose digest must match; anything else (no member, a stale or broken compact
 * file, a failed download) and the page reads the GeoJSON as before, from the bytes already
 * received.
 */
import { blockLength, checkMagic, CompactFormatError, decodeBlock, MAGIC_LENGTH, type DecodedBlock } from '../domain/compact-format';
import { applyCompactDetails, readCompactCore, type CompactCore, type CompactLink } from '../domain/compact-initiatives';
import { requestInitiatives, type DownloadLimits } from './fetch-initiatives';

/** The GeoJSON's head is this short when the pipeline writes it: past this, no `compact` member is looked for. */
const HEAD_LIMIT_BYTES = 64 * 1024;
const FEATURES_MARKER = '"features"';

function isCompactLink(value: unknown): value is CompactLink {
  const link = value as Partial<CompactLink> | null;
  return typeof link === 'object' && link !== null && typeof link.href === 'string' && typeof link.digest === 'string' && link.href.length > 0;
}

/**
 * The `compact` member of the GeoJSON's head, if any, and the same response to read in full
 * otherwise (the bytes read to find the head are given back first).
 */
export async function readCompactLink(response: Response): Promise<{ link: CompactLink | null; geojson: Response }> {
  const source = response.body;
  if (!source) return { link: null, geojson: response };
  const reader = source.getReader();
  const received: Uint8Array[] = [];
  const decoder = new TextDecoder();
  let text = '';
  let finished = false;
  let size = 0;
  while (!text.includes(FEATURES_MARKER) && size < HEAD_LIMIT_BYTES) {
    const { done, value } = await reader.read();
    if (done) {
      finished = true;
      break;
    }
    received.push(value);
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  const geojson = new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of received) controller.enqueue(chunk);
        if (finished) controller.close();
      },
      async pull(controller) {
        if (finished) return;
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    }),
    { status: response.status, statusText: response.statusText, headers: response.headers },
  );
  return { link: linkInHead(text), geojson };
}

/** The `compact` member among the members that come before `features`, or null. */
export function linkInHead(text: string): CompactLink | null {
  const at = text.indexOf(FEATURES_MARKER);
  if (at < 0) return null;
  const head = text.slice(0, at).trimEnd();
  if (!head.startsWith('{') || !head.endsWith(',')) return null;
  try {
    const members = JSON.parse(`${head.slice(0, -1)}}`) as Record<string, unknown>;
    return isCompactLink(members.compact) ? members.compact : null;
  } catch {
    return null;
  }
}

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
    return this.take(count, false);
  }

  /** Removes and returns the first `count` bytes (at most `length`) in one new buffer. */
  take(count: number, remove = true): Uint8Array {
    const bytes = new Uint8Array(Math.min(count, this.size));
    let filled = 0;
    let index = 0;
    while (filled < bytes.byteLength) {
      const chunk = this.chunks[index] as Uint8Array;
      const part = chunk.subarray(0, Math.min(chunk.byteLength, bytes.byteLength - filled));
      bytes.set(part, filled);
      filled += part.byteLength;
      if (remove && part.byteLength === chunk.byteLength) this.chunks.shift();
      else if (remove) this.chunks[index] = chunk.subarray(part.byteLength);
      else index += 1;
    }
    if (remove) this.size -= bytes.byteLength;
    return bytes;
  }
}

export interface CompactLoad {
  core: CompactCore;
  /** Resolves once every details block is applied to the core's initiatives; rejects with a French message. */
  details: Promise<void>;
}

/**
 * Waits for idle time (at most a second): the details blocks are read after the first screen is
 * drawn and between frames, never holding up the map or a keystroke.
 */
const nextIdle = () =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });

/** Blocks read one by one from a download of the compact file. */
class BlockStream {
  private readonly queue = new ByteQueue();
  private ended = false;
  /** Bytes taken from the download so far. */
  consumed = 0;

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly stalled: () => string | null,
  ) {}

  /** Reads until `enough()` or the end; false at the end of the file. */
  private async fill(enough: () => boolean): Promise<boolean> {
    while (!enough()) {
      if (this.ended) return false;
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

  /** The next block once it has arrived, null at the end of the file; `whenIdle`: read in idle time. */
  async next(whenIdle = false): Promise<DecodedBlock | null> {
    let length: number | null = null;
    const complete = () => {
      length ??= this.lengthOfNext();
      return length !== null && this.queue.length >= length;
    };
    if (!(await this.fill(complete))) {
      if (this.queue.length === 0) return null;
      throw new CompactFormatError(this.stalled() ?? 'fichier compact tronqué');
    }
    if (whenIdle) await nextIdle();
    const size = length as unknown as number;
    this.consumed += size;
    return decodeBlock(this.queue.take(size), 0);
  }

  cancel(): void {
    void this.reader.cancel().catch(() => {});
  }
}

/** How long after the first screen the details' download may wait for an idle moment. */
const DETAILS_START_WAIT_MS = 2000;

/**
 * Downloads the compact file's core block and reads it; the rest of the file (the details) is
 * not downloaded then but in idle time afterwards, from where the core ended (an HTTP range; a
 * server that ignores ranges sends the whole file and the core is skipped), and read a block per
 * idle slice. Throws (for the caller to read the GeoJSON instead) when the file is missing, is
 * not a compact file or is not the one the GeoJSON names.
 */
export async function loadCompact(url: string, link: CompactLink, limits: DownloadLimits): Promise<CompactLoad> {
  const request = await requestInitiatives(url, limits);
  if (!request.ok) throw new CompactFormatError(request.message);
  const body = request.response.body;
  if (!body) throw new CompactFormatError('réponse vide');
  const stream = new BlockStream(body.getReader(), request.stalled);
  let core: CompactCore;
  try {
    checkMagic(await stream.bytes(MAGIC_LENGTH));
    const first = await stream.next();
    if (!first) throw new CompactFormatError('fichier compact vide');
    core = readCompactCore(first);
    if (core.digest !== link.digest) throw new CompactFormatError('il ne correspond pas au GeoJSON (publié à part)');
  } catch (error) {
    throw error instanceof CompactFormatError ? error : new CompactFormatError(error instanceof Error ? error.message : String(error));
  } finally {
    // The details come later, on a download of their own: none of their bytes compete with the first screen.
    stream.cancel();
  }
  const details = loadDetails(url, core, stream.consumed, limits);
  // A rejection is read by whoever waits for the details (the store); never unhandled here.
  details.catch(() => {});
  return { core, details };
}

/** The details blocks, from byte `from` of the file on, written into the core's initiatives. */
async function loadDetails(url: string, core: CompactCore, from: number, limits: DownloadLimits): Promise<void> {
  let stream: BlockStream | null = null;
  try {
    await new Promise<void>((resolve) => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: DETAILS_START_WAIT_MS });
      else setTimeout(resolve, 0);
    });
    const request = await requestInitiatives(url, limits, { Range: `bytes=${from}-` });
    if (!request.ok) throw new CompactFormatError(request.message);
    const body = request.response.body;
    if (!body) throw new CompactFormatError('réponse vide');
    stream = new BlockStream(body.getReader(), request.stalled);
    if (request.response.status !== 206) await stream.bytes(from);
    let filled = 0;
    for (let block = await stream.next(true); block; block = await stream.next(true)) {
      if (block.header.digest !== core.digest) throw new CompactFormatError('le fichier compact a changé sur le serveur');
      applyCompactDetails(core, block);
      filled += block.header.count;
    }
    if (filled !== core.positions.length) throw new CompactFormatError('détails incomplets');
  } catch (error) {
    stream?.cancel();
    throw new Error(`Les descriptions et coordonnées des initiatives n’ont pas pu être chargées (${error instanceof Error ? error.message : String(error)}). Rechargez la page.`, { cause: error });
  }
}
