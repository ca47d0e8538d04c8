import { csvCellWriter, formatNumber } from './csv-export';
import { getDepartment } from './departments';
import type { Initiative } from './initiative';
import { indexFor } from './initiative-index';
import { THEMES, THEME_IDS } from './themes';
import { TERRITORIES, TERRITORY_IDS } from './territories';
import { monthsSince, STALE_AFTER_MONTHS } from './verification-date';

/** One line of a statistics table. */
export interface CountRow {
  /** Theme id, territory id or département code. */
  key: string;
  label: string;
  count: number;
  /** count / total of initiatives shown, 0 when none is shown. */
  share: number;
}

export interface Statistics {
  /** Initiatives the filters keep. */
  total: number;
  /** Every theme, most frequent first; an initiative counts in each of its themes. */
  byTheme: CountRow[];
  /** Every territory type, most frequent first. */
  byTerritory: CountRow[];
  /** Départements with at least one initiative, most frequent first, then in code order. */
  byDepartment: CountRow[];
}

function byCountThenOrder(left: CountRow & { order: number }, right: CountRow & { order: number }): number {
  return right.count - left.count || left.order - right.order;
}

function finish(rows: (CountRow & { order: number })[]): CountRow[] {
  return rows.sort(byCountThenOrder).map(({ key, label, count, share }) => ({ key, label, count, share }));
}

/** Counts per theme, territory type and département of the initiatives at `indices`. */
export function computeStatistics(initiatives: readonly Initiative[], indices: readonly number[]): Statistics {
  // The index filtering uses too: its typed columns make counting one pass over integers.
  const { themeMasks, territories: territorySlots, departments: departmentSlots, departmentCodes } = indexFor(initiatives);
  const themeCounts = new Uint32Array(THEME_IDS.length);
  const territoryCounts = new Uint32Array(TERRITORY_IDS.length);
  const departmentCounts = new Uint32Array(departmentCodes.length);
  let total = 0;
  for (let position = 0; position < indices.length; position += 1) {
    const index = indices[position] as number;
    if (index < 0 || index >= initiatives.length) continue;
    total += 1;
    let mask = themeMasks[index] as number;
    for (let slot = 0; mask !== 0; slot += 1, mask >>>= 1) {
      if (mask & 1) themeCounts[slot] = (themeCounts[slot] as number) + 1;
    }
    const territory = territorySlots[index] as number;
    territoryCounts[territory] = (territoryCounts[territory] as number) + 1;
    const department = departmentSlots[index] as number;
    departmentCounts[department] = (departmentCounts[department] as number) + 1;
  }
  const share = (count: number) => (total === 0 ? 0 : count / total);

  const byTheme = finish(
    THEMES.map((theme, slot) => ({ key: theme.id, label: theme.label, count: themeCounts[slot] as number, share: share(themeCounts[slot] as number), order: slot })),
  );
  const byTerritory = finish(
    TERRITORIES.map((territory, slot) => ({
      key: territory.id,
      label: territory.label,
      count: territoryCounts[slot] as number,
      share: share(territoryCounts[slot] as number),
      order: slot,
    })),
  );
  const departmentRows: (CountRow & { order: number })[] = [];
  departmentCounts.forEach((count, slot) => {
    if (count === 0) return;
    const code = departmentCodes[slot] as string;
    departmentRows.push({ key: code, label: getDepartment(code)?.name ?? code, count, share: share(count), order: slot });
  });
  return { total, byTheme, byTerritory, byDepartment: finish(departmentRows) };
}

/** The facts people can act on (CONTRACT §3's optional properties), in the order of the table. */
const PRACTICAL_FACTS = [
  { key: 'address', label: 'Adresse' },
  { key: 'phone', label: 'Téléphone' },
  { key: 'email', label: 'E-mail' },
  { key: 'openingHours', label: 'Horaires' },
  { key: 'siret', label: 'SIRET' },
] as const;

/**
 * « Informations pratiques »: how many of the initiatives at `indices` have each fact, and
 * how many were checked within the last {@link STALE_AFTER_MONTHS} months; in a fixed order.
 */
export function countPracticalFacts(initiatives: readonly Initiative[], indices: readonly number[], today: Date = new Date()): CountRow[] {
  const counts = new Array<number>(PRACTICAL_FACTS.length + 1).fill(0);
  let total = 0;
  for (const index of indices) {
    const initiative = initiatives[index];
    if (!initiative) continue;
    total += 1;
    PRACTICAL_FACTS.forEach((fact, slot) => {
      if (initiative[fact.key]) counts[slot] = (counts[slot] as number) + 1;
    });
    const checked = initiative.verifiedAt;
    if (checked && monthsSince(checked, today) <= STALE_AFTER_MONTHS) counts[PRACTICAL_FACTS.length] = (counts[PRACTICAL_FACTS.length] as number) + 1;
  }
  const rows = [...PRACTICAL_FACTS, { key: 'verifiedAt', label: `Vérifiées depuis moins de ${STALE_AFTER_MONTHS} mois` }];
  return rows.map((fact, slot) => {
    const count = counts[slot] as number;
    return { key: fact.key, label: fact.label, count, share: total === 0 ? 0 : count / total };
  });
}

/** Kinds of statistics table, for their CSV export. */
export type StatisticsTableKind = 'themes' | 'territories' | 'departments' | 'practical';

const FIRST_COLUMN: Record<Exclude<StatisticsTableKind, 'departments'>, string> = {
  themes: 'thème',
  territories: 'type de territoire',
  practical: 'information',
};

const CSV_SEPARATOR = ';';
const CSV_LINE_END = '\r\n';
const textCell = csvCellWriter('excel-fr');

function csvCell(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value, ',') : textCell(value);
}

/**
 * One statistics table as CSV in the same French-spreadsheet flavour as the list export
 * (UTF-8 with BOM, `;`, decimal comma, CRLF); text cells go through the export's formula
 * neutralisation so a crafted label can never run in a spreadsheet.
 */
export function statisticsCsv(kind: StatisticsTableKind, rows: readonly CountRow[]): string {
  const header =
    kind === 'departments'
      ? ['code département', 'département', 'initiatives', 'part des initiatives (%)']
      : [FIRST_COLUMN[kind], 'initiatives', 'part des initiatives (%)'];
  const lines = [header.map(csvCell).join(CSV_SEPARATOR)];
  for (const row of rows) {
    const percent = Math.round(row.share * 1000) / 10;
    const cells = kind === 'departments' ? [row.key, row.label, row.count, percent] : [row.label, row.count, percent];
    lines.push(cells.map(csvCell).join(CSV_SEPARATOR));
  }
  return `\uFEFF${lines.join(CSV_LINE_END)}${CSV_LINE_END}`;
}
