/**
 * Writes a synthetic, deterministic CSV of initiatives placed on real communes, for the
 * pipeline's throughput measurement and the benchmark.
 * Usage: tsx scripts/generate-csv.ts --rows N --out FILE [--seed S]
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { THEME_IDS } from '../src/domain/themes';
import { TERRITORY_IDS } from '../src/domain/territories';
import { getGazetteer } from '../src/pipeline/gazetteer';

function argument(name: string, fallback?: string): string {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? process.argv[index + 1] : fallback;
  if (value === undefined) {
    console.error('usage : tsx scripts/generate-csv.ts --rows N --out FICHIER [--seed S]');
    process.exit(2);
  }
  return value;
}

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const rows = Number(argument('--rows'));
const out = argument('--out');
const next = random(Number(argument('--seed', '42')));
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
// Only communes of the départements the app covers (not the overseas collectivités).
const communes = getGazetteer().communes.filter((commune) => !commune.departmentCode.startsWith('98') && commune.departmentCode < '975');
const words = ['café', 'atelier', 'ressourcerie', 'jardin', 'épicerie', 'garage', 'coopérative', 'tiers-lieu', 'repair', 'solidaire', 'partagé', 'rural'];

mkdirSync(dirname(out), { recursive: true });
const file = openSync(out, 'w');
let buffer = 'id,nom,themes,territoire,commune,code_insee,code_postal,departement,description,forme_juridique,site_web,source\n';
for (let index = 0; index < rows; index += 1) {
  const commune = pick(communes);
  const themeCount = 1 + Math.floor(next() * 3);
  const themes = new Set<string>();
  while (themes.size < themeCount) themes.add(pick(THEME_IDS));
  const name = `${pick(words)} ${pick(words)} ${index}`;
  const description = `"Initiative ${pick(words)}, ${pick(words)} et ${pick(words)} à ${commune.name.replace(/"/g, '""')}."`;
  buffer +=
    `initiative-${index},${name},${[...themes].join('|')},${pick(TERRITORY_IDS)},"${commune.name}",${commune.code},${commune.postalCodes[0] ?? ''},${commune.departmentCode},` +
    `${description},association,https://example.org/${index},https://www.rtes.fr/\n`;
  if (buffer.length > 1 << 20) {
    writeSync(file, buffer);
    buffer = '';
  }
}
writeSync(file, buffer);
closeSync(file);
console.log(`${rows} lignes écrites dans ${out}`);
