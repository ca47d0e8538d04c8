import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { HEADER, runOn, windows1252 } from './helpers';

const VAILLANT = 'rural,Vaillant,52499,52160,52';

function row(id: string, name = `Initiative ${id}`, description = '', themes = 'tiers-lieux'): string {
  const quote = (value: string) => (/[",;\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${id},${quote(name)},${themes},${VAILLANT},${quote(description)},,,`;
}

describe('pipeline on hostile CSV files', () => {
  it('writes every good row of a clean file, with official names and points', () => {
    const { report, initiatives } = runOn(readFileSync(new URL('./fixtures/valid.csv', import.meta.url)));
    expect(report.rejected).toEqual([]);
    expect(initiatives.map((initiative) => [initiative.id, initiative.insee, initiative.commune])).toEqual([
      ['collectif-gare', '52499', 'Vaillant'],
      ['garage-solidaire', '40266', 'Saint-Julien-en-Born'],
      ['cafe-du-havre', '76351', 'Le Havre'],
      ['ressourcerie-ajaccio', '2A004', 'Ajaccio'],
    ]);
    expect(initiatives[2]?.themes).toEqual(['alimentation', 'commerces']);
    expect(initiatives[0]).toMatchObject({ territory: 'rural', department: '52', website: 'https://collectifgare.wordpress.com/', approximate: false });
  });

  it('counts physical lines: a quoted newline pushes the next rows’ line numbers down', () => {
    const csv = [HEADER, row('a', 'A', 'first line\nsecond line\nthird line'), row('b', 'B'), row('c', 'C', '', 'unknown-theme')].join('\n');
    const { report, initiatives } = runOn(csv);
    expect(initiatives.map((initiative) => initiative.id)).toEqual(['a', 'b']);
    expect(initiatives[0]?.description).toBe('first line\nsecond line\nthird line');
    // header 1, a spans 2–4, b is 5, c is 6
    expect(report.rejected).toEqual([expect.objectContaining({ line: 6, column: 'themes', id: 'c' })]);
  });

  it('skips blank lines without losing their line numbers', () => {
    const csv = [HEADER, '', row('a'), '', '', ',,,,,,,,,,,', row('b', '', 'no name')].join('\r\n');
    const { report, initiatives } = runOn(csv);
    expect(initiatives.map((initiative) => initiative.id)).toEqual(['a']);
    expect(report.rejected).toEqual([expect.objectContaining({ line: 7, column: 'nom' })]);
    expect(report.rowsRead).toBe(2);
  });

  it('reports a stray quote on its own line and keeps the good rows after it', () => {
    const csv = [HEADER, row('a'), `b,"Café du "coin,tiers-lieux,${VAILLANT},,,,`, `c,"Le ""Grand"" Atelier",tiers-lieux,${VAILLANT},,,,`, `d,"unterminated,tiers-lieux,${VAILLANT},,,,`, row('e'), row('f', 'F', 'multi\nline')].join('\n');
    const { report, initiatives } = runOn(csv);
    expect(initiatives.map((initiative) => initiative.id)).toEqual(['a', 'c', 'e', 'f']);
    expect(initiatives[1]?.name).toBe('Le "Grand" Atelier');
    expect(report.rejected.map((entry) => entry.line)).toEqual([3, 5]);
  });

  it('rejects a ragged row with too many values, accepts one missing trailing empty cells', () => {
    const csv = [HEADER, `a,A,tiers-lieux,${VAILLANT},description, with a comma,association,https://example.org,https://example.org`, `b,B,tiers-lieux,${VAILLANT}`].join('\n');
    const { report, initiatives } = runOn(csv);
    expect(initiatives.map((initiative) => initiative.id)).toEqual(['b']);
    expect(report.rejected).toEqual([expect.objectContaining({ line: 2, column: 'ligne' })]);
  });

  it('reads what French Excel saves: Windows-1252 with semicolons and CRLF', () => {
    const csv = `${HEADER.replace(/,/g, ';')}\r\nepicerie;Épicerie « Œuf & Cie »;alimentation;rural;Vaillant;52499;52160;52;Légumes, œufs; fromages;;;\r\n`;
    // The description's semicolon makes this row ragged; a quoted one is fine:
    const fixed = csv.replace('Légumes, œufs; fromages', '"Légumes, œufs; fromages"');
    const { report, initiatives } = runOn(windows1252(fixed));
    expect(report).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rowsWritten: 1 });
    expect(initiatives[0]).toMatchObject({ name: 'Épicerie « Œuf & Cie »', description: 'Légumes, œufs; fromages' });
  });

  it('accepts a UTF-8 byte order mark and French column titles', () => {
    const header = 'Id;Nom;Thèmes;Territoire;Commune;Code INSEE;Code postal;Département;Description;Forme juridique;Site web;Source';
    const { report, initiatives } = runOn(`\uFEFF${header}\nx;Café;alimentation;rural;Vaillant;52499;;;;;;\n`);
    expect(report.encoding).toBe('utf-8');
    expect(initiatives.map((initiative) => initiative.id)).toEqual(['x']);
  });

  it('restores the leading zeros Excel strips from codes (01001 saved as 1001)', () => {
    const { report, initiatives } = runOn([HEADER, 'ain,Ain,mobilite,rural,L\'Abergement-Clémenciat,1001,1400,1,,,,'].join('\n'));
    expect(report.rejected).toEqual([]);
    expect(initiatives[0]).toMatchObject({ insee: '01001', department: '01' });
  });

  it('rejects the second of two rows with the same id', () => {
    const { report, initiatives } = runOn([HEADER, row('same', 'First'), row('other'), row('same', 'Second')].join('\n'));
    expect(initiatives.map((initiative) => initiative.name)).toEqual(['First', 'Initiative other']);
    expect(report.rejected).toEqual([expect.objectContaining({ line: 4, column: 'id', id: 'same' })]);
    expect(report.rejected[0]?.reason).toContain('ligne 2');
  });

  it('survives a 10 MB cell and keeps the good rows around it', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const csv = [HEADER, row('before'), row('huge', 'Huge', huge), row('after', 'After', 'with "quotes", commas\nand a newline')].join('\n');
    const { report, initiatives } = runOn(csv);
    expect(initiatives.map((initiative) => initiative.id)).toEqual(['before', 'after']);
    expect(report.rejected).toEqual([expect.objectContaining({ line: 3, column: 'description', id: 'huge' })]);
    expect(initiatives[1]?.description).toBe('with "quotes", commas\nand a newline');
  });

  it('validates against the Table Schema: slug ids, URLs, codes, territory', () => {
    const csv = [
      HEADER,
      `Bad Id,A,tiers-lieux,${VAILLANT},,,,`,
      `b,B,tiers-lieux,${VAILLANT},,,javascript:alert(1),`,
      `c,C,tiers-lieux,rural,Vaillant,5249,,,,,,`,
      `d,D,tiers-lieux,campagne,Vaillant,52499,,,,,,`,
      `e,E,tiers-lieux,,Vaillant,52499,,,,,,`,
      `f,F,tiers-lieux,rural,Sainte-Colombe,,,,,,,`,
    ].join('\n');
    const { report, initiatives } = runOn(csv);
    expect(initiatives).toEqual([]);
    expect(report.rejected.map((entry) => [entry.line, entry.column])).toEqual([
      [2, 'id'], [3, 'site_web'], [4, 'code_insee'], [5, 'territoire'], [6, 'territoire'], [7, 'commune'],
    ]);
    expect(report.rejected[5]?.reason).toContain('ambiguë');
  });

  it('produces byte-identical output for the same input', () => {
    const csv = readFileSync(new URL('./fixtures/valid.csv', import.meta.url));
    expect(runOn(csv).outputText).toBe(runOn(csv).outputText);
  });

  it('fills an empty territory from the density grid and warns on contradictions', () => {
    const grid = new URL('./fixtures/densite-mini.csv', import.meta.url).pathname;
    const csv = [
      HEADER,
      `vaillant-empty,A,tiers-lieux,,Vaillant,52499,,,,,,`,
      `havre-empty,B,tiers-lieux,,Le Havre,76351,,,,,,`,
      `havre-rural,C,tiers-lieux,rural,Le Havre,76351,,,,,,`,
      `vaillant-urbain,D,tiers-lieux,urbain,Vaillant,52499,,,,,,`,
      `havre-qpv,E,tiers-lieux,qpv,Le Havre,76351,,,,,,`,
    ].join('\n');
    const { report, initiatives } = runOn(csv, { densityGrid: grid });
    expect(initiatives.map((initiative) => [initiative.id, initiative.territory])).toEqual([
      ['vaillant-empty', 'rural'], ['havre-rural', 'rural'], ['vaillant-urbain', 'urbain'], ['havre-qpv', 'qpv'],
    ]);
    expect(report.rejected).toEqual([expect.objectContaining({ line: 3, column: 'territoire' })]);
    expect(report.warnings.filter((warning) => warning.column === 'territoire').map((warning) => warning.line)).toEqual([4, 5]);
  });
});
