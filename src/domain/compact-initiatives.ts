/**
 * Initiatives in the compact data file (docs/compact-data.md): one core block with what the
 * first screen needs (point, name, themes, territory, commune, codes), then details blocks with
 * the text properties (description, contacts…) of DETAILS_BLOCK_SIZE records each, which the
 * page reads after it has drawn. Checked on reading by the same rules as the GeoJSON
 * (geojson.ts): a bad record is reported and skipped, the others kept.
 */
import { decodeBlock, NO_STRING, type DecodedBlock } from './compact-format';
import { DEPARTMENT_PATTERN, INSEE_PATTERN } from './geojson';
import { fieldOf, TEXT_PROPERTIES, type Initiative } from './initiative';
import { themeMask } from './initiative-index';
import { TERRITORY_IDS, type TerritoryId } from './territories';
import { THEME_IDS, type ThemeId } from './themes';

export const DETAILS_BLOCK_SIZE = 10_000;

/** What ties a compact file to the GeoJSON it was made from (the GeoJSON's `compact` member). */
export interface CompactLink {
  href: string;
  digest: string;
  /** Length of the file's opening the first screen needs (magic line, core and order blocks): the page asks for just these bytes. */
  coreBytes?: number;
}

/** The core block read: the initiatives (text properties still empty) and where each record went. */
export interface CompactCore {
  initiatives: Initiative[];
  invalid: { index: number; reason: string }[];
  /** For each record of the file, its position in `initiatives`, or -1 when it was skipped. */
  positions: Int32Array;
  /** Each initiative's theme mask (initiative-index.ts): built while reading, handed to the index. */
  themeMasks: Uint8Array;
  /** Positions in `initiatives` sorted by name (sort-orders.ts), as the file gives them; null when it gives none or a wrong one. */
  nameOrder: Uint32Array | null;
  digest: string;
  updated?: string;
}

const themeIds = new Set<string>(THEME_IDS);
const territoryIds = new Set<string>(TERRITORY_IDS);

/** A string column as the block holds it, checked to point inside its string table. */
function stringColumn(block: DecodedBlock, name: string): Uint32Array {
  const column = block.columns.get(name);
  if (!(column instanceof Uint32Array)) throw new Error(`colonne ${name} absente`);
  return column;
}

/**
 * `check` of a string of the table, by its index, each string checked once (at the first
 * record that uses it); null for an index outside the table and for a string `check` refuses.
 * Arrays, not a Map: at 100,000 records four lookups per record are on the page's first load.
 */
function checkedStrings<T>(strings: readonly string[], check: (value: string) => T | null): (index: number) => T | null {
  const checked = new Uint8Array(strings.length);
  // Allocated at full length: writes at scattered indices into an empty array can turn it into a
  // dictionary (each lookup a hash lookup).
  const verdicts = new Array<T | null>(strings.length).fill(null);
  return (index) => {
    if (index >= strings.length) return null;
    if (checked[index] === 0) {
      checked[index] = 1;
      verdicts[index] = check(strings[index] as string);
    }
    return verdicts[index] ?? null;
  };
}

/** The file's name order turned into positions of the kept initiatives, or null when it is not a permutation of the records. */
function keptNameOrder(order: Uint32Array | undefined, positions: Int32Array, kept: number): Uint32Array | null {
  if (!order || order.length !== positions.length) return null;
  const seen = new Uint8Array(positions.length);
  const result = new Uint32Array(kept);
  let next = 0;
  for (const record of order) {
    if (record >= positions.length || seen[record]) return null;
    seen[record] = 1;
    const position = positions[record] as number;
    if (position >= 0) result[next++] = position;
  }
  return result;
}

/**
 * Reads the core blocks one by one as they arrive (their initiatives' text properties empty until
 * the details blocks are read), then the order block; `done` once it has.
 */
