import { TEXT_PROPERTIES, textProperty, type Initiative, type TextPropertySpec } from './initiative';
import { getTheme, THEME_IDS, type ThemeId } from './themes';
import { getTerritory } from './territories';
import { getDepartment } from './departments';

/**
 * Two CSV flavours:
 * - `excel-fr`: what a French spreadsheet (Excel, LibreOffice in French) opens correctly with a
 *   double click: UTF-8 with BOM (else Excel reads Windows-1252), `;` separator and decimal comma
 *   (the French list and decimal separators), CRLF line ends.
 * - `rfc4180`: standard comma CSV for open-data portals and scripts: UTF-8 without BOM, `,`,
 *   decimal point, CRLF (RFC 4180 §2.1).
 */
export type CsvDialect = 'excel-fr' | 'rfc4180';

export interface CsvOptions {
  dialect: CsvDialect;
}

export const DEFAULT_CSV_OPTIONS: CsvOptions = { dialect: 'excel-fr' };

interface DialectSettings {
  separator: string;
  decimalSeparator: string;
  byteOrderMark: string;
  /** Spreadsheets only: quote numbers (their decimal comma) and mark all-digit codes as text. */
  forSpreadsheets: boolean;
}

const DIALECTS: Record<CsvDialect, DialectSettings> = {
  'excel-fr': { separator: ';', decimalSeparator: ',', byteOrderMark: '\uFEFF', forSpreadsheets: true },
  rfc4180: { separator: ',', decimalSeparator: '.', byteOrderMark: '', forSpreadsheets: false },
};

/**
 * Put before an all-digit code (code INSEE `01197`, département `05`) in the spreadsheet CSV: an
 * invisible WORD JOINER. A spreadsheet reads `01197` as the number 1197, quoted or not (LibreOffice
 * and Excel in their default import settings), and nothing but a formula (`="01197"`, which we never
 * write) or a visible mark keeps it text; this character is a mark nobody sees. Scripts use the
 * standard variant, which has none. The Excel export (.xlsx) types its cells and needs no mark.
 */
export const TEXT_MARK = '\u2060';

/** Whether a spreadsheet would read this code as a number and drop its leading zeros. */
function looksNumeric(code: string): boolean {
  return /^\d+$/.test(code);
}

const LINE_END = '\r\n';

/** Joins several values in one cell (themes); « ; » reads well and survives either separator once quoted. */
export const LIST_JOINER = ' ; ';

/** Columns before the text properties, then one per text property (initiative.ts), then the point. */
const LEADING_COLUMNS = ['id', 'nom', 'thèmes', 'thème principal', 'territoire', 'commune', 'code INSEE', 'département (code)', 'département (nom)'];
const TRAILING_COLUMNS = ['latitude', 'longitude'];

/** Column headers, in file order (documented in docs/export.md). */
export const CSV_COLUMNS: readonly string[] = [...LEADING_COLUMNS, ...TEXT_PROPERTIES.map((property) => property.exportHeader), ...TRAILING_COLUMNS];

/** Index of the numeric columns: written as numbers, never neutralised. */
export const NUMERIC_COLUMNS: ReadonlySet<number> = new Set([CSV_COLUMNS.indexOf('latitude'), CSV_COLUMNS.indexOf('longitude')]);

/**
 * A text cell a spreadsheet would run as a formula (OWASP « CSV injection »): it starts with
 * `=`, `+`, `-`, `@`, tab or carriage return, possibly after whitespace (spreadsheets trim it),
 * whatever follows, line breaks included: no `m` flag and no `$`, so a multi-line value is judged
 * by its very first characters only (papaparse's default pattern misses those).
 * A value already starting with `'` is also prefixed so that removing one leading `'` always
 * gives back the original value (the neutralisation stays reversible).
 */
