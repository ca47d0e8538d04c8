import type { Initiative } from '../domain/initiative';
import type { ThemeId } from '../domain/themes';
import type { TerritoryId } from '../domain/territories';

/**
 * The initiatives as the load worker hands them to the page. Posting 100,000 objects costs
 * seconds of structured cloning on both threads, most of it in their million small strings:
 * here repeated values are sent once, numbers as typed arrays, and the long texts the first
 * paint never reads (description, source, website, legal form) as one UTF-8 buffer that is
 * transferred, not copied, and decoded one text at a time when something reads it.
 */
export interface InitiativeColumns {
  ids: string[];
  names: string[];
  themeTable: ThemeId[][];
  themeRefs: Uint32Array;
  territoryTable: TerritoryId[];
  territoryRefs: Uint32Array;
  communeTable: string[];
  communeRefs: Uint32Array;
  inseeTable: string[];
  inseeRefs: Uint32Array;
  departmentTable: string[];
  departmentRefs: Uint32Array;
  longitudes: Float64Array;
  latitudes: Float64Array;
  approximate: Uint8Array;
  /** UTF-8 of every initiative's cold texts end to end, in COLD_FIELDS order. */
  coldTexts: Uint8Array;
  /** End offset in `coldTexts` of each cold text: COLD_FIELDS.length per initiative. */
  coldTextEnds: Uint32Array;
}

const COLD_FIELDS = ['description', 'source', 'website', 'legalForm'] as const;
type ColdField = (typeof COLD_FIELDS)[number];

/** Each distinct value once, and for each row the position of its value. */
function intern<T>(values: readonly T[], keyOf: (value: T) => string): { table: T[]; refs: Uint32Array } {
  const table: T[] = [];
  const positions = new Map<string, number>();
  const refs = new Uint32Array(values.length);
  for (let row = 0; row < values.length; row += 1) {
    const value = values[row] as T;
    const key = keyOf(value);
    let position = positions.get(key);
    if (position === undefined) {
      position = table.length;
      table.push(value);
      positions.set(key, position);
    }
    refs[row] = position;
  }
  return { table, refs };
}

const identity = (value: string): string => value;

export function toColumns(initiatives: readonly Initiative[]): InitiativeColumns {
  const size = initiatives.length;
  const longitudes = new Float64Array(size);
  const latitudes = new Float64Array(size);
  const approximate = new Uint8Array(size);
  const coldTextEnds = new Uint32Array(size * COLD_FIELDS.length);
  const encoder = new TextEncoder();
  // UTF-8 takes at most 3 bytes per UTF-16 unit; the buffer grows when that guess falls short.
  let coldTexts = new Uint8Array(1 << 22);
  let written = 0;
  for (let row = 0; row < size; row += 1) {
    const initiative = initiatives[row] as Initiative;
    longitudes[row] = initiative.longitude;
    latitudes[row] = initiative.latitude;
    approximate[row] = initiative.approximate ? 1 : 0;
    for (let field = 0; field < COLD_FIELDS.length; field += 1) {
      const text = initiative[COLD_FIELDS[field] as ColdField];
      if (written + text.length * 3 > coldTexts.length) {
        const grown = new Uint8Array(Math.max(coldTexts.length * 2, written + text.length * 3));
        grown.set(coldTexts.subarray(0, written));
        coldTexts = grown;
      }
      // Encoding each text in place costs half of joining them all first (measured at 100,000).
      // A lone surrogate (invalid UTF-16, only possible through a \u escape) reads back as U+FFFD.
      if (text.length > 0) written += encoder.encodeInto(text, coldTexts.subarray(written)).written;
      coldTextEnds[row * COLD_FIELDS.length + field] = written;
    }
  }
  const themes = intern(initiatives.map((initiative) => initiative.themes), (list) => list.join(','));
  const territories = intern(initiatives.map((initiative) => initiative.territory), identity);
  const communes = intern(initiatives.map((initiative) => initiative.commune), identity);
  const insees = intern(initiatives.map((initiative) => initiative.insee), identity);
  const departments = intern(initiatives.map((initiative) => initiative.department), identity);
  return {
    ids: initiatives.map((initiative) => initiative.id),
    names: initiatives.map((initiative) => initiative.name),
    themeTable: themes.table,
    themeRefs: themes.refs,
    territoryTable: territories.table,
    territoryRefs: territories.refs,
    communeTable: communes.table,
    communeRefs: communes.refs,
    inseeTable: insees.table,
    inseeRefs: insees.refs,
    departmentTable: departments.table,
    departmentRefs: departments.refs,
    longitudes,
    latitudes,
    approximate,
    coldTexts,
    coldTextEnds,
  };
}

