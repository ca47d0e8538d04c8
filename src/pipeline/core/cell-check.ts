/**
 * What a cell may not carry into the map and the exports: control characters (NUL, ESC,
 * BEL…) and bidirectional overrides (« Café ‮gnp.exe‬ ») are removed, with a warning that shows
 * them escaped; bytes that were not valid UTF-8 (decoded as U+FFFD) reject the row, naming
 * its column, rather than publishing a garbled value. Pure (CLI and browser).
 *
 * Cheap for clean files: the CSV reader tests each chunk once and only the records of a chunk
 * holding such a character are checked cell by cell.
 */
import { escapeUnsafe, UNSAFE_CHARACTERS } from '../../domain/safe-text';

export interface CellMessage {
  column: string;
  message: string;
}

/** What the check found in one record; null when nothing. */
export interface CellCheck {
  /** Set when the row cannot be published (undecodable bytes). */
  rejected?: CellMessage[];
  /** Characters removed: the row is published without them. */
  warnings?: CellMessage[];
}

/** Anything the cell check acts on, tested once per chunk of CSV text. */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/;

export function mayNeedCellCheck(text: string): boolean {
  return SUSPECT.test(text);
}

const REPLACEMENT = '\ufffd';

/**
 * Checks (and cleans, in place) the fields of one record; `columns` are the header's names.
 * Returns null when every cell is clean.
 */
export function checkCells(fields: string[], columns: readonly string[]): CellCheck | null {
  let check: CellCheck | null = null;
  for (let index = 0; index < fields.length; index += 1) {
    const value = fields[index] as string;
    if (!SUSPECT.test(value)) continue;
    const column = columns[index] || `colonne ${index + 1}`;
    check ??= {};
    const replaced = value.indexOf(REPLACEMENT);
    if (replaced >= 0) {
      (check.rejected ??= []).push({
        column,
        message: `caractère illisible (octets qui ne sont pas de l’UTF-8) au caractère ${replaced + 1} de la valeur : la ligne n’est pas publiée ; corrigez la valeur ou enregistrez le fichier en « CSV UTF-8 »`,
      });
      continue;
    }
    const removed = [...new Set(value.match(UNSAFE_CHARACTERS) ?? [])];
    fields[index] = value.replace(UNSAFE_CHARACTERS, '');
    (check.warnings ??= []).push({
      column,
      message: `caractère(s) de contrôle ou d’inversion du sens d’écriture supprimé(s) : ${removed.map(escapeUnsafe).join(' ')}`,
    });
  }
  return check;
}
