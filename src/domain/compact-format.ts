/**
 * The compact data file's container (docs/compact-data.md): a magic string, then blocks, each a
 * small JSON header and a body of typed arrays over one string table. Knows nothing of
 * initiatives (compact-initiatives.ts says which columns a block holds); pure, so the pipeline,
 * the benchmark and the page share it.
 *
 * Block: u32 header length | header (UTF-8 JSON) | zero padding to 8 | body of `bodyBytes`.
 * Body: the string table's offsets (u32, strings + 1, in UTF-16 units of the decoded text), each
 * column (padded to 8), then the strings' UTF-8 bytes. A `str` column holds, for each record, the
 * index of its string in the table, or NO_STRING.
 */

/** The file's first bytes: a file that lacks them is not a compact data file. */
export const COMPACT_MAGIC = 'CARTE-ESS-COMPACT-1\n';
const MAGIC_BYTES = new TextEncoder().encode(COMPACT_MAGIC);

/** A string column's value for a record that has none (an absent optional property). */
export const NO_STRING = 0xffffffff;

export type ColumnType = 'f64' | 'u32' | 'u8' | 'str';

export interface ColumnHeader {
  name: string;
  type: ColumnType;
}

export interface BlockHeader {
  kind: string;
  /** Position of the block's first record in the whole dataset. */
  start: number;
  /** Records in the block. */
  count: number;
  columns: ColumnHeader[];
  stringCount: number;
  stringBytes: number;
  bodyBytes: number;
  /** Anything else the kind needs (the core block: the digest, the publication date). */
  [member: string]: unknown;
}

export interface DecodedBlock {
  header: BlockHeader;
  strings: string[];
  /** `str` and `u32` columns are Uint32Arrays. */
  columns: Map<string, Float64Array | Uint8Array | Uint32Array>;
}

/** What a block is made of, before encoding. */
export interface BlockInput {
  kind: string;
  start: number;
  count: number;
  extra?: Record<string, unknown>;
  numbers: { name: string; type: 'f64' | 'u32' | 'u8'; values: Float64Array | Uint32Array | Uint8Array }[];
  /** String columns: one string (or null) per record. */
  texts: { name: string; values: readonly (string | null)[] }[];
}

const ELEMENT_BYTES: Record<ColumnType, number> = { f64: 8, u32: 4, u8: 1, str: 4 };

function padTo8(length: number): number {
  return (length + 7) & ~7;
}

const utf8 = new TextEncoder();

/** One block's bytes. Equal strings are stored once. */
export function encodeBlock(input: BlockInput): Uint8Array {
  const table = new Map<string, number>();
  const strings: string[] = [];
  const textColumns = input.texts.map(({ name, values }) => {
    const indices = new Uint32Array(input.count);
    for (let record = 0; record < input.count; record += 1) {
      const value = values[record];
      if (value === null || value === undefined) {
        indices[record] = NO_STRING;
        continue;
      }
      let index = table.get(value);
      if (index === undefined) {
        index = strings.push(value) - 1;
        table.set(value, index);
      }
      indices[record] = index;
    }
    return { name, indices };
  });
  const offsets = new Uint32Array(strings.length + 1);
  strings.forEach((value, index) => (offsets[index + 1] = (offsets[index] as number) + value.length));
  const text = utf8.encode(strings.join(''));
  const columns: ColumnHeader[] = [...input.numbers.map(({ name, type }) => ({ name, type })), ...textColumns.map(({ name }) => ({ name, type: 'str' as const }))];
  const arrays: ArrayBufferView[] = [...input.numbers.map(({ values }) => values), ...textColumns.map(({ indices }) => indices)];
  let bodyBytes = padTo8(offsets.byteLength);
  for (const array of arrays) bodyBytes += padTo8(array.byteLength);
  bodyBytes += text.byteLength;
  const header: BlockHeader = { ...input.extra, kind: input.kind, start: input.start, count: input.count, columns, stringCount: strings.length, stringBytes: text.byteLength, bodyBytes };
  const headerBytes = utf8.encode(JSON.stringify(header));
  const headerEnd = padTo8(4 + headerBytes.byteLength);
  const block = new Uint8Array(headerEnd + bodyBytes);
  new DataView(block.buffer).setUint32(0, headerBytes.byteLength, true);
  block.set(headerBytes, 4);
  let cursor = headerEnd;
  for (const array of [offsets, ...arrays]) {
    block.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), cursor);
    cursor += padTo8(array.byteLength);
  }
  block.set(text, cursor);
  return block;
}

/** The file's bytes: the magic string, then the blocks. */
export function encodeFile(blocks: readonly Uint8Array[]): Uint8Array[] {
  return [MAGIC_BYTES, ...blocks];
}

