import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THEME_IDS } from '../../src/domain/themes';
import { PipelineFatalError } from '../../src/pipeline/run';
import { HEADER, runOn } from './helpers';

const COMMUNES = [
  ['Vaillant', '52499'],
  ['Le Havre', '76351'],
  ['Ajaccio', '2A004'],
  ['St Julien en Born', '40266'],
  ['Bastia', '2B033'],
] as const;

/** Text with what breaks naive CSV: quotes, both separators, newlines, accents, emoji. */
const hostileText = fc
  .array(fc.constantFrom('a', 'é', 'Œ', ' ', ',', ';', '"', '\n', '\t', '|', "'", 'x', '🙂', '«', '='), { maxLength: 40 })
  .map((characters) => characters.join(''));

type Spec =
  | { kind: 'good'; name: string; description: string; themes: string[]; commune: number; withCode: boolean; themeSeparator: string }
  | { kind: 'unknown-theme' | 'no-name' | 'unknown-commune' | 'stray-quote'; name: string };

const goodRow = fc.record({
  kind: fc.constant('good' as const),
  name: hostileText.filter((text) => text.trim() !== ''),
  description: hostileText,
  themes: fc.uniqueArray(fc.constantFrom(...THEME_IDS), { minLength: 1, maxLength: 3 }),
  commune: fc.nat({ max: COMMUNES.length - 1 }),
  withCode: fc.boolean(),
  themeSeparator: fc.constantFrom('|', ',', ';', ' | '),
});
const badRow = fc.record({
  kind: fc.constantFrom('unknown-theme' as const, 'no-name' as const, 'unknown-commune' as const, 'stray-quote' as const),
  name: hostileText.filter((text) => !text.includes('"') && !text.includes('\n') && text.trim() !== ''),
});

const file = fc.record({
  rows: fc.array(fc.oneof({ arbitrary: goodRow, weight: 3 }, { arbitrary: badRow, weight: 1 }), { maxLength: 25 }),
  blankLinesBefore: fc.array(fc.nat({ max: 2 }), { minLength: 25, maxLength: 25 }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  lineEnd: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  quoteEverything: fc.boolean(),
});

describe('pipeline fuzzing (fast-check)', () => {
  it('never crashes, keeps every good row intact and reports every bad row at its physical line', () => {
    fc.assert(
      fc.property(file, ({ rows, blankLinesBefore, delimiter, lineEnd, bom, quoteEverything }) => {
        const quote = (value: string) =>
          quoteEverything || value.includes(delimiter) || /["\n\r]/.test(value) || value !== value.trim()
            ? `"${value.replace(/"/g, '""')}"`
            : value;
        // Ids are always quoted: CSV alone cannot tell a stray quote from a quoted line break
        // when the next quote happens to close it cleanly; an opening quote followed by a
        // letter is what makes the stray one detectable.
        const join = (id: string, fields: string[]) => [`"${id}"`, ...fields].join(delimiter);
        const lines: string[] = [HEADER.split(',').join(delimiter)];
        let line = 2;
        const expectedGood: { id: string; name: string; description: string; themes: string[]; insee: string }[] = [];
        const expectedBadLines: number[] = [];
        rows.forEach((spec: Spec, index) => {
          for (let blank = 0; blank < (blankLinesBefore[index] ?? 0); blank += 1) {
            lines.push(blank % 2 ? '' : delimiter.repeat(11));
            line += 1;
          }
          const id = `row-${index}`;
          let text: string;
          if (spec.kind === 'good') {
            const [communeName, code] = COMMUNES[spec.commune] as readonly [string, string];
            text = join(id, [quote(spec.name), quote(spec.themes.join(spec.themeSeparator)), 'rural', quote(communeName), spec.withCode ? code : '', '', '', quote(spec.description), '', '', '']);
            expectedGood.push({ id, name: spec.name.trim(), description: spec.description.trim(), themes: spec.themes, insee: code });
          } else {
            const fields: Record<typeof spec.kind, string[]> = {
              'unknown-theme': [quote(spec.name), 'zzz', 'rural', 'Vaillant', '52499', '', '', '', '', '', ''],
              'no-name': ['', 'mobilite', 'rural', 'Vaillant', '52499', '', '', '', '', '', ''],
              'unknown-commune': [quote(spec.name), 'mobilite', 'rural', 'Xyzzyville-sur-Rien', '', '', '', '', '', '', ''],
              'stray-quote': [`"${spec.name}`, 'mobilite', 'rural', 'Vaillant', '52499', '', '', '', '', '', ''],
            };
            text = join(id, fields[spec.kind]);
            expectedBadLines.push(line);
          }
          lines.push(text);
          line += (text.match(/\n/g) ?? []).length + 1;
        });
        const csv = `${bom ? '\uFEFF' : ''}${lines.join(lineEnd)}${lineEnd}`;

        const { report, initiatives } = runOn(csv);
        expect(initiatives.map(({ id, name, description, themes, insee }) => ({ id, name, description, themes, insee }))).toEqual(expectedGood);
        expect([...new Set(report.rejected.map((entry) => entry.line))]).toEqual(expectedBadLines);
        expect(report.rowsWritten).toBe(expectedGood.length);
        expect(report.rowsRejected).toBe(expectedBadLines.length);
      }),
      { numRuns: 150 },
    );
  });

  it('never crashes on random bytes: either a report or a clear "could not run" error', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 400 }), (withHeader, bytes) => {
        const content = withHeader ? Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from(bytes)]) : Buffer.from(bytes);
        try {
          const { report } = runOn(content);
          expect(report.rowsRead).toBe(report.rowsWritten + report.rowsRejected);
        } catch (error) {
          expect(error).toBeInstanceOf(PipelineFatalError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
