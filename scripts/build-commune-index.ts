/**
 * Writes public/data/communes.json, the compact gazetteer the browser's offline commune search
 * loads: one array per current commune,
 * [code, name, departmentCode, longitude, latitude, population], in code order.
 * Usage: tsx scripts/build-commune-index.ts [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getGazetteer } from '../src/pipeline/gazetteer';

export type CommuneIndexEntry = [code: string, name: string, departmentCode: string, longitude: number, latitude: number, population: number];

export function buildCommuneIndex(): CommuneIndexEntry[] {
  return getGazetteer().communes.map((commune) => [
    commune.code,
    commune.name,
    commune.departmentCode,
    commune.longitude,
    commune.latitude,
    commune.population,
  ]);
}

function main(): void {
  const outIndex = process.argv.indexOf('--out');
  const outPath = outIndex >= 0 ? (process.argv[outIndex + 1] ?? '') : 'public/data/communes.json';
  if (!outPath) {
    console.error('--out demande un chemin de fichier');
    process.exit(2);
  }
  const entries = buildCommuneIndex();
  mkdirSync(dirname(outPath), { recursive: true });
  // One commune per line keeps the file diffable while staying compact.
  writeFileSync(outPath, `[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`);
  console.log(`${entries.length} communes écrites dans ${outPath}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}
