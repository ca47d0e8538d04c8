import { TEXT_PROPERTIES, textProperty, type Initiative, type TextPropertySpec } from './initiative';
import { CSV_COLUMNS } from './csv-export';
import { getTheme } from './themes';
import { getTerritory } from './territories';
import { getDepartment } from './departments';

/**
 * One typed cell of the Excel export. Codes and ids are text (a spreadsheet keeps `01197` and
 * `2A004` as written), coordinates are numbers; nothing is ever a formula: a text that starts
 * with `=` stays that text.
 */
export type SheetCell = { type: 'text'; value: string } | { type: 'number'; value: number };

/** The same columns as the CSV export, in the same order (docs/export.md). */
export const SHEET_COLUMNS = CSV_COLUMNS;

const text = (value: string): SheetCell => ({ type: 'text', value });

/** The header row, then one row per initiative at `indices`, in that order (the list's). */
export function spreadsheetRows(initiatives: readonly Initiative[], indices: ArrayLike<number>): SheetCell[][] {
  const rows: SheetCell[][] = [SHEET_COLUMNS.map((name) => text(name))];
  for (let position = 0; position < indices.length; position += 1) {
    const initiative = initiatives[indices[position] as number];
    if (!initiative) continue;
    const main = initiative.themes[0];
    rows.push([
      text(initiative.id),
      text(initiative.name),
      text(initiative.themes.map((theme) => getTheme(theme).label).join(' ; ')),
      text(main ? getTheme(main).label : ''),
      text(getTerritory(initiative.territory).label),
      text(initiative.commune),
      text(initiative.insee),
      text(initiative.department),
      text(getDepartment(initiative.department)?.name ?? ''),
      ...(TEXT_PROPERTIES as readonly TextPropertySpec[]).map((property) => {
        const value = textProperty(initiative, property) ?? '';
        // As in the CSV: the phone in its French form, the SIRET grouped.
        return text(value && property.exportText ? property.exportText(value) : value);
      }),
      { type: 'number', value: initiative.latitude },
      { type: 'number', value: initiative.longitude },
    ]);
  }
  return rows;
}
