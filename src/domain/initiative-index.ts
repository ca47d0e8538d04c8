/**
 * The one index over a loaded dataset, shared by filtering, statistics and the list: each
 * initiative's codes as small integers in typed arrays (so counting and filtering 100,000 are
 * tight loops), its position by id, and, built when first needed, the sort orders and the
 * text search. Get it with indexFor(initiatives): one index per dataset.
 */
import { DEPARTMENTS } from './departments';
import type { Initiative } from './initiative';
import { communeOrder, nameOrder } from './sort-orders';
import { TERRITORY_IDS } from './territories';
import { TextSearch } from './text-search';
import { THEME_IDS } from './themes';

const themeSlot = new Map(THEME_IDS.map((id, slot) => [id as string, slot]));
const territorySlot = new Map(TERRITORY_IDS.map((id, slot) => [id as string, slot]));
const cogDepartmentSlot = new Map(DEPARTMENTS.map((department, slot) => [department.code, slot]));

/** Slot of a theme id in THEME_IDS (its bit in a theme mask), undefined for an unknown id. */
export function themeSlotOf(theme: string): number | undefined {
  return themeSlot.get(theme);
}

/** Slot of a territory id in TERRITORY_IDS, undefined for an unknown id. */
export function territorySlotOf(territory: string): number | undefined {
  return territorySlot.get(territory);
}

/** Bit i set when `themes` holds THEME_IDS[i]; unknown ids add nothing. */
export function themeMask(themes: readonly string[]): number {
  let mask = 0;
  for (const theme of themes) {
    const slot = themeSlot.get(theme);
    if (slot !== undefined) mask |= 1 << slot;
  }
  return mask;
}

export class InitiativeIndex {
  readonly size: number;
  /** Bit i set when the initiative has THEME_IDS[i]. */
  readonly themeMasks: Uint8Array;
  /** Slot in TERRITORY_IDS. */
  readonly territories: Uint8Array;
  /** Slot in departmentCodes. */
  readonly departments: Uint16Array;
  /** Département code of each slot: DEPARTMENTS' codes in order, then codes of the data outside the COG. */
  readonly departmentCodes: readonly string[];
  /** Built on first use (a link to one initiative, a selection): at 100,000 ids, ~0.1 s the first screen does not need. */
  private positionByIdCache: Map<string, number> | null = null;
  private readonly departmentSlot: Map<string, number>;
  private nameOrderCache: Uint32Array | null = null;
  private communeOrderCache: Uint32Array | null = null;
  private search: TextSearch;

  /**
   * `known`: parts already built while reading the data (the compact file's reader), used as they
   * are instead of being computed again from the initiatives.
   */
  constructor(readonly initiatives: readonly Initiative[], known: KnownIndexParts = {}) {
    const size = initiatives.length;
    this.size = size;
    const knownMasks = known.themeMasks?.length === size ? known.themeMasks : null;
    this.themeMasks = knownMasks ?? new Uint8Array(size);
    this.territories = new Uint8Array(size);
    this.departments = new Uint16Array(size);
    const codes = DEPARTMENTS.map((department) => department.code);
    this.departmentSlot = new Map(cogDepartmentSlot);
    for (let position = 0; position < size; position += 1) {
      const initiative = initiatives[position] as Initiative;
      if (!knownMasks) this.themeMasks[position] = themeMask(initiative.themes);
      this.territories[position] = territorySlot.get(initiative.territory) ?? 0;
      let slot = this.departmentSlot.get(initiative.department);
      if (slot === undefined) {
        slot = codes.push(initiative.department) - 1;
        this.departmentSlot.set(initiative.department, slot);
      }
      this.departments[position] = slot;
    }
    this.departmentCodes = codes;
    this.search = new TextSearch(initiatives);
  }

  /** Each id's position (the first initiative with it). */
  private get positionById(): Map<string, number> {
    if (!this.positionByIdCache) {
      const positions = new Map<string, number>();
      this.initiatives.forEach((initiative, position) => {
        if (!positions.has(initiative.id)) positions.set(initiative.id, position);
      });
      this.positionByIdCache = positions;
    }
    return this.positionByIdCache;
  }

  /** Position of the initiative with this id, undefined when there is none. */
  positionOf(id: string): number | undefined {
    return this.positionById.get(id);
  }

  /** The initiative with this id, undefined when there is none. */
  byId(id: string): Initiative | undefined {
    const position = this.positionById.get(id);
    return position === undefined ? undefined : this.initiatives[position];
  }

  /** Slot of a département code in departmentCodes, undefined when no slot has it. */
  departmentSlotOf(code: string): number | undefined {
    return this.departmentSlot.get(code);
  }

  /** Indices sorted by name (French alphabetical order), ties by commune. */
  get nameOrder(): Uint32Array {
    this.nameOrderCache ??= nameOrder(this.initiatives);
    return this.nameOrderCache;
  }

  /**
   * Takes the name order as the compact data file gives it (the pipeline sorted it with
   * sort-orders.ts), instead of sorting again; ignored when it does not fit this dataset.
   */
  adoptNameOrder(order: Uint32Array | null): void {
    if (order && order.length === this.size && !this.nameOrderCache) this.nameOrderCache = order;
  }

  /** Indices sorted by commune, then name. */
  get communeOrder(): Uint32Array {
    this.communeOrderCache ??= communeOrder(this.initiatives, this.nameOrder);
    return this.communeOrderCache;
  }

  /** Forgets the folded search texts: the initiatives' text properties were filled in since (compact data's details). */
  resetSearch(): void {
    this.search = new TextSearch(this.initiatives);
  }

  /** Builds the folded search texts; the app calls it when idle so the first search is quick. */
  prepareSearch(): readonly string[] {
    return this.search.prepare();
  }

  /** One idle slice of prepareSearch (see TextSearch.prepareStep); true once all are done. */
  prepareSearchStep(budgetMs: number): boolean {
    return this.search.prepareStep(budgetMs);
  }

  /** 1 for each initiative whose name, commune or description contains every word of the query; null when the query is empty. */
  queryMatches(query: string): Uint8Array | null {
    return this.search.matches(query);
  }
}

const indexes = new WeakMap<readonly Initiative[], InitiativeIndex>();

/** Parts of the index the data's reader may have built already (see the constructor). */
export interface KnownIndexParts {
  themeMasks?: Uint8Array;
}

/** The index of a dataset, built on first use (with `known` parts, if given) and then shared by everything that reads it. */
export function indexFor(initiatives: readonly Initiative[], known?: KnownIndexParts): InitiativeIndex {
  let index = indexes.get(initiatives);
  if (!index) {
    index = new InitiativeIndex(initiatives, known);
    indexes.set(initiatives, index);
  }
  return index;
}
