import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  communeLabel,
  createCommuneIndex,
  parseCommuneRecords,
  searchCommunes,
  type CommuneRecord,
} from '../../../src/domain/commune-search';

const require = createRequire(import.meta.url);
// Plain JSON.parse: much faster than importing 10 MB of JSON through the test transform.
const readJson = (specifier: string): unknown => JSON.parse(readFileSync(require.resolve(specifier), 'utf8'));
const communesData = readJson('@etalab/decoupage-administratif/data/communes.json');
const boxesData = readJson('@etalab/fr-bounding-boxes/dist/communes.json');

// The same shape the pipeline's commune index has, built here from the same public sources
// (COG communes + their bounding-box centres), so the tests search all of France.
interface CogCommune { code: string; nom: string; departement: string; type: string; population?: number }
const centres = new Map(
  (boxesData as { id: string; bbox: [number, number, number, number] }[]).map((box) => [
    box.id.replace('fr:commune:', ''),
    [(box.bbox[0] + box.bbox[2]) / 2, (box.bbox[1] + box.bbox[3]) / 2] as const,
  ]),
);
const records: CommuneRecord[] = (communesData as CogCommune[])
  .filter((commune) => commune.type === 'commune-actuelle' && centres.has(commune.code))
  .map((commune) => {
    const [longitude, latitude] = centres.get(commune.code)!;
    return [commune.code, commune.nom, commune.departement, longitude, latitude, commune.population ?? 0];
  });
const index = createCommuneIndex(parseCommuneRecords(records));

function names(query: string, limit = 10): string[] {
  return searchCommunes(index, query, limit).map((match) => communeLabel(match.commune));
}

describe('commune search over all of France', () => {
  it('holds tens of thousands of communes', () => {
    expect(index.communes.length).toBeGreaterThan(34_000);
  });

  it('finds a small commune by its exact name and names its département', () => {
    expect(names('Vaillant')[0]).toBe('Vaillant (52 — Haute-Marne)');
  });

  it('ignores accents, case, hyphens and apostrophes', () => {
    expect(names('besancon')[0]).toBe('Besançon (25 — Doubs)');
    expect(names('SAINT ETIENNE')[0]).toBe('Saint-Étienne (42 — Loire)');
    expect(names('l abergement clemenciat')[0]).toBe("L'Abergement-Clémenciat (01 — Ain)");
    expect(names('labergement-clemenciat')[0]).toBe("L'Abergement-Clémenciat (01 — Ain)");
  });

  it('reads « st » and « ste » as saint and sainte', () => {
    expect(names('st etienne')[0]).toBe('Saint-Étienne (42 — Loire)');
    expect(names('Ste-Maxime')[0]).toBe('Sainte-Maxime (83 — Var)');
  });

  it('still lets « st » begin a name such as Strasbourg', () => {
    expect(names('st')).toContain('Strasbourg (67 — Bas-Rhin)');
    expect(names('stras')[0]).toBe('Strasbourg (67 — Bas-Rhin)');
  });

  it('lists every homonym with its own département, most populous first', () => {
    const matches = searchCommunes(index, 'Sainte-Colombe', 20).filter((match) => match.commune.name === 'Sainte-Colombe');
    expect(matches.length).toBeGreaterThanOrEqual(10);
    const departments = matches.map((match) => match.commune.departmentCode);
    expect(new Set(departments).size).toBe(departments.length);
    const populations = matches.map((match) => match.commune.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    expect(new Set(matches.map((match) => communeLabel(match.commune))).size).toBe(matches.length);
  });

  it('narrows homonyms with a trailing département code', () => {
    const matches = searchCommunes(index, 'Sainte-Colombe 77');
    expect(matches[0]?.commune.name).toBe('Sainte-Colombe');
    expect(matches.every((match) => match.commune.departmentCode === '77')).toBe(true);
    expect(searchCommunes(index, 'Vaillant (52)')[0]?.commune.code).toBe('52499');
    expect(searchCommunes(index, 'Vaillant 62')).toEqual([]);
  });

  it('puts names that start with the text before names that merely contain a word starting with it', () => {
    const results = searchCommunes(index, 'Paris', 30);
    expect(results[0]?.commune.name).toBe('Paris');
    const firstWordMatch = results.findIndex((match) => !index.keys[index.communes.indexOf(match.commune)]!.startsWith('paris'));
    const lastPrefixMatch = results.map((match) => index.keys[index.communes.indexOf(match.commune)]!.startsWith('paris')).lastIndexOf(true);
    expect(firstWordMatch === -1 || lastPrefixMatch < firstWordMatch).toBe(true);
  });

  it('orders prefix matches by population', () => {
    const results = searchCommunes(index, 'mar', 10);
    expect(results[0]?.commune.name).toBe('Marseille');
    const populations = results.filter((match) => match.rank === results[0]!.rank).map((match) => match.commune.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('finds a commune by a word inside its name', () => {
    expect(names('Abergement', 20)).toContain("L'Abergement-Clémenciat (01 — Ain)");
  });

  it('finds a commune by its INSEE code, Corsica included', () => {
    expect(names('52499')).toEqual(['Vaillant (52 — Haute-Marne)']);
    expect(names('2a004')[0]).toBe('Ajaccio (2A — Corse-du-Sud)');
  });

  it('returns nothing for text no commune matches, and for empty text', () => {
    expect(names('zzzzqx')).toEqual([]);
    expect(names('   ')).toEqual([]);
  });

  it('answers every keystroke while a name is typed, repeated keystrokes alike', () => {
    const keystrokes = ['v', 'va', 'vai', 'vail', 'vaill', 'vailla', 'vaillan', 'vaillant'];
    const answers = keystrokes.map((query) => names(query));
    expect(answers.every((answer) => answer.length > 0)).toBe(true);
    expect(answers.at(-1)?.[0]).toBe('Vaillant (52 — Haute-Marne)');
    // Typing the same text again (backspace then retype) gives the same answer.
    expect(keystrokes.map((query) => names(query))).toEqual(answers);
  });
});

describe('reading the commune file', () => {
  it('skips malformed rows and keeps the good ones', () => {
    const communes = parseCommuneRecords([
      ['52499', 'Vaillant', '52', 5.15, 47.73, 46],
      ['x', 'Sans coordonnées', '52'],
      ['52121', 'Chaumont', '52', 'NaN', 48.1, 22000],
      null,
      ['52448', 'Saint-Dizier', '52', 4.95, 48.64, 23000],
    ]);
    expect(communes.map((commune) => commune.name)).toEqual(['Vaillant', 'Saint-Dizier']);
  });

  it('refuses a file that is not a list', () => {
    expect(() => parseCommuneRecords({ communes: [] })).toThrow();
  });
});
