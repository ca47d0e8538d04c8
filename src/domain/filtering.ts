import { DEPARTMENTS } from './departments';
import type { Filters } from './filters';
import type { Initiative } from './initiative';
import { TERRITORY_IDS } from './territories';
import { THEME_IDS } from './themes';
import { REGIONS, REGION_SLOT_OF_DEPARTMENT_SLOT, regionSlotOf, type EpciMembership } from './places';

// These run on 100,000 names and descriptions: each costly step (normalize, regexps that
// match at every space) only runs when a cheap test says the text needs it.
const NON_ASCII = /[^\u0020-\u007e]/;
const NEEDS_CLEANING = /[^a-z0-9 ]| {2}|^ | $/;

/** Lower-cases, strips accents and punctuation so "st julien" matches « Saint-Julien ». */
export function normalizeText(text: string): string {
  let value = text.toLowerCase();
  if (NON_ASCII.test(value)) {
    value = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
  }
  if (NEEDS_CLEANING.test(value)) {
    value = value.replace(/[^a-z0-9 ]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  }
  return value;
}

/** A key whose plain string order is the French alphabetical order, numbers in natural order. */
function sortKey(text: string): string {
  const normalized = normalizeText(text);
  return /[0-9]/.test(normalized) ? normalized.replace(/[0-9]+/g, (digits) => digits.padStart(12, '0')) : normalized;
}

/** Sort keys of repeated texts (communes) computed once each. */
function memoizedSortKeys(texts: readonly string[]): string[] {
  const cache = new Map<string, string>();
  return texts.map((text) => {
    let key = cache.get(text);
    if (key === undefined) {
      key = sortKey(text);
      cache.set(text, key);
    }
    return key;
  });
}

/** Order by keys, then by `tieBreak` (plain comparison of pre-folded keys: a collator is several times slower at 100,000). */
function orderByKeys(keys: readonly string[], tieBreak: (left: number, right: number) => number): Uint32Array {
  const order = new Uint32Array(keys.length);
  for (let position = 0; position < order.length; position += 1) order[position] = position;
  return order.sort((left, right) => {
    const a = keys[left] as string;
    const b = keys[right] as string;
    return a < b ? -1 : a > b ? 1 : tieBreak(left, right) || left - right;
  });
}

// French place names abbreviate Saint/Sainte; searching either form must find both.
const ABBREVIATIONS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

/** Normalised text with st/ste expanded, as stored for the text search. */
export function normalizeSearchText(text: string): string {
  const normalized = normalizeText(text);
  if (!/\bste?s?\b/.test(normalized)) return normalized;
  return normalized.replace(/\bste?s?\b/g, (word) => ABBREVIATIONS[word] ?? word);
}

/**
 * The words of a query, each with its accepted spellings. A typed "st" may be the start of
 * "stade" as well as an abbreviation of "saint", so both are accepted.
 */
export function queryTerms(query: string): string[][] {
  return normalizeText(query)
    .split(' ')
    .filter(Boolean)
    .map((word) => {
      const expansion = ABBREVIATIONS[word];
      return expansion ? [word, expansion] : [word];
    });
}

/** Index of a département code in DEPARTMENTS; codes outside the COG share the last slot. */
export const UNKNOWN_DEPARTMENT = DEPARTMENTS.length;
const departmentSlot = new Map(DEPARTMENTS.map((department, slot) => [department.code, slot]));
const territorySlot = new Map(TERRITORY_IDS.map((id, slot) => [id as string, slot]));
const themeSlot = new Map(THEME_IDS.map((id, slot) => [id as string, slot]));

/** Bit i set when `themes` holds THEME_IDS[i]; unknown ids add nothing. */
export function themeMask(themes: readonly string[]): number {
  let mask = 0;
  for (const theme of themes) {
    const slot = themeSlot.get(theme);
    if (slot !== undefined) mask |= 1 << slot;
  }
  return mask;
}


/**
 * Columnar view of one dataset, built once, so that filtering and facet counting at
 * 100,000 initiatives are tight loops over typed arrays rather than object walks.
 * The search text and the sort orders are built the first time they are needed.
 */
export class InitiativeIndex {
  readonly size: number;
  /** Bit i set when the initiative has THEME_IDS[i]. */
  readonly themeMasks: Uint8Array;
  /** Slot in TERRITORY_IDS. */
  readonly territories: Uint8Array;
  /** Slot in DEPARTMENTS, UNKNOWN_DEPARTMENT when outside the COG. */
  readonly departments: Uint8Array;
  private readonly searchTexts: string[] = [];
  private nameOrderCache: Uint32Array | null = null;
  private communeOrderCache: Uint32Array | null = null;
  private lastQuery: { normalized: string; matches: Uint8Array; matched: Uint32Array } | null = null;

  constructor(readonly initiatives: readonly Initiative[]) {
    const size = initiatives.length;
    this.size = size;
    this.themeMasks = new Uint8Array(size);
    this.territories = new Uint8Array(size);
    this.departments = new Uint8Array(size);
    for (let position = 0; position < size; position += 1) {
      const initiative = initiatives[position] as Initiative;
      this.themeMasks[position] = themeMask(initiative.themes);
      this.territories[position] = territorySlot.get(initiative.territory) ?? 0;
      this.departments[position] = departmentSlot.get(initiative.department) ?? UNKNOWN_DEPARTMENT;
    }
  }

  /** Slot of a département code in the facet counts (UNKNOWN_DEPARTMENT when outside the COG). */
  departmentSlotOf(code: string): number {
    return departmentSlot.get(code) ?? UNKNOWN_DEPARTMENT;
  }

  /** Indices sorted by name (French collation), ties by commune. */
  get nameOrder(): Uint32Array {
    if (!this.nameOrderCache) {
      // Communes only break ties between equal names: their keys are built on demand.
      let communeKeys: string[] | null = null;
      this.nameOrderCache = orderByKeys(this.initiatives.map((initiative) => sortKey(initiative.name)), (left, right) => {
        communeKeys ??= memoizedSortKeys(this.initiatives.map((initiative) => initiative.commune));
        const a = communeKeys[left] as string;
        const b = communeKeys[right] as string;
        return a < b ? -1 : a > b ? 1 : 0;
      });
    }
    return this.nameOrderCache;
  }

  /** Indices sorted by commune, then name. */
  get communeOrder(): Uint32Array {
    if (!this.communeOrderCache) {
      const nameRank = new Uint32Array(this.size);
      this.nameOrder.forEach((index, rank) => {
        nameRank[index] = rank;
      });
      this.communeOrderCache = orderByKeys(
        memoizedSortKeys(this.initiatives.map((initiative) => initiative.commune)),
        (left, right) => (nameRank[left] as number) - (nameRank[right] as number),
      );
    }
    return this.communeOrderCache;
  }

  /** Builds the folded search texts (a few hundred ms at 100,000); the app calls it when idle so the first search is quick. */
  prepareSearch(): readonly string[] {
    while (!this.prepareSearchStep(Number.POSITIVE_INFINITY));
    return this.searchTexts;
  }

  /**
   * Folds search texts for at most about `budgetMs`, from where the previous step stopped; true
   * once all are done. Lets the page prepare them in idle slices without holding up a frame.
   */
  prepareSearchStep(budgetMs: number): boolean {
    const texts = this.searchTexts;
    const started = performance.now();
    while (texts.length < this.initiatives.length) {
      const initiative = this.initiatives[texts.length] as Initiative;
      texts.push(normalizeSearchText(`${initiative.name} ${initiative.commune} ${initiative.description}`));
      // Checking the clock every 64 texts keeps its cost out of the loop.
      if ((texts.length & 63) === 0 && performance.now() - started >= budgetMs) break;
    }
    return texts.length === this.initiatives.length;
  }

  /** 1 for each initiative whose name, commune or description contains every word of the query; null when the query is empty. */
  queryMatches(query: string): Uint8Array | null {
    const terms = queryTerms(query);
    if (terms.length === 0) return null;
    const normalized = terms.map((spellings) => spellings[0]).join(' ');
    const last = this.lastQuery;
    if (last?.normalized === normalized) return last.matches;
    const texts = this.prepareSearch();
    const matches = new Uint8Array(this.size);
    // Typing on: a query that extends the previous one can only keep fewer initiatives
    // (every longer word contains the shorter), so only the previous matches are scanned.
    const candidates = last && normalized.startsWith(last.normalized) ? last.matched : null;
    const candidateCount = candidates ? candidates.length : this.size;
    const matched = new Uint32Array(candidateCount);
    let matchedCount = 0;
    for (let cursor = 0; cursor < candidateCount; cursor += 1) {
      const position = candidates ? (candidates[cursor] as number) : cursor;
      const text = texts[position] as string;
      let keep = 1;
      for (const spellings of terms) {
        let found = false;
        for (const spelling of spellings) {
          if (text.includes(spelling)) {
            found = true;
            break;
          }
        }
        if (!found) {
          keep = 0;
          break;
        }
      }
      if (keep === 1) {
        matches[position] = 1;
        matched[matchedCount] = position;
        matchedCount += 1;
      }
    }
    this.lastQuery = { normalized, matches, matched: matched.slice(0, matchedCount) };
    return matches;
  }
}

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

/**
 * Applies every facet (AND across facets) and counts the options, in one pass. `epci` is the
 * EPCI membership once loaded; before that the EPCI facet keeps everything.
 */
export function applyFilters(index: InitiativeIndex, filters: Filters, epci: EpciMembership | null = null): FilterResult {
  const wantedThemes = themeMask(filters.themes);
  // An unknown theme keeps nothing rather than being silently dropped.
  const impossibleTheme = filters.themes.some((theme) => !themeSlot.has(theme));
  const matchAll = filters.match === 'all';
  let wantedTerritories = 0;
  for (const territory of filters.territories) {
    const slot = territorySlot.get(territory);
    if (slot !== undefined) wantedTerritories |= 1 << slot;
  }
  const territoryConstrained = filters.territories.length > 0;
  let wantedDepartments: Uint8Array | null = null;
  if (filters.departments.length > 0) {
    wantedDepartments = new Uint8Array(UNKNOWN_DEPARTMENT + 1);
    for (const code of filters.departments) {
      const slot = departmentSlot.get(code);
      if (slot !== undefined) wantedDepartments[slot] = 1;
    }
  }
  const queryMatches = index.queryMatches(filters.query);
  const wantedRegions = wantedSlots(filters.regions, REGIONS.length + 1, regionSlotOf);
  const epciSize = epci ? epci.table.epcis.length : 0;
  const wantedEpcis = epci ? wantedSlots(filters.epcis, epciSize, (siren) => epci.table.slotOfSiren(siren)) : null;
  const epciSlots = epci?.slots ?? null;

  // Theme counts go through a histogram of theme masks (128 of them): one increment per
  // initiative in the hot loop instead of one per theme.
  const keptMasks = new Int32Array(1 << THEME_IDS.length);
  const masksFailingOnlyThemes = new Int32Array(1 << THEME_IDS.length);
  const territoryCounts = new Int32Array(TERRITORY_IDS.length);
  const departmentCounts = new Int32Array(UNKNOWN_DEPARTMENT + 1);
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
    const region = REGION_SLOT_OF_DEPARTMENT_SLOT[department] as number;
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
      departments: Array.from(departmentCounts.subarray(0, UNKNOWN_DEPARTMENT)),
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
  return applyFilters(new InitiativeIndex(initiatives), filters).indices;
}

/** The kept indices in the order of `order` (a pre-sorted permutation), without re-sorting. */
export function orderIndices(order: Uint32Array, kept: readonly number[], size: number): Uint32Array {
  if (kept.length === size) return order;
  const keptMask = new Uint8Array(size);
  for (const index of kept) keptMask[index] = 1;
  const result = new Uint32Array(kept.length);
  let cursor = 0;
  for (let position = 0; position < order.length; position += 1) {
    const index = order[position] as number;
    if (keptMask[index] === 1) {
      result[cursor] = index;
      cursor += 1;
    }
  }
  return result;
}

/** Map bounds [west, south, east, north]; west > east when the box crosses the antimeridian. */
export type Bounds = readonly [number, number, number, number];

/** Whether a point lies inside the bounds (a box crossing the antimeridian included). */
export function isInBounds(longitude: number, latitude: number, [west, south, east, north]: Bounds): boolean {
  if (latitude < south || latitude > north) return false;
  return west > east ? longitude >= west || longitude <= east : longitude >= west && longitude <= east;
}