/** The buffers `postMessage` may move to the page instead of copying. */
export function transferablesOf(columns: InitiativeColumns): ArrayBuffer[] {
  return [
    columns.themeRefs, columns.territoryRefs, columns.communeRefs, columns.inseeRefs, columns.departmentRefs,
    columns.longitudes, columns.latitudes, columns.approximate, columns.coldTexts, columns.coldTextEnds,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** Decodes one cold text when it is read; shared by every initiative of one load. */
class ColdTexts {
  private readonly decoder = new TextDecoder();
  constructor(
    private readonly bytes: Uint8Array,
    private readonly ends: Uint32Array,
  ) {}

  read(row: number, field: number): string {
    const slot = row * COLD_FIELDS.length + field;
    const start = slot === 0 ? 0 : (this.ends[slot - 1] as number);
    const end = this.ends[slot] as number;
    return start === end ? '' : this.decoder.decode(this.bytes.subarray(start, end));
  }
}

/** An initiative whose long texts stay encoded until something reads them. */
class ColumnarInitiative implements Initiative {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly themes: ThemeId[],
    readonly territory: TerritoryId,
    readonly commune: string,
    readonly insee: string,
    readonly department: string,
    readonly longitude: number,
    readonly latitude: number,
    readonly approximate: boolean,
    private readonly row: number,
    private readonly texts: ColdTexts,
  ) {}

  get description(): string {
    return this.texts.read(this.row, 0);
  }

  get source(): string {
    return this.texts.read(this.row, 1);
  }

  get website(): string {
    return this.texts.read(this.row, 2);
  }

  get legalForm(): string {
    return this.texts.read(this.row, 3);
  }

  /** Spelled out so JSON.stringify, logging and tests see every field like a plain initiative. */
  toJSON(): Initiative {
    return {
      id: this.id, name: this.name, themes: this.themes, territory: this.territory, commune: this.commune,
      insee: this.insee, department: this.department, description: this.description, source: this.source,
      website: this.website, legalForm: this.legalForm, longitude: this.longitude, latitude: this.latitude,
      approximate: this.approximate,
    };
  }
}

export function fromColumns(columns: InitiativeColumns): Initiative[] {
  const texts = new ColdTexts(columns.coldTexts, columns.coldTextEnds);
  const size = columns.ids.length;
  const initiatives = new Array<Initiative>(size);
  for (let row = 0; row < size; row += 1) {
    initiatives[row] = new ColumnarInitiative(
      columns.ids[row] as string,
      columns.names[row] as string,
      // Each initiative gets its own array, as from the parser: nothing is shared between them.
      (columns.themeTable[columns.themeRefs[row] as number] as ThemeId[]).slice(),
      columns.territoryTable[columns.territoryRefs[row] as number] as TerritoryId,
      columns.communeTable[columns.communeRefs[row] as number] as string,
      columns.inseeTable[columns.inseeRefs[row] as number] as string,
      columns.departmentTable[columns.departmentRefs[row] as number] as string,
      columns.longitudes[row] as number,
      columns.latitudes[row] as number,
      columns.approximate[row] === 1,
      row,
      texts,
    );
  }
  return initiatives;
}
