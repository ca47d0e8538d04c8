/**
 * Writes the Excel file. Loaded only when someone asks for it (a dynamic import from
 * ExportControls): write-excel-file and its zip library stay out of the first download.
 */
import writeXlsxFile from 'write-excel-file/browser';
import type { SheetCell } from '../../domain/spreadsheet-export';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SHEET_NAME = 'Initiatives';

/** `A`, `B`, … `Z`, `AA`: a column's letters in a cell reference. */
function columnLetters(count: number): string {
  let letters = '';
  for (let rest = count; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/**
 * An autofilter on the header row (write-excel-file has none of its own): the `<autoFilter>`
 * element after the sheet's data, and the hidden name Excel keeps for it in the workbook.
 */
function autoFilterMarkup(columns: number, rows: number) {
  const range = `$A$1:$${columnLetters(columns)}$${Math.max(rows, 1)}`;
  return {
    sheet: (xml: string) => xml.replace('</sheetData>', `</sheetData><autoFilter ref="${range.replace(/\$/g, '')}"/>`),
    workbook: (xml: string) =>
      xml.replace(
        '</sheets>',
        `</sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${SHEET_NAME}!${range}</definedName></definedNames>`,
      ),
  };
}

const WIDTHS: Record<string, number> = { nom: 40, description: 60, 'site web': 30, source: 30, thèmes: 40 };

/** The rows (header first) as an `.xlsx`: typed cells, a frozen header row, an autofilter, no formula. */
export async function buildXlsx(rows: readonly SheetCell[][], header: readonly string[]): Promise<Blob> {
  const data = rows.map((row, index) =>
    row.map((cell) =>
      cell.type === 'number'
        ? { type: Number, value: cell.value }
        : { type: String, value: cell.value, ...(index === 0 ? { fontWeight: 'bold' as const } : {}) },
    ),
  );
  const filter = autoFilterMarkup(header.length, rows.length);
  return writeXlsxFile(
    data,
    { sheet: SHEET_NAME, stickyRowsCount: 1, columns: header.map((name) => ({ width: WIDTHS[name] ?? 16 })) },
    { features: [{ files: { transform: { 'xl/worksheets/sheet{id}.xml': { transform: filter.sheet }, 'xl/workbook.xml': { transform: filter.workbook } } } }] },
  ).toBlob();
}