export class CompactCoreReader {
  private readonly initiatives: Initiative[] = [];
  private readonly invalid: CompactCore['invalid'] = [];
  /**
   * Ids of the core blocks before the current one, to find a duplicate across blocks; null while
   * there is one block (up to CORE_BLOCK_SIZE records). Within a block, a string is in its table
   * once: a repeated id is a repeated string index, checked without hashing 100,000 strings.
   */
  private earlierIds: Set<string> | null = null;
  private themeMasks: number[] = [];
  private positions: Int32Array | null = null;
  private digest: string | null = null;
  private updated: string | undefined;
  private records = 0;
  private order: Uint32Array | null = null;
  done = false;

  /** Reads the next block of the file's opening: a core block, or the order block that ends it. */
  add(block: DecodedBlock): void {
    const { header } = block;
    if (this.digest === null) {
      if (header.kind !== 'core' || typeof header.digest !== 'string' || !Number.isSafeInteger(header.total)) throw new Error('le premier bloc n’est pas celui des initiatives');
      this.digest = header.digest;
      this.updated = typeof header.updated === 'string' ? header.updated : undefined;
      this.positions = new Int32Array(header.total as number).fill(-1);
    } else if (header.digest !== this.digest) {
      throw new Error('blocs de fichiers différents');
    }
    const positions = this.positions as Int32Array;
    if (header.kind === 'order') {
      const order = block.columns.get('nameOrder');
      if (this.records !== positions.length) throw new Error('initiatives incomplètes');
      this.order = keptNameOrder(order instanceof Uint32Array ? order : undefined, positions, this.initiatives.length);
      this.done = true;
      return;
    }
    if (header.kind !== 'core' || header.start !== this.records || header.start + header.count > positions.length) throw new Error('bloc d’initiatives inattendu');
    const firstKept = this.initiatives.length;
    readCoreBlock(block, positions, this.initiatives, this.invalid, this.earlierIds, this.themeMasks);
    this.records += header.count;
    if (this.records < positions.length) {
      this.earlierIds ??= new Set();
      for (let position = firstKept; position < this.initiatives.length; position += 1) this.earlierIds.add((this.initiatives[position] as Initiative).id);
    }
  }

  /** The digest the first block gave (null before it), to compare with the GeoJSON's. */
  get fileDigest(): string | null {
    return this.digest;
  }

  core(): CompactCore {
    if (!this.done) throw new Error('initiatives incomplètes');
    const { initiatives, invalid, updated } = this;
    return { initiatives, invalid, positions: this.positions as Int32Array, themeMasks: Uint8Array.from(this.themeMasks), nameOrder: this.order, digest: this.digest as string, ...(updated !== undefined ? { updated } : {}) };
  }
}

/**
 * One core block's records, checked, appended to `initiatives` (their positions in `positions`,
 * bad ones in `invalid`); `earlierIds`: the ids of the blocks read before, if any.
 */
