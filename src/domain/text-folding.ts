/**
 * The one text folding of the app: how a search, a sort, a place name and a column header
 * agree that « Saint-Étienne », "saint etienne" and « SAINT ETIENNE » are the same words.
 */

// These run on 100,000 names and descriptions: each costly step (normalize, regexps that
// match at every space) only runs when a cheap test says the text needs it.
const NON_ASCII = /[^\u0020-\u007e]/;
const NEEDS_CLEANING = /[^a-z0-9 ]| {2}|^ | $/;

/** Lower case without accents or ligatures, punctuation kept: « Œuvre (L’) » → "oeuvre (l’)". */
export function foldAccents(text: string): string {
  const value = text.toLowerCase();
  if (!NON_ASCII.test(value)) return value;
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
}

/** foldAccents, then every run of punctuation or spaces as one space, trimmed: "st julien" and « St-Julien » alike. */
export function foldText(text: string): string {
  const value = foldAccents(text);
  return NEEDS_CLEANING.test(value) ? value.replace(/[^a-z0-9 ]+/g, ' ').replace(/ {2,}/g, ' ').trim() : value;
}

/** French place names abbreviate Saint/Sainte; searching either form must find both. */
export const SAINT_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([['st', 'saint'], ['ste', 'sainte'], ['sts', 'saints'], ['stes', 'saintes']]);

/** Folded text with st/ste expanded, as stored for the text search. */
export function foldSearchText(text: string): string {
  const folded = foldText(text);
  if (!/\bste?s?\b/.test(folded)) return folded;
  return folded.replace(/\bste?s?\b/g, (word) => SAINT_ABBREVIATIONS.get(word) ?? word);
}

/**
 * The words of a query, each with its accepted spellings. A typed "st" may be the start of
 * "stade" as well as an abbreviation of "saint", so both are accepted.
 */
export function queryTerms(query: string): string[][] {
  return foldText(query)
    .split(' ')
    .filter(Boolean)
    .map((word) => {
      const expansion = SAINT_ABBREVIATIONS.get(word);
      return expansion ? [word, expansion] : [word];
    });
}

// The bulk form of foldSearchText for the search index: 100,000 descriptions went through
// normalize() and four regexps each (580 ms on an idle machine, and the first keystroke paid it
// when the idle slices had not finished). Here each character is looked up in a table built
// from foldAccents itself, so both agree by construction; a text holding a character outside the
// table (rare in French data: Greek, CJK, emoji…) is folded by foldSearchText.
const TABLE_SIZE = 0x2070; // ASCII, Latin-1, Latin extended, combining marks, Latin additional, punctuation
const SEPARATOR = -1;
const DELETED = -2;
const OUTSIDE = -3;
let foldTable: Int32Array | null = null;

/** Per UTF-16 code unit: SEPARATOR, DELETED (a mark), OUTSIDE, or one or two ASCII bytes (low byte first). */
function buildFoldTable(): Int32Array {
  const table = new Int32Array(TABLE_SIZE).fill(OUTSIDE);
  for (let code = 0; code < TABLE_SIZE; code += 1) {
    const folded = foldAccents(String.fromCharCode(code));
    if (folded === '') table[code] = DELETED;
    else if (/^[^a-z0-9]+$/.test(folded)) table[code] = SEPARATOR;
    else if (/^[a-z0-9]{1,2}$/.test(folded)) table[code] = folded.charCodeAt(0) | ((folded.charCodeAt(1) || 0) << 8);
  }
  return table;
}

const SPACE = 0x20;
const DECODE_CHUNK_BYTES = 1 << 20;
const latin1 = new TextDecoder('latin1');
const LETTER_S = 0x73;
const LETTER_T = 0x74;
const LETTER_E = 0x65;

/**
 * Folds many texts into one ASCII buffer, each exactly as foldSearchText would, and gives them
 * back as slices of one string (one decode instead of one string per step of each text).
 */
export class SearchTextFolder {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private readonly ends: number[] = [];
  /** The folded texts decoded so far (decodeStep). */
  readonly texts: string[] = [];

  get count(): number {
    return this.ends.length;
  }

