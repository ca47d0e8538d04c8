/**
 * The page's side of the compact data file (docs/compact-data.md). The GeoJSON stays the
 * authority: its head is read first, and only a `compact` member there sends the page to the
 * compact file, whose digest must match; anything else (no member, a stale or broken compact
 * file, a failed download) and the page reads the GeoJSON as before, from the bytes already
 * received.
 */
import { checkMagic, CompactFormatError, MAGIC_LENGTH } from '../domain/compact-format';
import { BlockStream, nextIdle } from './compact-blocks';
import { applyCompactDetails, CompactCoreReader, type CompactCore, type CompactLink } from '../domain/compact-initiatives';
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
    // A busy page may get megabytes in one chunk: only the head's bytes are decoded.
    text += decoder.decode(value.subarray(0, Math.max(0, HEAD_LIMIT_BYTES - size)), { stream: true });
    size += value.byteLength;
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

export interface CompactLoad {
  core: CompactCore;
  /** Resolves once every details block is applied to the core's initiatives; rejects with a French message. */
  details: Promise<void>;
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
  const stream = await openCompact(url, link, limits);
  let core: CompactCore;
  try {
    checkMagic(await stream.bytes(MAGIC_LENGTH));
    // Each core block is read as soon as it is in, while the next one downloads.
    const reader = new CompactCoreReader();
    while (!reader.done) {
      const block = await stream.next();
      if (!block) throw new CompactFormatError('fichier compact tronqué');
      reader.add(block);
      if (reader.fileDigest !== link.digest) throw new CompactFormatError('il ne correspond pas au GeoJSON (publié à part)');
    }
    core = reader.core();
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

/**
 * The file's opening as a stream of blocks. When the GeoJSON's link gives its length, just those
 * bytes are asked for (a range), and read by the browser in one piece: reading a large body
 * chunk by chunk in script cost ~0.25 s at 250,000. A server that ignores ranges sends the whole
 * file, read chunk by chunk and cut short after the opening.
 */
async function openCompact(url: string, link: CompactLink, limits: DownloadLimits): Promise<BlockStream> {
  const range = Number.isSafeInteger(link.coreBytes) && (link.coreBytes as number) > 0 ? { Range: `bytes=0-${(link.coreBytes as number) - 1}` } : undefined;
  const request = await requestInitiatives(url, limits, { headers: range, wholeBody: range !== undefined });
  if (!request.ok) throw new CompactFormatError(request.message);
  const { response } = request;
  if (range && response.status === 206) return BlockStream.of(new Uint8Array(await response.arrayBuffer()));
  if (!response.body) throw new CompactFormatError('réponse vide');
  return new BlockStream(response.body.getReader(), request.stalled);
}

/** The details blocks, from byte `from` of the file on, written into the core's initiatives. */
async function loadDetails(url: string, core: CompactCore, from: number, limits: DownloadLimits): Promise<void> {
  let stream: BlockStream | null = null;
  try {
    await nextIdle(DETAILS_START_WAIT_MS);
    const request = await requestInitiatives(url, limits, { headers: { Range: `bytes=${from}-` } });
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
