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

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** How a file is read, and why (the report and the summary line say it). */
export interface TextEncoding {
  name: TextEncodingName;
  why: string;
  /** UTF-8 with some invalid sequences: decoded with U+FFFD there, and those rows rejected (cell-check.ts). */
  lenient?: boolean;
}

/** Thrown when bytes read as strict UTF-8 are not valid UTF-8: the caller weighs the evidence (decideAfterInvalidUtf8). */
export class NotUtf8Error extends Error {}

/** A file that is not text: refused with this French reason. */
export class NotTextError extends Error {}

export const VALID_UTF8: TextEncoding = { name: 'utf-8', why: 'UTF-8 valide' };

/** Signatures of binary files people may pick by mistake instead of their CSV. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'un classeur Excel (.xlsx) ou une archive zip' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'un ancien classeur Excel (.xls)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'un PDF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'une image PNG' },
  { bytes: [0xff, 0xd8, 0xff], what: 'une image JPEG' },
  { bytes: [0x1f, 0x8b], what: 'une archive gzip' },
];

const SAVE_AS_CSV = 'enregistrez-le en « CSV UTF-8 » depuis votre tableur';

/**
 * What the first bytes of a file say: a byte order mark, UTF-16 without one (every other byte
 * zero), or binary content (a known signature, or many control bytes). Null when the text is
 * UTF-8 or Windows-1252, decided on the whole text. Throws NotTextError for binary content.
 */
export function sniffEncoding(head: Uint8Array): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { name: 'utf-8', why: 'marque d’ordre des octets (BOM) UTF-8' };
  if (head[0] === 0xff && head[1] === 0xfe) return { name: 'utf-16le', why: 'marque d’ordre des octets (BOM) UTF-16' };
  if (head[0] === 0xfe && head[1] === 0xff) return { name: 'utf-16be', why: 'marque d’ordre des octets (BOM) UTF-16' };
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((byte, index) => head[index] === byte)) throw new NotTextError(`ce n’est pas un fichier CSV mais ${signature.what} : ${SAVE_AS_CSV}`);
  }
  const sample = head.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  let controls = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const byte = sample[index] as number;
    if (byte === 0) {
      if (index % 2 === 0) evenZeros += 1;
      else oddZeros += 1;
    } else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) controls += 1;
  }
  const pairs = Math.max(1, Math.floor(sample.length / 2));
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return { name: 'utf-16le', why: 'UTF-16 sans BOM (un octet nul sur deux)' };
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return { name: 'utf-16be', why: 'UTF-16 sans BOM (un octet nul sur deux)' };
  if ((evenZeros + oddZeros + controls) > sample.length * 0.05) {
    throw new NotTextError(`ce n’est pas un fichier texte (contenu binaire : ${evenZeros + oddZeros + controls} octets de contrôle sur les ${sample.length} premiers) : ${SAVE_AS_CSV}`);
  }
  return null;
}

/** Counts, over a whole text decoded leniently as UTF-8, what tells UTF-8 from Windows-1252. */
export class Utf8Evidence {
  /** Characters outside ASCII that decoded well: proof of UTF-8 multi-byte sequences. */
  validNonAscii = 0;
  /** Invalid sequences (each decoded as U+FFFD). */
  invalid = 0;
  private readonly decoder = new TextDecoder('utf-8');

  add(bytes: Uint8Array, final = false): void {
    const text = this.decoder.decode(bytes, { stream: !final });
    this.invalid += text.match(/\ufffd/g)?.length ?? 0;
    this.validNonAscii += text.match(/[\u0080-\ufffc\ufffe\uffff]/g)?.length ?? 0;
  }

  /**
   * Windows-1252 only when nothing in the file is valid multi-byte UTF-8 (what Excel's « CSV »
   * gives); otherwise UTF-8, the invalid sequences' rows being rejected one by one.
   */
  decide(): TextEncoding {
    if (this.validNonAscii === 0) {
      return { name: 'windows-1252', why: `aucun caractère UTF-8 valide et ${this.invalid} octet(s) accentué(s) hors UTF-8 : Windows-1252, comme l’enregistre Excel` };
    }
    return {
      name: 'utf-8',
      lenient: true,
      why: `UTF-8 (${this.validNonAscii} caractère(s) accentué(s) valide(s)) avec ${this.invalid} séquence(s) d’octets invalide(s) : les lignes concernées sont rejetées`,
    };
  }
}

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

export function createChunkDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding.name === 'windows-1252') return { write: decodeWindows1252, end: () => '' };
  if (encoding.name !== 'utf-8' || encoding.lenient) {
    const lenient = new TextDecoder(encoding.name);
    return { write: (bytes) => lenient.decode(bytes, { stream: true }), end: () => lenient.decode() };
  }
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

/**
 * Whole bytes → text, with the encoding that read them and why (sniffEncoding, then strict
 * UTF-8, then the evidence of the whole text). Throws NotTextError for binary content.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const decodeWith = (encoding: TextEncoding) => {
    const decoder = createChunkDecoder(encoding);
    return { text: decoder.write(bytes) + decoder.end(), encoding };
  };
  const sniffed = sniffEncoding(bytes);
  if (sniffed && sniffed.name !== 'utf-8') return decodeWith(sniffed);
  try {
    return decodeWith(sniffed ?? VALID_UTF8);
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    const evidence = new Utf8Evidence();
    evidence.add(bytes, true);
    return decodeWith(evidence.decide());
  }
}
