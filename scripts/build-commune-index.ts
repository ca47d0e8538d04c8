/**
 * Writes the compact commune index the browser reads (src/pipeline/core/communes.ts), the
 * same data the CLI geocodes from:
 * - public/data/communes.json: one array per current commune, in code order,
 *   [code, name, departmentCode, longitude, latitude, population, postalCodes, approximate];
 *   the commune search reads the first six fields, the geocoder all of them;
 * - public/data/communes-anciennes.json: former communes and municipal arrondissements,
 *   [code, name, kind, departmentCode, currentCode, postalCodes, longitude?, latitude?].
 * Usage: tsx scripts/build-commune-index.ts [--out FILE] (the former communes go beside FILE)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { communeIndexOf, type CommuneIndex } from '../src/pipeline/core/communes';
import { getGazetteer } from '../src/pipeline/gazetteer';

/** File name of the former communes, beside communes.json. */
export const FORMER_COMMUNES_FILE = 'communes-anciennes.json';

export function buildCommuneIndex(): CommuneIndex {
  return communeIndexOf(getGazetteer());
}

/** One entry per line keeps the file diffable while staying compact. */
function jsonLines(entries: readonly unknown[]): string {
  return `[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`;
}

function main(): void {
  const outIndex = process.argv.indexOf('--out');
  const outPath = outIndex >= 0 ? (process.argv[outIndex + 1] ?? '') : 'public/data/communes.json';
  if (!outPath) {
    console.error('--out demande un chemin de fichier');
    process.exit(2);
  }
  const index = buildCommuneIndex();
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, jsonLines(index.communes));
  writeFileSync(join(dirname(outPath), FORMER_COMMUNES_FILE), jsonLines(index.formerCommunes));
  console.log(`${index.communes.length} communes et ${index.formerCommunes.length} anciennes communes écrites dans ${dirname(outPath)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}