/** Why a compact file cannot be read, in French, for the console (the app then reads the GeoJSON). */
export class CompactFormatError extends Error {}

/** How many bytes the file's opening takes; throws when `bytes` (at least that long) does not open a compact file. */
export function checkMagic(bytes: Uint8Array): number {
  if (bytes.byteLength < MAGIC_BYTES.byteLength || MAGIC_BYTES.some((byte, index) => bytes[index] !== byte)) {
    throw new CompactFormatError('ce n’est pas un fichier de données compact de Carte ESS');
  }
  return MAGIC_BYTES.byteLength;
}

export const MAGIC_LENGTH = MAGIC_BYTES.byteLength;

/**
 * The length of the block that starts at `offset` in `bytes`, or null while too few bytes have
 * arrived to say. Throws on a header that cannot be read.
 */
export function blockLength(bytes: Uint8Array, offset: number): number | null {
  if (bytes.byteLength - offset < 4) return null;
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, true);
  if (headerLength > 1 << 20) throw new CompactFormatError('en-tête de bloc illisible');
  if (bytes.byteLength - offset < 4 + headerLength) return null;
  const header = readHeader(bytes, offset, headerLength);
  return padTo8(4 + headerLength) + header.bodyBytes;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function readHeader(bytes: Uint8Array, offset: number, headerLength: number): BlockHeader {
  let header: unknown;
  try {
    header = JSON.parse(utf8Decoder.decode(bytes.subarray(offset + 4, offset + 4 + headerLength)));
  } catch {
    throw new CompactFormatError('en-tête de bloc illisible');
  }
  const candidate = header as Partial<BlockHeader> | null;
  const counts = [candidate?.start, candidate?.count, candidate?.stringCount, candidate?.stringBytes, candidate?.bodyBytes];
  if (!candidate || typeof candidate.kind !== 'string' || !Array.isArray(candidate.columns) || counts.some((value) => !Number.isSafeInteger(value) || (value as number) < 0)) {
    throw new CompactFormatError('en-tête de bloc incomplet');
  }
  for (const column of candidate.columns as unknown[]) {
    const { name, type } = (column ?? {}) as Partial<ColumnHeader>;
    if (typeof name !== 'string' || !(type !== undefined && type in ELEMENT_BYTES)) throw new CompactFormatError('colonne inconnue dans un bloc');
  }
  return candidate as BlockHeader;
}

/** Reads the block that starts at `offset` (all of it must be in `bytes`). */
export function decodeBlock(bytes: Uint8Array, offset: number): DecodedBlock {
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, true);
  const header = readHeader(bytes, offset, headerLength);
  const bodyStart = offset + padTo8(4 + headerLength);
  if (bytes.byteLength < bodyStart + header.bodyBytes) throw new CompactFormatError('bloc tronqué');
  // Typed arrays need aligned offsets: a body that does not start on 8 bytes is copied to one that does.
  const aligned = (bytes.byteOffset + bodyStart) % 8 === 0;
  const body = aligned ? bytes.subarray(bodyStart, bodyStart + header.bodyBytes) : bytes.slice(bodyStart, bodyStart + header.bodyBytes);
  let cursor = 0;
  const take = (type: ColumnType, length: number): Float64Array | Uint8Array | Uint32Array => {
    const byteLength = length * ELEMENT_BYTES[type];
    if (cursor + byteLength > body.byteLength) throw new CompactFormatError('bloc tronqué');
    const at = body.byteOffset + cursor;
    const view = type === 'f64' ? new Float64Array(body.buffer, at, length) : type === 'u8' ? new Uint8Array(body.buffer, at, length) : new Uint32Array(body.buffer, at, length);
    cursor += padTo8(byteLength);
    return view;
  };
  const offsets = take('str', header.stringCount + 1) as Uint32Array;
  const columns = new Map<string, Float64Array | Uint8Array | Uint32Array>();
  for (const column of header.columns) columns.set(column.name, take(column.type, header.count));
  if (cursor + header.stringBytes !== body.byteLength) throw new CompactFormatError('taille de bloc incohérente');
  let text: string;
  try {
    text = utf8Decoder.decode(body.subarray(cursor));
  } catch {
    throw new CompactFormatError('texte illisible (UTF-8 invalide)');
  }
  if (offsets[header.stringCount] !== text.length) throw new CompactFormatError('table des textes incohérente');
  const strings = new Array<string>(header.stringCount);
  for (let index = 0; index < header.stringCount; index += 1) {
    const from = offsets[index] as number;
    const to = offsets[index + 1] as number;
    if (to < from) throw new CompactFormatError('table des textes incohérente');
    strings[index] = text.slice(from, to);
  }
  return { header, strings, columns };
}
