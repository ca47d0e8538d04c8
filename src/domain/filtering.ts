/**
 * Filtering and facet counts: which initiatives the filters keep, and for each option of each
 * facet how many it would give, in one pass over the shared index (initiative-index.ts).
 */
import { DEPARTMENTS } from './departments';
import type { Filters } from './filters';
import type { Initiative } from './initiative';
import { indexFor, territorySlotOf, themeMask, themeSlotOf, type InitiativeIndex } from './initiative-index';
import { TERRITORY_IDS } from './territories';
import { THEME_IDS } from './themes';
import { REGIONS, REGION_SLOT_OF_DEPARTMENT_SLOT, regionSlotOf, type EpciMembership } from './places';

/** For each option, how many initiatives it would give with the other facets applied. */
export interface FacetCounts {
  /** Aligned with THEMES. In « tous » mode the theme facet itself applies too, since a further theme narrows the result. */
  themes: number[];
  /** Aligned with TERRITORIES. */
  territories: number[];
  /** Aligned with DEPARTMENTS. */
  departments: number[];
  /** Aligned with REGIONS. */
  regions: number[];
  /** Aligned with the EPCI table's `epcis`; empty until the table is loaded. */
  epcis: number[];
}

export interface FilterResult {
  /** Indices of the kept initiatives, in data order. */
  indices: number[];
  counts: FacetCounts;
}

/** Which slots a code facet keeps; null when it keeps everything (no code, or only unknown ones: ignored). */
function wantedSlots(codes: readonly string[], size: number, slotOf: (code: string) => number): Uint8Array | null {
  let wanted: Uint8Array | null = null;
  for (const code of codes) {
    const slot = slotOf(code);
    if (slot < 0) continue;
    wanted ??= new Uint8Array(size);
    wanted[slot] = 1;
  }
  return wanted;
}

/** Région slot of each of the index's département slots (codes outside the COG: the unknown région). */
function regionSlots(index: InitiativeIndex): Uint8Array {
  return Uint8Array.from(index.departmentCodes, (_code, slot) => (slot < DEPARTMENTS.length ? (REGION_SLOT_OF_DEPARTMENT_SLOT[slot] as number) : REGIONS.length));
}

/**
 * Applies every facet (AND across facets) and counts the options, in one pass. `epci` is the
 * EPCI membership once loaded; before that the EPCI facet keeps everything.
 */
