/**
 * `npm run data -- … --a-reverifier N`: the published initiatives not checked for N months
 * (or never), as a French-spreadsheet CSV to work from. Real runs of the CLI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { TEXT_MARK } from '../../src/domain/csv-export';
import { temporaryDirectory } from './helpers';

const CLI = ['--import', 'tsx', 'src/pipeline/cli.ts'];
/** 7 December 2026, 12:00 UTC. */
const REFERENCE = String(Date.UTC(2026, 11, 7, 12) / 1000);

const HEADER = 'id,nom,themes,territoire,commune,code_insee,code_postal,departement,description,forme_juridique,site_web,source,telephone,date_verification';
const ROWS = [
  'ancienne,Ancienne,tiers-lieux,rural,Vaillant,52499,,,,,,https://exemple.org/a,04 75 00 00 00,2024-03',
  'recente,Récente,mobilite,urbain,Le Havre,,,,,,,https://exemple.org/b,,2026-10-15',
  'jamais,Jamais vérifiée,mobilite,urbain,Vaillant,52499,,,,,,,,',
  'futur,"=HYPERLINK(""http://x"")",mobilite,urbain,Le Havre,,,,,,,,,2099-01',
  'limite,Juste 18 mois,mobilite,urbain,Le Havre,,,,,,,,,2025-06',
  'rejetee,Rejetée,mobilite,urbain,Commune-Qui-N-Existe-Pas,,,,,,,,,2019-01',
];

function cli(args: string[], epoch = REFERENCE) {
  const result = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: epoch } });
  return { status: result.status, stderr: result.stderr };
}

function setUp(): { directory: string; input: string; output: string } {
  const directory = temporaryDirectory();
  const input = join(directory, 'initiatives.csv');
  writeFileSync(input, `${[HEADER, ...ROWS].join('\n')}\n`);
  return { directory, input, output: join(directory, 'out', 'initiatives.geojson') };
}

/** The list as a spreadsheet reads it: header and rows, `;`, BOM and CRLF checked on the way. */
function readList(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, delimiter: ';', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('npm run data -- --a-reverifier N', { timeout: 120_000 }, () => {
  it('lists the published rows checked more than N months before the reference date, never checked, or with an invalid date, beside the report', () => {
    const { directory, input, output } = setUp();
    const report = join(directory, 'rapports', 'rapport.json');
    const { status, stderr } = cli(['--in', input, '--out', output, '--report', report, '--a-reverifier', '18']);
    expect(status, stderr).toBe(0);
    const listPath = join(directory, 'rapports', 'a-reverifier.csv');
    expect(stderr).toContain(`3 initiative(s) à revérifier (date de vérification de plus de 18 mois, absente ou invalide) : ${listPath}`);
    const rows = readList(listPath);
    expect(rows.map((row) => [row.ligne, row.id, row['mois écoulés'], row.motif])).toEqual([
      ['2', 'ancienne', '33', 'vérifiée il y a plus de 18 mois'],
      ['4', 'jamais', '', 'jamais vérifiée (date_verification vide)'],
      ['5', 'futur', '', 'date de vérification invalide (voir le rapport)'],
    ]);
    const [ancienne, jamais, futur] = rows as [Record<string, string>, Record<string, string>, Record<string, string>];
    expect(ancienne).toMatchObject({ nom: 'Ancienne', commune: 'Vaillant', date_verification: '2024-03', source: 'https://exemple.org/a', téléphone: '04 75 00 00 00' });
    // The INSEE code stays text in a spreadsheet; a name that looks like a formula is never run.
    expect(jamais['code INSEE']).toBe(`${TEXT_MARK}52499`);
    expect(futur.nom).toBe(`'=HYPERLINK("http://x")`);
  });

  it('counts from SOURCE_DATE_EPOCH, and writes where --a-reverifier-csv says (else beside the GeoJSON)', () => {
    const { directory, input, output } = setUp();
    // Mid-2028: the check of October 2026 is now 20 months old.
    const later = String(Date.UTC(2028, 5, 15) / 1000);
    const named = join(directory, 'travail', 'liste.csv');
    expect(cli(['--in', input, '--out', output, '--a-reverifier', '18', '--a-reverifier-csv', named], later).status).toBe(0);
    expect(readList(named).map((row) => row.id)).toEqual(['ancienne', 'recente', 'jamais', 'futur', 'limite']);
    expect(cli(['--in', input, '--out', output, '--a-reverifier', '0']).status).toBe(0);
    expect(readList(join(directory, 'out', 'a-reverifier.csv')).map((row) => row.id)).toEqual(['ancienne', 'recente', 'jamais', 'futur', 'limite']);
  });

  it('refuses a month count that is not a whole number, and a list that would replace the GeoJSON, in one French line', () => {
    const { input, output } = setUp();
    const notANumber = cli(['--in', input, '--out', output, '--a-reverifier', 'dix-huit']);
    expect(notANumber.status).toBe(2);
    expect(notANumber.stderr).toMatch(/^erreur : --a-reverifier attend un nombre entier de mois \(par exemple 18\), pas « dix-huit »/);
    const same = cli(['--in', input, '--out', output, '--a-reverifier', '18', '--a-reverifier-csv', output]);
    expect(same.status).toBe(2);
    expect(same.stderr).toMatch(/--a-reverifier-csv .* désigne le même fichier que --out/);
    expect(existsSync(output)).toBe(false);
  });
});
