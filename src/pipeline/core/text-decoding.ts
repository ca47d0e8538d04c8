/**
 * Bytes → text for the pipeline, the same in Node and in the browser: UTF-8 (a BOM is
 * dropped later, by the CSV reader), or Windows-1252, what French Excel saves. Decoding is
 * fatal for UTF-8 so a Windows-1252 file is noticed instead of being read with replacement
 * characters.
 *
 * Windows-1252 is decoded by a table, not TextDecoder: Node's TextDecoder('windows-1252') is
 * Latin-1 (0x80 → U+0080 instead of €), and the five bytes Windows-1252 leaves undefined
 * decode to U+FFFD here, as iconv-lite did before this module, so the CLI's bytes did not move.
 */

export type TextEncodingName = 'utf-8' | 'windows-1252';

/** Thrown when bytes read as UTF-8 are not valid UTF-8: the caller reads them as Windows-1252. */
export class NotUtf8Error extends Error {}

/** Code points of bytes 0x80–0x9F in Windows-1252 (0xFFFD where the code page has none). */
const WINDOWS_1252_HIGH_CONTROLS = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

let windows1252Table: string[] | undefined;

function decodeWindows1252(bytes: Uint8Array): string {
  windows1252Table ??= Array.from({ length: 256 }, (_, byte) =>
    String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252_HIGH_CONTROLS[byte - 0x80] as number) : byte),
  );
  const table = windows1252Table;
  const parts: string[] = [];
  // Joined by slices so a large chunk does not build one character at a time.
  const SLICE = 8192;
  for (let start = 0; start < bytes.length; start += SLICE) {
    let text = '';
    const end = Math.min(bytes.length, start + SLICE);
    for (let index = start; index < end; index += 1) text += table[bytes[index] as number];
    parts.push(text);
  }
  return parts.join('');
}

/** A streaming decoder: chunks in, text out; `end()` flushes what a chunk boundary cut. */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

export function createChunkDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding === 'windows-1252') return { write: decodeWindows1252, end: () => '' };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const guard = (decode: () => string) => {
    try {
      return decode();
    } catch {
      throw new NotUtf8Error('not UTF-8');
    }
  };
  return {
    write: (bytes) => guard(() => decoder.decode(bytes, { stream: true })),
    end: () => guard(() => decoder.decode()),
  };
}

/** Whole bytes → text, with the encoding that read them: UTF-8 when valid, else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    const decoder = createChunkDecoder('utf-8');
    return { text: decoder.write(bytes) + decoder.end(), encoding: 'utf-8' };
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
