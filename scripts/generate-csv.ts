/**
 * Writes a synthetic, deterministic CSV of initiatives placed on real communes, for the
 * pipeline's throughput measurement: the benchmark's own generator (bench/synthetic.ts).
 * Usage: tsx scripts/generate-csv.ts --rows N --out FILE [--seed S]
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CSV_COLUMNS, generateInitiatives, toCsvRow } from '../bench/synthetic';

function argument(name: string, fallback?: string): string {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? process.argv[index + 1] : fallback;
  if (value === undefined) {
    console.error('usage : tsx scripts/generate-csv.ts --rows N --out FICHIER [--seed S]');
    process.exit(2);
  }
  return value;
}

const rows = Number(argument('--rows'));
const out = argument('--out');
const seed = Number(argument('--seed', '42'));

mkdirSync(dirname(out), { recursive: true });
const file = openSync(out, 'w');
let buffer = `${CSV_COLUMNS.join(',')}\n`;
for (const initiative of generateInitiatives(rows, seed)) {
  buffer += `${toCsvRow(initiative)}\n`;
  if (buffer.length > 1 << 20) {
    writeSync(file, buffer);
    buffer = '';
  }
}
writeSync(file, buffer);
closeSync(file);
console.log(`${rows} lignes écrites dans ${out}`);
