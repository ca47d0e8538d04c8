/**
 * Adds columns to a CSV of initiatives from another CSV, matched by `id`: for example contact
 * facts researched apart (adresse, email, telephone…) merged into data/initiatives.csv while
 * others edit its rows. Lines of the target are kept byte for byte; each gets its new cells
 * appended, so the merge reads as one column added in a diff.
 * Usage: tsx scripts/merge-columns.ts --into data/initiatives.csv --from facts.csv --columns adresse,email
 * Ids of `--from` missing from the target are listed, never added.
 * With --replace, columns this script appended before (the last ones of the target, written as it
 * writes them) are cut and merged again, so a researched file can be re-merged after an edit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';

function argument(name: string): string {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (value === undefined) {
    console.error('usage : tsx scripts/merge-columns.ts --into CIBLE.csv --from FAITS.csv --columns col1,col2');
    process.exit(2);
  }
  return value;
}

/** RFC 4180 quoting, only when needed. */
function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The records of a comma CSV with the offset where each ends (after its line break, if any). */
function recordsWithEnds(text: string): { fields: string[]; end: number }[] {
  const records: { fields: string[]; end: number }[] = [];
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: false,
    step: (row) => {
      records.push({ fields: row.data, end: row.meta.cursor });
    },
  });
  return records;
}

const target = argument('--into');
const columns = argument('--columns').split(',').map((column) => column.trim()).filter(Boolean);
const text = readFileSync(target, 'utf8');
const facts = Papa.parse<Record<string, string>>(readFileSync(argument('--from'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const factsById = new Map(facts.map((row) => [row.id ?? '', row]));

const records = recordsWithEnds(text);
const header = records[0]?.fields ?? [];
const already = columns.filter((column) => header.includes(column));
const replace = process.argv.includes('--replace') && already.length > 0;
if (already.length > 0 && !(replace && header.slice(-columns.length).join(',') === columns.join(','))) {
  console.error(`colonne(s) déjà présente(s) dans ${target} : ${already.join(', ')}` + (process.argv.includes('--replace') ? ' (--replace : elles doivent être les dernières, dans cet ordre)' : ''));
  process.exit(2);
}

/** The line without the cells this script appended to it, or undefined when they are not as it writes them. */
function withoutMergedCells(body: string, fields: string[]): string | undefined {
  const suffix = `,${fields.slice(-columns.length).map(csvCell).join(',')}`;
  return body.endsWith(suffix) ? body.slice(0, body.length - suffix.length) : undefined;
}
const idIndex = header.indexOf('id');
if (idIndex < 0) {
  console.error(`pas de colonne id dans ${target}`);
  process.exit(2);
}

let output = '';
let start = 0;
const merged = new Set<string>();
records.forEach((record, position) => {
  // papaparse's cursor is past the record's line break: the new cells go before it.
  const slice = text.slice(start, record.end);
  start = record.end;
  const lineBreak = /\r\n$|\n$|\r$/.exec(slice)?.[0] ?? '';
  let body = slice.slice(0, slice.length - lineBreak.length);
  if (record.fields.length === 1 && record.fields[0] === '') {
    output += slice; // a blank line stays blank
    return;
  }
  if (replace) {
    const kept = withoutMergedCells(body, record.fields);
    if (kept === undefined) {
      console.error(`${target}, enregistrement ${position + 1} : les dernières cellules ne sont pas celles que ce script écrit`);
      process.exit(2);
    }
    body = kept;
  }
  const id = record.fields[idIndex] ?? '';
  const row = position === 0 ? undefined : factsById.get(id);
  if (row) merged.add(id);
  const cells = columns.map((column) => (position === 0 ? column : csvCell(row?.[column]?.trim() ?? '')));
  output += `${body},${cells.join(',')}${lineBreak}`;
});
output += text.slice(start);
writeFileSync(target, output);

const unknown = [...factsById.keys()].filter((id) => !merged.has(id));
console.log(`${merged.size} ligne(s) complétée(s) dans ${target} (${columns.join(', ')})`);
if (unknown.length > 0) console.log(`id absents de ${target} : ${unknown.join(', ')}`);
