/**
 * The first sheet of an Excel workbook (.xlsx) as records for the row rules, the same in the
 * CLI and in the browser. read-excel-file reads the cells: formulas give their cached values
 * (we never evaluate them), numbers stay numbers until written here as text (« 1053 », which
 * the row rules pad to « 01053 » as for a CSV from Excel), dates typed as dates become ISO
 * text (« 2025-03-01 »). A record's line is its row number in the sheet.
 */
import readXlsxFile from 'read-excel-file/universal';
import { checkRecords, type CheckedTable, type CheckOptions } from './check-table';
import type { CsvHandlers } from './csv-records';
import { PipelineFatalError, XLSX_READING } from './table-run';

export type SheetCell = string | number | boolean | Date | null | undefined | object;

/** The workbook's first sheet, rows of cells; a PipelineFatalError in French when it cannot be read. */
export async function readFirstSheet(bytes: ArrayBuffer): Promise<{ name: string; rows: SheetCell[][] }> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(bytes)) as unknown as { sheet: string; data: unknown[][] }[];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PipelineFatalError(`ce fichier n’est pas un classeur Excel (.xlsx) lisible (${detail.slice(0, 120)}) ; enregistrez-le au format .xlsx ou CSV`);
  }
  const first = sheets[0];
  if (!first || first.data.length === 0 || first.data.every((row) => row.every((cell) => cellText(cell as SheetCell) === ''))) {
    throw new PipelineFatalError(`la première feuille${first ? ` (« ${first.sheet} »)` : ''} est vide : mettez-y l’en-tête (id, nom, themes, commune…) et les lignes`);
  }
  return { name: first.sheet, rows: first.data as SheetCell[][] };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A cell as the text a CSV export would hold. */
export function cellText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const day = `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    const time = cell.getUTCHours() + cell.getUTCMinutes() + cell.getUTCSeconds() === 0 ? '' : `T${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}:${pad(cell.getUTCSeconds())}`;
    return day + time;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'VRAI' : 'FAUX';
  return '';
}

/**
 * A header cell left empty between named ones, over a column that holds values: what merged
 * header cells look like once read (only the first cell keeps the text).
 */
function unnamedColumnWithValues(rows: readonly SheetCell[][], headerIndex: number): number {
  const header = (rows[headerIndex] ?? []).map(cellText);
  const lastNamed = header.reduce((last, name, index) => (name.trim() ? index : last), -1);
  for (let column = 0; column < lastNamed; column += 1) {
    if ((header[column] ?? '').trim()) continue;
    if (rows.some((row, index) => index > headerIndex && cellText(row[column]).trim() !== '')) return column;
  }
  return -1;
}

function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** Hands the sheet's rows to the CSV handlers, with their row numbers. */
export function feedSheetRows(rows: readonly SheetCell[][], handlers: CsvHandlers): void {
  const headerIndex = rows.findIndex((row) => row.some((cell) => cellText(cell).trim() !== ''));
  const unnamed = unnamedColumnWithValues(rows, headerIndex);
  if (unnamed >= 0) {
    throw new PipelineFatalError(
      `en-tête (ligne ${headerIndex + 1}) : la colonne ${columnLetter(unnamed)} a des valeurs mais pas de nom — cellules d’en-tête fusionnées ? Défusionnez-les et nommez chaque colonne`,
    );
  }
  // Every row through the cell check: a sheet is small, and its cells may hold control characters too.
  rows.forEach((row, index) => handlers.onRecord(row.map(cellText), index + 1, undefined, true));
}

/** An .xlsx file checked as `npm run data` checks it. */
export async function checkXlsxBytes(bytes: ArrayBuffer, options: CheckOptions): Promise<CheckedTable> {
  const sheet = await readFirstSheet(bytes);
  return checkRecords(options, XLSX_READING, (handlers) => {
    feedSheetRows(sheet.rows, handlers);
    options.onProgress?.(1);
    return '';
  });
}