  /**
   * Folds the parts as foldSearchText folds them joined by spaces. Given apart: a joined string
   * would be a concatenation that V8 flattens (copies) before reading it, the larger cost here.
   */
  add(...parts: string[]): void {
    foldTable ??= buildFoldTable();
    const table = foldTable;
    const start = this.length;
    let size = 8;
    for (const part of parts) size += part.length * 3 + 1;
    this.reserve(size);
    let bytes = this.bytes;
    let at = start;
    let wordStart = -1;
    for (const text of parts) {
      for (let index = 0; index <= text.length; index += 1) {
        // One more step past the end: the space between two parts.
        const code = index < text.length ? text.charCodeAt(index) : SPACE;
        const entry = code < TABLE_SIZE ? (table[code] as number) : OUTSIDE;
        if (entry >= 0) {
          if (wordStart < 0) {
            if (at > start) bytes[at++] = SPACE;
            wordStart = at;
          }
          bytes[at++] = entry & 0xff;
          if (entry > 0xff) bytes[at++] = entry >> 8;
        } else if (entry === SEPARATOR) {
          // Most words are not an abbreviation of saint: two cheap tests before the call.
          if (wordStart >= 0 && bytes[wordStart] === LETTER_S && at - wordStart <= 4) {
            at = this.expandSaint(wordStart, at);
            bytes = this.bytes;
          }
          wordStart = -1;
        } else if (entry === OUTSIDE) {
          this.length = start;
          this.write(foldSearchText(parts.join(' ')));
          return;
        }
        // DELETED: a combining mark joins what it separates, as in foldAccents.
      }
    }
    this.length = at;
    this.ends.push(at);
  }

  /**
   * Turns the next folded texts into strings, about `chunkBytes` of them at a time (one decode,
   * then a slice per text); true once every text added is a string (`texts`). In steps, so that
   * turning 27 MB into strings is not one long task either.
   */
  decodeStep(chunkBytes = DECODE_CHUNK_BYTES): boolean {
    const { ends, texts } = this;
    if (texts.length === ends.length) return true;
    const first = texts.length;
    const from = first === 0 ? 0 : (ends[first - 1] as number);
    let last = first;
    while (last < ends.length - 1 && (ends[last] as number) - from < chunkBytes) last += 1;
    // ASCII only: latin1 decodes it as UTF-8 would, and faster.
    const chunk = latin1.decode(this.bytes.subarray(from, ends[last]));
    let start = 0;
    for (let index = first; index <= last; index += 1) {
      const end = (ends[index] as number) - from;
      texts.push(chunk.slice(start, end));
      start = end;
    }
    if (texts.length < ends.length) return false;
    this.bytes = new Uint8Array(0);
    return true;
  }

  /** All the folded texts, in the order added (decoded at once if some are not yet). */
  finish(): readonly string[] {
    while (!this.decodeStep());
    return this.texts;
  }

  /** Room for `extra` more bytes (a text's folding, « st » expanded, is at most three bytes a character). */
  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** The word ending at `end` replaced by its expansion when it is st, ste, sts or stes; returns the new end. */
  private expandSaint(wordStart: number, end: number): number {
    const bytes = this.bytes;
    const length = end - wordStart;
    if (length < 2 || length > 4 || bytes[wordStart] !== LETTER_S || bytes[wordStart + 1] !== LETTER_T) return end;
    const third = bytes[wordStart + 2];
    const fourth = bytes[wordStart + 3];
    const abbreviation = length === 2 || (length === 3 && (third === LETTER_E || third === LETTER_S)) || (length === 4 && third === LETTER_E && fourth === LETTER_S);
    if (!abbreviation) return end;
    const word = String.fromCharCode(...bytes.subarray(wordStart, end));
    const expansion = SAINT_ABBREVIATIONS.get(word) as string;
    this.reserve(end - this.length + expansion.length);
    for (let index = 0; index < expansion.length; index += 1) this.bytes[wordStart + index] = expansion.charCodeAt(index);
    return wordStart + expansion.length;
  }

  private write(folded: string): void {
    this.reserve(folded.length);
    for (let index = 0; index < folded.length; index += 1) this.bytes[this.length + index] = folded.charCodeAt(index);
    this.length += folded.length;
    this.ends.push(this.length);
  }
}