function readCoreBlock(block: DecodedBlock, positions: Int32Array, initiatives: Initiative[], invalid: CompactCore['invalid'], earlierIds: ReadonlySet<string> | null, themeMasks: number[]): void {
  const { header, strings } = block;
  const longitude = block.columns.get('longitude');
  const latitude = block.columns.get('latitude');
  const approximate = block.columns.get('approximate');
  if (!(longitude instanceof Float64Array) || !(latitude instanceof Float64Array) || !(approximate instanceof Uint8Array)) throw new Error('colonnes de position absentes');
  const column = (name: string) => stringColumn(block, name);
  const ids = column('id');
  const names = column('name');
  const themeLists = column('themes');
  const territories = column('territory');
  const communes = column('commune');
  const insees = column('insee');
  const departments = column('department');
  const themesOf = checkedStrings(strings, (value) => {
    const themes = value.split(',');
    // Shared by every initiative with these themes, hence frozen: nothing may change one through another.
    return themes.length > 0 && themes.every((theme) => themeIds.has(theme)) ? Object.freeze(themes as ThemeId[]) : null;
  });
  const maskOf = checkedStrings(strings, (value) => themeMask(value.split(',')));
  const isTerritory = checkedStrings(strings, (value) => (territoryIds.has(value) ? (value as TerritoryId) : null));
  const isInsee = checkedStrings(strings, (value) => (INSEE_PATTERN.test(value) ? value : null));
  const isDepartment = checkedStrings(strings, (value) => (DEPARTMENT_PATTERN.test(value) ? value : null));
  const idTaken = new Uint8Array(strings.length);
  const at = (column: Uint32Array, record: number) => {
    const index = column[record] as number;
    return index === NO_STRING || index >= strings.length ? null : index;
  };
  for (let record = 0; record < header.count; record += 1) {
    const id = at(ids, record);
    const name = at(names, record);
    const themes = at(themeLists, record);
    const territory = at(territories, record);
    const commune = at(communes, record);
    const insee = at(insees, record);
    const department = at(departments, record);
    const lon = longitude[record] as number;
    const lat = latitude[record] as number;
    let reason: string | null = null;
    if (id === null || strings[id] === '') reason = 'id: absent';
    else if (name === null || strings[name] === '') reason = 'name: absent';
    else if (themes === null || themesOf(themes) === null) reason = 'themes: thème inconnu';
    else if (territory === null || isTerritory(territory) === null) reason = 'territory: territoire inconnu';
    else if (commune === null) reason = 'commune: absente';
    else if (insee === null || isInsee(insee) === null) reason = 'insee: code invalide';
    else if (department === null || isDepartment(department) === null) reason = 'department: code invalide';
    else if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) reason = 'coordinates: hors limites';
    else if (idTaken[id] === 1 || earlierIds?.has(strings[id] as string)) reason = `id en double : ${strings[id]}`;
    if (reason !== null) {
      invalid.push({ index: header.start + record, reason });
      continue;
    }
    const idText = strings[id as number] as string;
    idTaken[id as number] = 1;
    themeMasks.push(maskOf(themes as number) ?? 0);
    positions[header.start + record] = initiatives.length;
    initiatives.push({
      id: idText,
      name: strings[name as number] as string,
      themes: themesOf(themes as number) as ThemeId[],
      territory: isTerritory(territory as number) as TerritoryId,
      commune: strings[commune as number] as string,
      insee: strings[insee as number] as string,
      department: strings[department as number] as string,
      approximate: approximate[record] === 1,
      // Every text property, in one literal (a spread here cost ~100 ms at 100,000); a test
      // checks it names all of TEXT_PROPERTIES. Filled in by applyCompactDetails.
      description: '',
      legalForm: '',
      website: '',
      source: '',
      address: undefined,
      email: undefined,
      phone: undefined,
      openingHours: undefined,
      siret: undefined,
      verifiedAt: undefined,
      longitude: lon,
      latitude: lat,
    });
  }
}

/**
 * Writes one details block's text properties into the initiatives `core` made (they are the
 * app's own objects, not yet shared with anything that copies them). Returns the records it filled.
 */
export function applyCompactDetails(core: CompactCore, block: DecodedBlock): number {
  const { header, strings } = block;
  if (header.kind !== 'details' || header.start + header.count > core.positions.length) throw new Error('bloc de détails hors des initiatives');
  const columns = TEXT_PROPERTIES.map((property) => ({ field: fieldOf(property), values: stringColumn(block, property.key) }));
  let filled = 0;
  for (let offset = 0; offset < header.count; offset += 1) {
    const position = core.positions[header.start + offset] as number;
    if (position < 0) continue;
    const initiative = core.initiatives[position] as unknown as Record<string, string | undefined>;
    for (const { field, values } of columns) {
      const index = values[offset] as number;
      if (index !== NO_STRING && index < strings.length) initiative[field] = strings[index];
    }
    filled += 1;
  }
  return filled;
}

export { decodeBlock };
