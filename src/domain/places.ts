/**
 * Régions and intercommunalités (EPCI) as filters (CONTRACT §4 `region`, `epci`), from the COG
 * data the project already uses: a région is its départements' (departments.ts); an EPCI is its
 * member communes, read from public/data/epci.json (scripts/build-epci-index.ts), loaded when needed.
 */
import { DEPARTMENTS } from './departments';

export interface Region {
  code: string;
  name: string;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** The régions of the départements the app covers, in alphabetical order. */
export const REGIONS: readonly Region[] = [
  ...new Map(DEPARTMENTS.map((department) => [department.regionCode, { code: department.regionCode, name: department.regionName }])).values(),
].sort((left, right) => collator.compare(left.name, right.name));

const regionByCode = new Map(REGIONS.map((region) => [region.code, region]));
const regionOfDepartmentCode = new Map(DEPARTMENTS.map((department) => [department.code, department.regionCode]));

export function getRegion(code: string): Region | undefined {
  return regionByCode.get(code);
}

/** The région of a département code; undefined outside the COG. */
export function regionOfDepartment(departmentCode: string): string | undefined {
  return regionOfDepartmentCode.get(departmentCode);
}

export interface Epci {
  siren: string;
  name: string;
}

/** One line of epci.json: SIREN, name, the members' INSEE codes written end to end (5 characters each). */
export type EpciRow = [siren: string, name: string, members: string];

const SIREN = /^\d{9}$/;

/** Whether a value is an EPCI's SIREN number (nine digits), as `epci=` and host messages take it. */
export function isEpciSiren(value: string): boolean {
  return SIREN.test(value);
}
const INSEE = /^[0-9][0-9AB][0-9]{3}$/;

/** The EPCI membership, by commune. A commune in no EPCI (some islands) simply has none. */
export class EpciTable {
  /** In alphabetical order of name. */
  readonly epcis: readonly Epci[];
  private readonly slotBySiren = new Map<string, number>();
  private readonly slotByInsee = new Map<string, number>();

  constructor(rows: readonly EpciRow[]) {
    const sorted = [...rows].sort((left, right) => collator.compare(left[1], right[1]));
    this.epcis = sorted.map(([siren, name]) => ({ siren, name }));
    sorted.forEach(([siren, , members], slot) => {
      this.slotBySiren.set(siren, slot);
      for (let start = 0; start + 5 <= members.length; start += 5) this.slotByInsee.set(members.slice(start, start + 5), slot);
    });
  }

  /** Slot (in `epcis`) of the EPCI a commune belongs to; -1 for none. */
  slotOfCommune(insee: string): number {
    return this.slotByInsee.get(insee) ?? -1;
  }

  /** Slot of an EPCI by SIREN; -1 for an unknown one (ignored like any invalid value). */
  slotOfSiren(siren: string): number {
    return this.slotBySiren.get(siren) ?? -1;
  }
}

/** Reads epci.json; malformed lines are left out rather than failing the whole filter. */
export function parseEpciRows(document: unknown): EpciRow[] {
  if (!Array.isArray(document)) return [];
  return document.filter(
    (row): row is EpciRow =>
      Array.isArray(row) && row.length === 3 && typeof row[0] === 'string' && SIREN.test(row[0]) && typeof row[1] === 'string'
      && typeof row[2] === 'string' && row[2].length % 5 === 0 && INSEE.test(row[2].slice(0, 5) || '00000'),
  );
}

const regionSlotByCode = new Map(REGIONS.map((region, slot) => [region.code, slot]));

/** Slot in REGIONS of each DEPARTMENTS slot; REGIONS.length for the unknown département. */
export const REGION_SLOT_OF_DEPARTMENT_SLOT: Uint8Array = Uint8Array.from(
  [...DEPARTMENTS.map((department) => regionSlotByCode.get(department.regionCode) ?? REGIONS.length), REGIONS.length],
);

/** Slot of a région code in REGIONS; -1 for an unknown one (ignored). */
export function regionSlotOf(code: string): number {
  return regionSlotByCode.get(code) ?? -1;
}

/** Each initiative's EPCI, for the filter's tight loop: the table and one slot per initiative (-1 for none). */
export interface EpciMembership {
  table: EpciTable;
  slots: Int32Array;
}

export function epciMembership(table: EpciTable, initiatives: readonly { insee: string }[]): EpciMembership {
  const slots = new Int32Array(initiatives.length);
  initiatives.forEach((initiative, position) => {
    slots[position] = table.slotOfCommune(initiative.insee);
  });
  return { table, slots };
}
