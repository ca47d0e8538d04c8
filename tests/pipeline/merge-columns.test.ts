import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../..');

function merge(into: string, from: string, ...options: string[]): void {
  execFileSync('npx', ['tsx', 'scripts/merge-columns.ts', '--into', into, '--from', from, '--columns', 'adresse,telephone', ...options], {
    cwd: projectRoot,
    stdio: 'pipe',
  });
}

// Researched facts are merged into data/initiatives.csv, then corrected and merged again:
// the second merge must give what a first merge of the corrected facts gives, byte for byte.
describe('scripts/merge-columns.ts', () => {
  const original = 'id,nom,description\r\na,Épicerie A,"Deux lignes,\r\nune virgule"\r\nb,Garage B,simple\r\n';

  it('appends the researched columns by id and, with --replace, merges corrected facts again', () => {
    const directory = mkdtempSync(join(tmpdir(), 'carte-ess-merge-'));
    const target = join(directory, 'initiatives.csv');
    const facts = join(directory, 'facts.csv');
    writeFileSync(target, original);
    writeFileSync(facts, 'id,adresse,telephone\nb,"1 rue X, 26400 Crest",04 75 00 00 00\n');
    merge(target, facts);
    expect(readFileSync(target, 'utf8')).toBe(
      'id,nom,description,adresse,telephone\r\na,Épicerie A,"Deux lignes,\r\nune virgule",,\r\nb,Garage B,simple,"1 rue X, 26400 Crest",04 75 00 00 00\r\n',
    );

    writeFileSync(facts, 'id,adresse,telephone\na,"2 place Y, Crest",\n');
    merge(target, facts, '--replace');
    const fresh = join(directory, 'fresh.csv');
    writeFileSync(fresh, original);
    merge(fresh, facts);
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(fresh, 'utf8'));
  }, 30_000);

  it('refuses to add columns the target already has, unless told to replace them', () => {
    const directory = mkdtempSync(join(tmpdir(), 'carte-ess-merge-'));
    const target = join(directory, 'initiatives.csv');
    const facts = join(directory, 'facts.csv');
    writeFileSync(target, 'id,adresse,telephone\na,,\n');
    writeFileSync(facts, 'id,adresse,telephone\na,x,\n');
    expect(() => merge(target, facts)).toThrow();
    expect(readFileSync(target, 'utf8')).toBe('id,adresse,telephone\na,,\n');
  }, 30_000);
});
