import { DEPARTMENTS, getDepartment } from './departments';
import type { Initiative } from './initiative';
import { THEMES, THEME_IDS } from './themes';
import { TERRITORIES, TERRITORY_IDS } from './territories';
import { neutralizeFormula } from './csv-export';
import { themeMask } from './filtering';
import { monthsSince, STALE_AFTER_MONTHS } from './verification-date';
// Département boxes [west, south, east, north]; only departmentCircles reads them, so a bundle
// that draws no circles (the initial shell) can leave them out.
import departmentBoxes from '@etalab/fr-bounding-boxes/dist/departements.json';

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

/**
 * Per-initiative codes as small integers in typed arrays, computed once per loaded dataset:
 * counting then is one pass over integers, with no string comparison, even at 100,000.
 */
interface StatisticsColumns {
  themeMasks: Uint8Array;
  territorySlots: Uint8Array;
  departmentSlots: Uint16Array;
  /** Département codes outside the COG list, given slots after it. */
  extraDepartmentCodes: string[];
}

const columnsCache = new WeakMap<readonly Initiative[], StatisticsColumns>();
const territorySlot = new Map<string, number>(TERRITORY_IDS.map((id, slot) => [id, slot]));
const departmentSlot = new Map<string, number>(DEPARTMENTS.map((department, slot) => [department.code, slot]));

function columnsFor(initiatives: readonly Initiative[]): StatisticsColumns {
  const cached = columnsCache.get(initiatives);
  if (cached) return cached;
  const themeMasks = new Uint8Array(initiatives.length);
  const territorySlots = new Uint8Array(initiatives.length);
  const departmentSlots = new Uint16Array(initiatives.length);
  const extraDepartmentCodes: string[] = [];
  initiatives.forEach((initiative, index) => {
    themeMasks[index] = themeMask(initiative.themes);
    territorySlots[index] = territorySlot.get(initiative.territory) ?? TERRITORY_IDS.length;
    let slot = departmentSlot.get(initiative.department);
    if (slot === undefined) {
      let extra = extraDepartmentCodes.indexOf(initiative.department);
      if (extra < 0) extra = extraDepartmentCodes.push(initiative.department) - 1;
      slot = DEPARTMENTS.length + extra;
    }
    departmentSlots[index] = slot;
  });
  const columns = { themeMasks, territorySlots, departmentSlots, extraDepartmentCodes };
  columnsCache.set(initiatives, columns);
  return columns;
}

function byCountThenOrder(left: CountRow & { order: number }, right: CountRow & { order: number }): number {
  return right.count - left.count || left.order - right.order;
}

function finish(rows: (CountRow & { order: number })[]): CountRow[] {
  return rows.sort(byCountThenOrder).map(({ key, label, count, share }) => ({ key, label, count, share }));
}

/** Counts per theme, territory type and département of the initiatives at `indices`. */
export function computeStatistics(initiatives: readonly Initiative[], indices: readonly number[]): Statistics {
  const { themeMasks, territorySlots, departmentSlots, extraDepartmentCodes } = columnsFor(initiatives);
  const themeCounts = new Uint32Array(THEME_IDS.length);
  const territoryCounts = new Uint32Array(TERRITORY_IDS.length + 1);
  const departmentCounts = new Uint32Array(DEPARTMENTS.length + extraDepartmentCodes.length);
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
    const code = slot < DEPARTMENTS.length ? (DEPARTMENTS[slot] as { code: string }).code : (extraDepartmentCodes[slot - DEPARTMENTS.length] as string);
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
const NEEDS_QUOTES = /[";\r\n]/;

function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value).replace('.', ',');
  const safe = neutralizeFormula(value);
  return NEEDS_QUOTES.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
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

export interface DepartmentCircleProperties {
  department: string;
  name: string;
  count: number;
  /** Circle radius in pixels, area proportional to count (so the eye compares amounts fairly). */
  radius: number;
}

export interface DepartmentCircles {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: DepartmentCircleProperties;
  }[];
}

let departmentCentres: Map<string, [number, number]> | null = null;

function centreOf(code: string): [number, number] | undefined {
  if (!departmentCentres) {
    departmentCentres = new Map(
      (departmentBoxes as { id: string; bbox: number[] }[]).map((box) => {
        const [west = 0, south = 0, east = 0, north = 0] = box.bbox;
        return [box.id.replace('fr:departement:', ''), [(west + east) / 2, (south + north) / 2]];
      }),
    );
  }
  return departmentCentres.get(code);
}

/**
 * « Cercles proportionnels par département »: one point per département with initiatives, at
 * the centre of its bounding box, carrying the count and a radius whose area is proportional
 * to it (largest = `maximumRadius` px). Largest first, so a map draws small circles on top.
 */
export function departmentCircles(rows: readonly CountRow[], maximumRadius = 40, minimumRadius = 4): DepartmentCircles {
  const largest = rows.reduce((maximum, row) => Math.max(maximum, row.count), 0);
  const features: DepartmentCircles['features'] = [];
  for (const row of [...rows].sort((left, right) => right.count - left.count)) {
    const centre = centreOf(row.key);
    if (!centre || row.count === 0) continue;
    const radius = Math.max(minimumRadius, maximumRadius * Math.sqrt(row.count / largest));
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: centre },
      properties: { department: row.key, name: row.label, count: row.count, radius },
    });
  }
  return { type: 'FeatureCollection', features };
}
