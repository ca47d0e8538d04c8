/** The INSEE communal density grid (`--densite`): rural or not, by commune code. */
import { readFileSync } from 'node:fs';
import { normalizeColumnName } from './column-names';
import { readCsvText } from './csv-reader';
import { PipelineFatalError } from './output-files';

/** INSEE density grid: commune code → level 1 (dense) … 7 (very sparse). */
export function loadDensityGrid(path: string): Map<string, number> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PipelineFatalError(`impossible de lire la grille de densité ${path} : ${(error as Error).message}`);
  }
  const grid = new Map<string, number>();
  let header: string[] | undefined;
  readCsvText(text, {
    onRecord(fields) {
      if (!header) {
        header = fields.map(normalizeColumnName);
        return;
      }
      const code = fields[header.indexOf('code_insee')]?.trim().toUpperCase();
      const level = Number(fields[header.indexOf('densite')]);
      if (code && Number.isInteger(level)) grid.set(code, level);
    },
    onUnreadableLine() {},
  });
  if (!header?.includes('code_insee') || !header.includes('densite')) {
    throw new PipelineFatalError(`grille de densité ${path} : colonnes code_insee et densite attendues`);
  }
  return grid;
}
