import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import type { Initiative } from '../../../src/domain/initiative';
import {
  buildCsv,
  buildCsvRecords,
  CSV_COLUMNS,
  exportFileName,
  neutralizeFormula,
  restoreNeutralized,
  TEXT_MARK,
} from '../../../src/domain/csv-export';
import { anInitiative } from '../../support/builders';

function initiative(overrides: Partial<Initiative> = {}): Initiative {
  return anInitiative({
    id: 'collectif-gare',
    name: 'Collectif de la gare',
    themes: ['mobilite', 'tiers-lieux'],
    territory: 'rural',
    commune: 'Chaumont',
    insee: '52121',
    department: '52',
    description: 'Atelier vélo solidaire',
    source: 'https://example.org/collectif',
    website: 'https://collectif.example',
    legalForm: 'Association',
    longitude: 5.1392,
    latitude: 48.1114,
    approximate: false,
    ...overrides,
  });
}

function parse(csv: string, delimiter: string): string[][] {
  const result = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter, newline: '\r\n', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('CSV export for French spreadsheets (default)', () => {
  it('starts with a UTF-8 BOM, separates with ; and ends lines with CRLF', () => {
    const csv = buildCsv([initiative()], [0]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe('\uFEFF' + CSV_COLUMNS.join(';'));
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes the documented columns with labels, not ids', () => {
    const [header, row] = parse(buildCsv([initiative()], [0]), ';');
    const record = Object.fromEntries((header ?? []).map((name, index) => [name, row?.[index]]));
    expect(record).toEqual({
      id: 'collectif-gare',
      nom: 'Collectif de la gare',
      thèmes: 'Mobilité ; Tiers-lieux et autres lieux multi-activités',
      'thème principal': 'Mobilité',
      territoire: 'Rural',
      commune: 'Chaumont',
      'code INSEE': `${TEXT_MARK}52121`,
      'département (code)': `${TEXT_MARK}52`,
      'département (nom)': 'Haute-Marne',
      description: 'Atelier vélo solidaire',
      'forme juridique': 'Association',
      'site web': 'https://collectif.example',
      source: 'https://example.org/collectif',
      adresse: '',
      'e-mail': '',
      téléphone: '',
      horaires: '',
      SIRET: '',
      'vérifié en': '',
      latitude: '48,1114',
      longitude: '5,1392',
    });
  });

  it('writes the facts people can act on, phone and SIRET as a spreadsheet keeps them as text (a leading + would read as a formula)', () => {
    const facts = {
      address: '12 avenue de la Clairette, 26150 Die',
      email: 'contact@garage.fr',
      phone: '+262262123456',
      openingHours: 'Mo-Fr 09:00-18:00',
      siret: '13002526500013',
      verifiedAt: '2025-03',
    };
    const [header, row] = parse(buildCsv([initiative(facts)], [0]), ';');
    const record = Object.fromEntries((header ?? []).map((name, index) => [name, row?.[index]]));
    expect(record).toMatchObject({
      adresse: '12 avenue de la Clairette, 26150 Die',
      'e-mail': 'contact@garage.fr',
      téléphone: '02 62 12 34 56',
      horaires: 'Mo-Fr 09:00-18:00',
      SIRET: '130 025 265 00013',
      'vérifié en': '2025-03',
    });
  });

  it('keeps coordinates as plain numbers with a decimal comma, negative ones included', () => {
    const csv = buildCsv([initiative({ longitude: -4.5, latitude: 47.99 })], [0]);
    const row = parse(csv, ';')[1] ?? [];
    expect(row.slice(-2)).toEqual(['47,99', '-4,5']);
  });

  it('survives LibreOffice splitting on commas: coordinates and commas in text are quoted', () => {
    const csv = buildCsv([initiative({ longitude: -4.5, latitude: 47.99, description: 'Café, épicerie' })], [0]);
    const line = csv.split('\r\n')[1] ?? '';
    expect(line).toContain('"Café, épicerie"');
    expect(line.endsWith('"47,99";"-4,5"')).toBe(true);
  });

  it('marks all-digit codes as text for spreadsheets, and only for them', () => {
    const row = parse(buildCsv([initiative({ insee: '01197', department: '01' })], [0]), ';')[1] ?? [];
    expect(row).toContain(`${TEXT_MARK}01197`);
    expect(row).toContain(`${TEXT_MARK}01`);
    const corsica = parse(buildCsv([initiative({ insee: '2A004', department: '2A' })], [0]), ';')[1] ?? [];
    expect(corsica).toContain('2A004');
    const standard = parse(buildCsv([initiative({ insee: '01197', department: '01' })], [0], { dialect: 'rfc4180' }), ',')[1] ?? [];
    expect(standard).toContain('01197');
    expect(standard.join('')).not.toContain(TEXT_MARK);
  });

  it('writes the rows in the order of the given indices, and only those', () => {
    const list = [initiative({ id: 'a' }), initiative({ id: 'b' }), initiative({ id: 'c' })];
    const rows = parse(buildCsv(list, [2, 0]), ';');
    expect(rows.slice(1).map((row) => row[0])).toEqual(['c', 'a']);
  });

  it('gives the download one record per initiative, a multi-line description kept inside its record', () => {
    const list = [initiative({ id: 'a', description: 'première ligne\nseconde ligne' }), initiative({ id: 'b' })];
    const records = buildCsvRecords(list, [0, 1]);
    expect(records).toHaveLength(3);
    expect(records.every((record) => record.endsWith('\r\n'))).toBe(true);
    expect(records[1]).toContain('"première ligne\nseconde ligne"');
    expect(records.join('')).toBe(buildCsv(list, [0, 1]));
  });

  it('writes only the header for an empty list', () => {
    expect(parse(buildCsv([initiative()], []), ';')).toHaveLength(1);
  });
});

describe('standard comma CSV (RFC 4180)', () => {
  it('has no BOM, separates with , and keeps decimal points', () => {
    const csv = buildCsv([initiative({ longitude: -4.5 })], [0], { dialect: 'rfc4180' });
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.map((name) => (name.includes(',') ? `"${name}"` : name)).join(','));
    const row = parse(csv, ',')[1] ?? [];
    expect(row.slice(-2)).toEqual(['48.1114', '-4.5']);
    expect(Number(row.at(-1))).toBe(-4.5);
  });

  it('quotes separators, quotes and line breaks instead of stripping them', () => {
    const description = 'Café, "solidaire"; ouvert\r\nle lundi\net le mardi';
    const csv = buildCsv([initiative({ description })], [0], { dialect: 'rfc4180' });
    expect(csv).toContain('"Café, ""solidaire""; ouvert\r\nle lundi\net le mardi"');
    expect(parse(csv, ',')[1]?.[9]).toBe(description);
  });
});

describe('formula neutralisation (OWASP CSV injection)', () => {
  const dangerous = [
    '=1+1',
    '+33 6 12 34 56 78',
    '-5',
    '@SUM(A1:A2)',
    '\t=1+1',
    '\r=1+1',
    '=HYPERLINK("http://evil.example","clic")\nseconde ligne',
    '  =1+1',
    '\n=1+1',
    '\u00a0@cmd',
    "'=déjà neutralisé",
  ];

  it.each(dangerous)('prefixes %j with a quote in every text column', (value) => {
    const hostile = initiative({
      id: value, name: value, commune: value, description: value, legalForm: value, website: value, source: value,
    });
    for (const dialect of ['excel-fr', 'rfc4180'] as const) {
      const rows = parse(buildCsv([hostile], [0], { dialect }), dialect === 'excel-fr' ? ';' : ',');
      const row = rows[1] ?? [];
      for (const column of [0, 1, 5, 9, 10, 11, 12]) {
        expect(row[column]).toBe(`'${value}`);
      }
    }
  });

  it.each(['Café associatif', 'a=b', 'x-y', '5 rue de la Paix', 'mail@example.org', ''])('leaves the harmless %j untouched', (value) => {
    expect(neutralizeFormula(value)).toBe(value);
  });

  it('never escapes the numeric coordinates', () => {
    const row = parse(buildCsv([initiative({ longitude: -61.5, latitude: -21.1 })], [0], { dialect: 'rfc4180' }), ',')[1] ?? [];
    expect(row.slice(-2)).toEqual(['-21.1', '-61.5']);
  });

  it('gives back every text value after a parse and removing the neutralising quote (property)', () => {
    const hostileCharacter = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', ';', ',', "'", ' ', '\u00a0', 'é', 'a');
    const hostileString = fc.oneof(
      fc.string(),
      fc.array(hostileCharacter, { maxLength: 12 }).map((characters) => characters.join('')),
      fc.tuple(fc.array(hostileCharacter, { maxLength: 4 }), fc.string()).map(([head, tail]) => head.join('') + tail),
    );
    fc.assert(
      fc.property(hostileString, hostileString, fc.constantFrom('excel-fr' as const, 'rfc4180' as const), (name, description, dialect) => {
        const csv = buildCsv([initiative({ name, description })], [0], { dialect });
        const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: dialect === 'excel-fr' ? ';' : ',', newline: '\r\n' }).data;
        const row = rows[1] ?? [];
        expect(row).toHaveLength(CSV_COLUMNS.length);
        expect(restoreNeutralized(row[1] ?? '')).toBe(name);
        expect(restoreNeutralized(row[9] ?? '')).toBe(description);
        // What a spreadsheet sees never starts a formula.
        expect(row[1]).not.toMatch(/^\s*[=+\-@]/);
        expect(row[9]).not.toMatch(/^\s*[=+\-@]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('file name', () => {
  it('carries the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 30), 'csv')).toBe('initiatives-ess-2026-01-05.csv');
    expect(exportFileName(new Date(2026, 10, 27), 'geojson')).toBe('initiatives-ess-2026-11-27.geojson');
  });
});