export const FORMULA_PATTERN = /^(?:\s*[=+\-@\t\r]|')/;

/** Prefixes a dangerous text cell with `'`, which spreadsheets show as text and never evaluate. */
export function neutralizeFormula(value: string): string {
  return FORMULA_PATTERN.test(value) ? `'${value}` : value;
}

/** Inverse of {@link neutralizeFormula}, for programs reading the file back. */
export function restoreNeutralized(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

// Separator, quote, tab or line break inside, or whitespace at either end (so no reader trims it).
// The `;` file also quotes commas: LibreOffice's import splits on `,`, `;` and tab by default.
const NEEDS_QUOTES_COMMA = /[",\t\r\n]|^\s|\s$/;
const NEEDS_QUOTES_SEMICOLON = /[";,\t\r\n]|^\s|\s$/;

/** Anything {@link neutralizeFormula} or quoting would act on (a superset is fine: the slow path decides). */
const PLAIN_COMMA = /^[\s=+\-@']|[",\t\r\n]|\s$/;
const PLAIN_SEMICOLON = /^[\s=+\-@']|[";,\t\r\n]|\s$/;

function quoteIfNeeded(value: string, needsQuotes: RegExp): string {
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The one CSV text cell writer: a value a spreadsheet would run as a formula is neutralised,
 * then quoted when the dialect's separator, a quote, a line break or edge whitespace requires.
 */
export function csvCellWriter(dialect: CsvDialect): (value: string) => string {
  const comma = DIALECTS[dialect].separator === ',';
  const needsQuotes = comma ? NEEDS_QUOTES_COMMA : NEEDS_QUOTES_SEMICOLON;
  // One test per cell in the common case: nothing to neutralise and nothing to quote.
  const special = comma ? PLAIN_COMMA : PLAIN_SEMICOLON;
  return (value) => (special.test(value) ? quoteIfNeeded(neutralizeFormula(value), needsQuotes) : value);
}

/** A number as a cell: decimal comma or point as given, empty when not finite. */
export function formatNumber(value: number, decimalSeparator: string): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  return decimalSeparator === '.' ? text : text.replace('.', decimalSeparator);
}

/**
 * Encodes the cells of columns with few distinct values (themes, territory, département…) once:
 * at 100,000 rows this halves the export time.
 */
class CellCache {
  private readonly cache = new Map<string, string>();
  constructor(private readonly encode: (value: string) => string) {}
  get(value: string): string {
    let encoded = this.cache.get(value);
    if (encoded === undefined) {
      encoded = this.encode(value);
      if (this.cache.size < 10_000) this.cache.set(value, encoded);
    }
    return encoded;
  }
}

/** The CSV of the initiatives at `indices` (in that order), with a header row, as one string. */
export function buildCsv(initiatives: readonly Initiative[], indices: ArrayLike<number>, options: CsvOptions = DEFAULT_CSV_OPTIONS): string {
  return buildCsvRecords(initiatives, indices, options).join('');
}

/**
 * The same CSV as its records (header first), each ending with its line break, ready for
 * `new Blob(records)`:
 * joining 100,000 records into one string first was a third of the export's time.
 * A tight loop over strings: 100,000 rows in well under a second (bench `export_100k_ms`).
 */
export function buildCsvRecords(initiatives: readonly Initiative[], indices: ArrayLike<number>, options: CsvOptions = DEFAULT_CSV_OPTIONS): string[] {
  const { separator, decimalSeparator, byteOrderMark, forSpreadsheets } = DIALECTS[options.dialect];
  const needsQuotes = separator === ';' ? NEEDS_QUOTES_SEMICOLON : NEEDS_QUOTES_COMMA;
  const cell = csvCellWriter(options.dialect);
  const repeated = new CellCache(cell);
  const codes = new CellCache((code) => (forSpreadsheets && looksNumeric(code) ? TEXT_MARK + code : cell(code)));
  // Initiatives share few theme combinations and (geocoded by commune) few points: format each once.
  const themeCells = new Map<number, string>();
  const numbers = new Map<number, string>();
  const number = (value: number) => {
    let text = numbers.get(value);
    if (text === undefined) {
      text = formatNumber(value, decimalSeparator);
      // `48,8566` unquoted is two cells for a reader that also splits on commas.
      if (forSpreadsheets && text.includes(separator === ';' ? ',' : separator)) text = `"${text}"`;
      if (numbers.size < 200_000) numbers.set(value, text);
    }
    return text;
  };
  const records: string[] = [byteOrderMark + CSV_COLUMNS.map((name) => quoteIfNeeded(name, needsQuotes)).join(separator) + LINE_END];
  // One array reused for every row: join() builds each line as one flat string, which keeps
  // the garbage collector (the main cost at 100,000 rows) mostly idle.
  // Themes and main theme share one slot (formatted together), hence one slot fewer than columns.
  const row: string[] = new Array<string>(CSV_COLUMNS.length - 1).fill('');
  for (let position = 0; position < indices.length; position += 1) {
    const initiative = initiatives[indices[position] as number];
    if (!initiative) continue;
    let themeKey = 0;
    for (const theme of initiative.themes) themeKey |= 1 << THEME_IDS.indexOf(theme);
    themeKey = themeKey * 8 + THEME_IDS.indexOf(initiative.themes[0] as ThemeId) + 1;
    let themes = themeCells.get(themeKey);
    if (themes === undefined) {
      const main = initiative.themes[0];
      themes =
        repeated.get(initiative.themes.map((theme) => getTheme(theme).label).join(LIST_JOINER)) +
        separator +
        repeated.get(main ? getTheme(main).label : '');
      themeCells.set(themeKey, themes);
    }
    row[0] = cell(initiative.id);
    row[1] = cell(initiative.name);
    row[2] = themes;
    row[3] = repeated.get(getTerritory(initiative.territory).label);
    row[4] = repeated.get(initiative.commune);
    row[5] = codes.get(initiative.insee);
    row[6] = codes.get(initiative.department);
    row[7] = repeated.get(getDepartment(initiative.department)?.name ?? '');
    let slot = LEADING_COLUMNS.length - 1;
    for (const property of TEXT_PROPERTIES as readonly TextPropertySpec[]) {
      const value = textProperty(initiative, property) ?? '';
      row[slot++] = cell(value && property.exportText ? property.exportText(value) : value);
    }
    row[slot++] = number(initiative.latitude);
    row[slot] = number(initiative.longitude);
    records.push(row.join(separator) + LINE_END);
  }
  return records;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** `<stem>-AAAA-MM-JJ.<extension>` (stem `initiatives-ess` by default), with the user's local date. */
export function exportFileName(date: Date, extension: 'csv' | 'geojson' | 'xlsx', stem = 'initiatives-ess'): string {
  return `${stem}-${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}.${extension}`;
}

export const CSV_MEDIA_TYPE = 'text/csv;charset=utf-8';

/**
 * A cell of {@link buildTableCsv}: text (neutralised and quoted like the export's), a number
 * (the dialect's decimal separator), or a code whose leading zeros a spreadsheet must keep.
 */
export type TableCell = string | number | { code: string };

/**
 * Any table (header, rows) in a dialect, with the export's rules: a cell is never run as a
 * formula, all-digit codes stay text in a spreadsheet, numbers use the decimal comma in
 * `excel-fr`. For the pipeline's work lists (initiatives to check again).
 */
export function buildTableCsv(header: readonly string[], rows: readonly (readonly TableCell[])[], options: CsvOptions = DEFAULT_CSV_OPTIONS): string {
  const { separator, decimalSeparator, byteOrderMark, forSpreadsheets } = DIALECTS[options.dialect];
  const needsQuotes = separator === ';' ? NEEDS_QUOTES_SEMICOLON : NEEDS_QUOTES_COMMA;
  const text = csvCellWriter(options.dialect);
  const cell = (value: TableCell): string => {
    if (typeof value === 'number') {
      const formatted = formatNumber(value, decimalSeparator);
      return forSpreadsheets && formatted.includes(',') ? `"${formatted}"` : formatted;
    }
    if (typeof value === 'string') return text(value);
    return forSpreadsheets && looksNumeric(value.code) ? TEXT_MARK + value.code : text(value.code);
  };
  const lines = [header.map((name) => quoteIfNeeded(name, needsQuotes)).join(separator), ...rows.map((row) => row.map(cell).join(separator))];
  return byteOrderMark + lines.map((line) => line + LINE_END).join('');
}
