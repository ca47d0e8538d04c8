/**
 * Real .xlsx files for the tests, written by LibreOffice (installed on the test machine) from a
 * flat OpenDocument sheet: typed cells (numbers, dates), formulas and merged cells as a
 * spreadsheet user makes them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Cell =
  | string
  | { number: number }
  | { date: string }
  | { formula: string; value: string }
  | { merged: string; span: number };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellXml(cell: Cell): string {
  if (typeof cell === 'string') return cell === '' ? '<table:table-cell/>' : `<table:table-cell office:value-type="string"><text:p>${escapeXml(cell)}</text:p></table:table-cell>`;
  if ('number' in cell) return `<table:table-cell office:value-type="float" office:value="${cell.number}"><text:p>${cell.number}</text:p></table:table-cell>`;
  if ('date' in cell) return `<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="${cell.date}"><text:p>${cell.date}</text:p></table:table-cell>`;
  if ('formula' in cell) {
    return `<table:table-cell table:formula="${escapeXml(cell.formula)}" office:value-type="string" office:string-value="${escapeXml(cell.value)}"><text:p>${escapeXml(cell.value)}</text:p></table:table-cell>`;
  }
  return `<table:table-cell table:number-columns-spanned="${cell.span}" office:value-type="string"><text:p>${escapeXml(cell.merged)}</text:p></table:table-cell>${'<table:covered-table-cell/>'.repeat(cell.span - 1)}`;
}

/** Writes `rows` as the first sheet of an .xlsx in `directory` and returns its path. */
export function writeWorkbook(directory: string, name: string, rows: Cell[][]): string {
  const fods = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="Initiatives">
${rows.map((row) => `<table:table-row>${row.map(cellXml).join('')}</table:table-row>`).join('\n')}
</table:table></office:spreadsheet></office:body></office:document>
`;
  const source = join(directory, `${name}.fods`);
  writeFileSync(source, fods);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${directory}/lo-profile`, '--convert-to', 'xlsx', '--outdir', directory, source], { stdio: 'pipe', timeout: 120_000 });
  const path = join(directory, `${name}.xlsx`);
  readFileSync(path); // throws if LibreOffice wrote nothing
  return path;
}
