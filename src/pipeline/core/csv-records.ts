/**
 * CSV text → records with their PHYSICAL line number (header = line 1; a quoted newline
 * makes the following rows' numbers larger, as in a text editor). Pure, so the CLI (which
 * feeds it chunk by chunk, csv-reader.ts) and the browser (the publish page, a CSV dataUrl)
 * read a file the same way.
 *
 * papaparse's core Parser does the tokenising. Around it, this module adds what a
 * spreadsheet user needs: every line break style, delimiter detection from the header
 * line, and recovery from a stray quote, which would otherwise swallow every following row
 * into one field: such a record is reported on its first line and the lines after it are
 * parsed again, so no good row is lost.
 */
import Papa from 'papaparse';
import { mayNeedCellCheck } from './cell-check';

export interface CsvHandlers {
  /**
   * A record (the header first). `quoteProblem` is set when papaparse saw malformed quotes;
   * `suspect` when its chunk of text holds a character the cell check acts on (cell-check.ts).
   */
  onRecord(fields: string[], line: number, quoteProblem: string | undefined, suspect: boolean): void;
  /** A line that cannot be read as a record at all. */
  onUnreadableLine(line: number, reason: string): void;
}

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter used most often outside quotes on the header line. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map(CANDIDATE_DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of headerLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function countLineBreaks(text: string): number {
  let count = 0;
  let index = text.indexOf('\n');
  while (index !== -1) {
    count += 1;
    index = text.indexOf('\n', index + 1);
  }
  return count;
}

/** Reads CSV text already in memory (tests, small inputs) with the same rules as a file. */
export function readCsvText(text: string, handlers: CsvHandlers): string {
  const reader = new RecordSplitter(handlers);
  reader.feed(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, true);
  return reader.delimiter ?? ',';
}

export class RecordSplitter {
  delimiter: string | undefined;
  private pending = '';
  private pendingLine = 1;
  /** A chunk ending in \r may be the first half of \r\n. */
  private heldCarriageReturn = false;

  constructor(private readonly handlers: CsvHandlers) {}

  /** Characters of an unfinished record carried over to the next chunk. */
  get pendingLength(): number {
    return this.pending.length;
  }

  feed(rawText: string, final: boolean): void {
    let text = this.heldCarriageReturn ? `\r${rawText}` : rawText;
    this.heldCarriageReturn = false;
    if (!final && text.endsWith('\r')) {
      text = text.slice(0, -1);
      this.heldCarriageReturn = true;
    }
    // Every line break style becomes \n, so one physical line is one \n.
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    this.pending += text;
    if (this.delimiter === undefined) {
      const firstBreak = this.pending.search(/\n[^\n]/);
      if (firstBreak === -1 && !final) return;
      const headerLine = this.pending.replace(/^\n+/, '').split('\n', 1)[0] ?? '';
      this.delimiter = detectDelimiter(headerLine);
    }
    this.parsePending(final);
  }

  private parsePending(final: boolean): void {
    const delimiter = this.delimiter ?? ',';
    for (;;) {
      const input = this.pending;
      let line = this.pendingLine;
      let rowStart = 0;
      let restartAt = -1;
      const suspect = mayNeedCellCheck(input);
      const parser = new Papa.Parser({
        delimiter,
        newline: '\n',
        quoteChar: '"',
        // The core Parser hands each step a one-row array.
        step: (results: Papa.ParseStepResult<string[][]>) => {
          const fields = results.data[0] ?? [];
          const rowEnd = results.meta.cursor;
          const endsWithBreak = input.charCodeAt(rowEnd - 1) === 10;
          let breaks = endsWithBreak ? 1 : 0;
          for (const field of fields) if (field.includes('\n')) breaks += countLineBreaks(field);
          const quoteError = results.errors[0];
          const innerBreaks = breaks - (endsWithBreak ? 1 : 0);
          if (innerBreaks > 0 && (quoteError || this.looksRagged(fields.length) || this.swallowedRows(fields, delimiter))) {
            // A stray quote opened a field that swallowed the next lines: report its line and
            // read again from the following one.
            this.handlers.onUnreadableLine(
              line,
              `guillemet mal placé ou non fermé : il fusionnait les lignes ${line} à ${line + innerBreaks} ; la ligne ${line} ne peut pas être lue, les suivantes sont relues (entourez la valeur de guillemets et doublez ceux qu’elle contient)`,
            );
            const firstBreak = input.indexOf('\n', rowStart);
            restartAt = firstBreak + 1;
            line += 1;
            parser.abort();
            return;
          }
          if (this.expectedFields === undefined && (fields.length > 1 || fields[0] !== '')) {
            this.expectedFields = fields.length;
          }
          if (quoteError?.code === 'MissingQuotes') {
            this.handlers.onUnreadableLine(line, 'guillemet non fermé : la ligne ne peut pas être lue');
          } else {
            this.handlers.onRecord(fields, line, quoteError ? 'guillemets mal formés' : undefined, suspect);
          }
          line += breaks;
          rowStart = rowEnd;
        },
      });
      const results = parser.parse(input, 0, !final);
      if (restartAt >= 0) {
        this.pending = input.slice(restartAt);
        this.pendingLine = line;
        continue;
      }
      this.pending = final ? '' : input.slice(results.meta.cursor);
      this.pendingLine = line;
      return;
    }
  }

  /** Field count of the header, to spot records that swallowed following rows. */
  private expectedFields: number | undefined;

  private looksRagged(fieldCount: number): boolean {
    return this.expectedFields !== undefined && fieldCount !== this.expectedFields;
  }

  /**
   * A quoted value spanning lines one of which has a whole row's separators: rows swallowed
   * between a stray quote and a later one, even when the field count happens to match.
   */
  private swallowedRows(fields: readonly string[], delimiter: string): boolean {
    const needed = (this.expectedFields ?? 0) - 1;
    if (needed < 2) return false;
    for (const field of fields) {
      if (!field.includes('\n')) continue;
      for (const part of field.split('\n')) {
        let count = 0;
        for (let index = part.indexOf(delimiter); index !== -1; index = part.indexOf(delimiter, index + 1)) count += 1;
        if (count >= needed) return true;
      }
    }
    return false;
  }
}
