/**
 * The communes the geocoder knows, and their compact index: the one form in which both the
 * CLI and the browser receive them, so both geocode from the same data.
 *
 * The CLI builds the full gazetteer from node_modules (gazetteer.ts), encodes it with
 * `communeIndexOf` and geocodes from `gazetteerFromIndex` of that index; the build writes
 * the same index to `data/communes.json` (current communes; the first six fields are what
 * the commune search reads) and `data/communes-anciennes.json` (former communes and
 * municipal arrondissements), which the browser reads back with `gazetteerFromIndex`.
 */

/** A current commune, as the geocoder needs it. */
export interface Commune {
  /** INSEE (COG) code, 5 characters. */
  code: string;
  /** Official COG name. */
  name: string;
  departmentCode: string;
  postalCodes: readonly string[];
  population: number;
  /** WGS84, rounded to 5 decimals (about 1 m). */
  longitude: number;
  latitude: number;
  /** True when the point is a fallback, not this commune's own box or town point. */
  approximate: boolean;
}

export type FormerCommuneKind = 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';

/** A name and code that is not a current commune but resolves to one. */
export interface FormerCommune {
  code: string;
  name: string;
  kind: FormerCommuneKind;
  departmentCode: string;
  /** Code of the current commune it belongs to. */
  currentCode: string;
  postalCodes: readonly string[];
  /** Its own point, when it has a box of its own (kept for arrondissements). */
  point?: { longitude: number; latitude: number };
}

/** What the geocoder reads. */
export interface CommuneTable<C extends Commune = Commune> {
  /** Current communes, in code order. */
  communes: readonly C[];
  communeByCode: ReadonlyMap<string, C>;
  /** Former communes and arrondissements whose code is not also a current commune's code. */
  formerCommuneByCode: ReadonlyMap<string, FormerCommune>;
  /** Every former commune and arrondissement, including those sharing a current code. */
  formerCommunes: readonly FormerCommune[];
}

/** `[code, name, departmentCode, longitude, latitude, population, postalCodes (space-separated), approximate (0|1)]` */
export type CommuneIndexEntry = [string, string, string, number, number, number, string, number];

/** `[code, name, kind, departmentCode, currentCode, postalCodes (space-separated), longitude?, latitude?]` */
export type FormerCommuneIndexEntry = [string, string, FormerCommuneKind, string, string, string, number?, number?];

export interface CommuneIndex {
  communes: CommuneIndexEntry[];
  formerCommunes: FormerCommuneIndexEntry[];
}

const splitCodes = (text: string): string[] => (text ? text.split(' ') : []);

export function communeIndexOf(table: CommuneTable): CommuneIndex {
  return {
    communes: table.communes.map((commune) => [
      commune.code, commune.name, commune.departmentCode, commune.longitude, commune.latitude,
      commune.population, commune.postalCodes.join(' '), commune.approximate ? 1 : 0,
    ]),
    formerCommunes: table.formerCommunes.map((former) => {
      const entry: FormerCommuneIndexEntry = [former.code, former.name, former.kind, former.departmentCode, former.currentCode, former.postalCodes.join(' ')];
      if (former.point) entry.push(former.point.longitude, former.point.latitude);
      return entry;
    }),
  };
}

const FORMER_KINDS: readonly string[] = ['commune-deleguee', 'commune-associee', 'arrondissement-municipal'];

/** The index read back; throws an Error naming the first malformed entry (a damaged download). */
export function gazetteerFromIndex(index: { communes: unknown; formerCommunes: unknown }): CommuneTable {
  if (!Array.isArray(index.communes) || !Array.isArray(index.formerCommunes)) throw new Error('index des communes illisible');
  const communes: Commune[] = [];
  for (const entry of index.communes as unknown[]) {
    const [code, name, departmentCode, longitude, latitude, population, postalCodes, approximate] = entry as CommuneIndexEntry;
    if (typeof code !== 'string' || typeof name !== 'string' || typeof longitude !== 'number' || typeof latitude !== 'number' || typeof postalCodes !== 'string') {
      throw new Error(`index des communes illisible : ${JSON.stringify(entry).slice(0, 80)}`);
    }
    communes.push({ code, name, departmentCode, postalCodes: splitCodes(postalCodes), population, longitude, latitude, approximate: approximate === 1 });
  }
  const communeByCode = new Map(communes.map((commune) => [commune.code, commune]));
  const formerCommunes: FormerCommune[] = [];
  const formerCommuneByCode = new Map<string, FormerCommune>();
  for (const entry of index.formerCommunes as unknown[]) {
    const [code, name, kind, departmentCode, currentCode, postalCodes, longitude, latitude] = entry as FormerCommuneIndexEntry;
    if (typeof code !== 'string' || typeof name !== 'string' || !FORMER_KINDS.includes(kind) || typeof postalCodes !== 'string') {
      throw new Error(`index des communes illisible : ${JSON.stringify(entry).slice(0, 80)}`);
    }
    const former: FormerCommune = { code, name, kind, departmentCode, currentCode, postalCodes: splitCodes(postalCodes) };
    if (typeof longitude === 'number' && typeof latitude === 'number') former.point = { longitude, latitude };
    formerCommunes.push(former);
    if (!communeByCode.has(code) && !formerCommuneByCode.has(code)) formerCommuneByCode.set(code, former);
  }
  return { communes, communeByCode, formerCommuneByCode, formerCommunes };
}