export function applyFilters(index: InitiativeIndex, filters: Filters, epci: EpciMembership | null = null): FilterResult {
  const wantedThemes = themeMask(filters.themes);
  // An unknown theme keeps nothing rather than being silently dropped.
  const impossibleTheme = filters.themes.some((theme) => themeSlotOf(theme) === undefined);
  const matchAll = filters.match === 'all';
  let wantedTerritories = 0;
  for (const territory of filters.territories) {
    const slot = territorySlotOf(territory);
    if (slot !== undefined) wantedTerritories |= 1 << slot;
  }
  const territoryConstrained = filters.territories.length > 0;
  let wantedDepartments: Uint8Array | null = null;
  if (filters.departments.length > 0) {
    wantedDepartments = new Uint8Array(index.departmentCodes.length);
    for (const code of filters.departments) {
      const slot = index.departmentSlotOf(code);
      if (slot !== undefined) wantedDepartments[slot] = 1;
    }
  }
  const queryMatches = index.queryMatches(filters.query);
  const regionOfDepartment = regionSlots(index);
  const wantedRegions = wantedSlots(filters.regions, REGIONS.length + 1, regionSlotOf);
  const epciSize = epci ? epci.table.epcis.length : 0;
  const wantedEpcis = epci ? wantedSlots(filters.epcis, epciSize, (siren) => epci.table.slotOfSiren(siren)) : null;
  const epciSlots = epci?.slots ?? null;

  // Theme counts go through a histogram of theme masks (128 of them): one increment per
  // initiative in the hot loop instead of one per theme.
  const keptMasks = new Int32Array(1 << THEME_IDS.length);
  const masksFailingOnlyThemes = new Int32Array(1 << THEME_IDS.length);
  const territoryCounts = new Int32Array(TERRITORY_IDS.length);
  const departmentCounts = new Int32Array(index.departmentCodes.length);
  const regionCounts = new Int32Array(REGIONS.length + 1);
  // One more slot, last, for the communes in no EPCI: counted nowhere, never breaking the facet.
  const epciCounts = new Int32Array(epciSize + 1);
  const indices: number[] = [];
  const { themeMasks, territories, departments, size } = index;
  const themeConstrained = filters.themes.length > 0;

  for (let position = 0; position < size; position += 1) {
    const mask = themeMasks[position] as number;
    const territory = territories[position] as number;
    const department = departments[position] as number;
    const themeFails = themeConstrained
      && (impossibleTheme || (matchAll ? (mask & wantedThemes) !== wantedThemes : (mask & wantedThemes) === 0));
    const territoryFails = territoryConstrained && (wantedTerritories & (1 << territory)) === 0;
    const departmentFails = wantedDepartments !== null && wantedDepartments[department] === 0;
    const queryFails = queryMatches !== null && queryMatches[position] === 0;
    const region = regionOfDepartment[department] as number;
    const regionFails = wantedRegions !== null && wantedRegions[region] === 0;
    const epciSlot = epciSlots ? (epciSlots[position] as number) : -1;
    const epciOrNone = epciSlot < 0 ? epciSize : epciSlot;
    const epciFails = wantedEpcis !== null && (epciSlot < 0 || wantedEpcis[epciSlot] === 0);
    const failures = +themeFails + +territoryFails + +departmentFails + +queryFails + +regionFails + +epciFails;
    if (failures === 0) {
      indices.push(position);
      territoryCounts[territory] = (territoryCounts[territory] as number) + 1;
      departmentCounts[department] = (departmentCounts[department] as number) + 1;
      regionCounts[region] = (regionCounts[region] as number) + 1;
      epciCounts[epciOrNone] = (epciCounts[epciOrNone] as number) + 1;
      keptMasks[mask] = (keptMasks[mask] as number) + 1;
    } else if (failures === 1) {
      if (themeFails) {
        masksFailingOnlyThemes[mask] = (masksFailingOnlyThemes[mask] as number) + 1;
      } else if (territoryFails) {
        territoryCounts[territory] = (territoryCounts[territory] as number) + 1;
      } else if (departmentFails) {
        departmentCounts[department] = (departmentCounts[department] as number) + 1;
      } else if (regionFails) {
        regionCounts[region] = (regionCounts[region] as number) + 1;
      } else if (epciFails) {
        epciCounts[epciOrNone] = (epciCounts[epciOrNone] as number) + 1;
      }
    }
  }
  const themeCounts = new Int32Array(THEME_IDS.length);
  for (let mask = 1; mask < keptMasks.length; mask += 1) {
    // In « au moins un » mode a theme's count ignores the theme facet; in « tous » it narrows.
    const count = (keptMasks[mask] as number) + (matchAll ? 0 : (masksFailingOnlyThemes[mask] as number));
    if (count > 0) addToThemes(themeCounts, mask, count);
  }
  return {
    indices,
    counts: {
      themes: Array.from(themeCounts),
      territories: Array.from(territoryCounts),
      departments: Array.from(departmentCounts.subarray(0, DEPARTMENTS.length)),
      regions: Array.from(regionCounts.subarray(0, REGIONS.length)),
      epcis: Array.from(epciCounts.subarray(0, epciSize)),
    },
  };
}

function addToThemes(counts: Int32Array, mask: number, amount: number): void {
  let remaining = mask;
  let slot = 0;
  while (remaining !== 0) {
    if (remaining & 1) counts[slot] = (counts[slot] as number) + amount;
    remaining >>= 1;
    slot += 1;
  }
}

/** Indices of the initiatives matching every facet, in data order. */
export function filterInitiatives(initiatives: readonly Initiative[], filters: Filters): number[] {
  return applyFilters(indexFor(initiatives), filters).indices;
}
