/**
 * Placing each current commune on one point: its GeoNames town, else its box centre, else
 * (flagged approximate) a namesake place, its collectivity's chief town, the neighbour it was
 * split from, or its département's centre. See docs/pipeline.md, « Où le point est placé ».
 */
import { departmentOfCode } from '../domain/departments';
import { normalizePlaceName } from '../domain/place-names';
import type { Commune, PlacementMethod } from './gazetteer';
import { boxArea, centre, isInsideBox, round5, union, type BoundingBox, type Point } from './gazetteer-geometry';
import type { CogRecord, GeoNamesCity, GeoNamesTowns } from './gazetteer-sources';

/**
 * Reference points of the overseas collectivités (their chief town), used only for their
 * communes that no source places; such points are always flagged approximate.
 */
const COLLECTIVITY_REFERENCE: Record<string, Point & { country: string }> = {
  '975': { longitude: -56.1773, latitude: 46.7811, country: 'PM' },
  '977': { longitude: -62.8508, latitude: 17.8958, country: 'BL' },
  '978': { longitude: -63.0822, latitude: 18.0675, country: 'MF' },
  '984': { longitude: 70.2192, latitude: -49.3497, country: 'TF' },
  '986': { longitude: -176.1745, latitude: -13.2825, country: 'WF' },
  '987': { longitude: -149.5667, latitude: -17.5350, country: 'PF' },
  '988': { longitude: 166.4572, latitude: -22.2758, country: 'NC' },
  '989': { longitude: -109.2167, latitude: 10.3000, country: 'CP' },
};

/** Tolerance around a box when checking that a town point lies in it (degrees, about 500 m). */
const BOX_TOLERANCE = 0.005;

export interface PlacementSources {
  /** Current communes, in any order. */
  currentRecords: readonly CogRecord[];
  /** Codes of the former communes each current commune absorbed, to place communes nouvelles. */
  formerCodesByParent: ReadonlyMap<string, readonly string[]>;
  communeBoxes: ReadonlyMap<string, BoundingBox>;
  departmentBoxes: ReadonlyMap<string, BoundingBox>;
  towns: GeoNamesTowns;
}

/** Every current commune with its point, in code order. */
export function placeCommunes(sources: PlacementSources): Commune[] {
  const { communes, unplaced, boxByCode } = placeFromBoxes(sources);
  const townsByDepartmentAndName = new Map<string, GeoNamesCity[]>();
  for (const city of sources.towns.all) {
    const department = city.muniSub ? departmentOfCode(city.muniSub) : city.country;
    const key = `${department}|${normalizePlaceName(city.name)}`;
    const list = townsByDepartmentAndName.get(key);
    if (list) list.push(city);
    else townsByDepartmentAndName.set(key, [city]);
  }
  for (const record of unplaced) {
    communes.push(placeFallback(record, sources, townsByDepartmentAndName, boxByCode));
  }
  return communes.sort((first, second) => (first.code < second.code ? -1 : first.code > second.code ? 1 : 0));
}

/** The exact placements: the commune's own box (or its former communes' boxes), refined by its GeoNames town. */
function placeFromBoxes(sources: PlacementSources): { communes: Commune[]; unplaced: CogRecord[]; boxByCode: Map<string, BoundingBox> } {
  const communes: Commune[] = [];
  const unplaced: CogRecord[] = [];
  const boxByCode = new Map<string, BoundingBox>();
  for (const record of sources.currentRecords) {
    let box = sources.communeBoxes.get(record.code);
    let placement: PlacementMethod = 'commune-box';
    if (!box) {
      const formerBoxes = (sources.formerCodesByParent.get(record.code) ?? [])
        .map((code) => sources.communeBoxes.get(code))
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
    const town = (sources.towns.byCode.get(record.code) ?? []).find(
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
  return { communes, unplaced, boxByCode };
}

/** A fallback point for a commune no box places; always flagged approximate. */
function placeFallback(
  record: CogRecord,
  sources: PlacementSources,
  townsByDepartmentAndName: ReadonlyMap<string, GeoNamesCity[]>,
  boxByCode: ReadonlyMap<string, BoundingBox>,
): Commune {
  const collectivity = COLLECTIVITY_REFERENCE[record.departement];
  const nameKey = `${collectivity ? collectivity.country : record.departement}|${normalizePlaceName(record.nom)}`;
  const namesake = townsByDepartmentAndName.get(nameKey)?.[0];
  if (namesake) {
    const point = { longitude: round5(namesake.loc.coordinates[0]), latitude: round5(namesake.loc.coordinates[1]) };
    return makeCommune(record, point, 'geonames-name');
  }
  if (collectivity) {
    return makeCommune(record, { longitude: collectivity.longitude, latitude: collectivity.latitude }, 'collectivity-reference');
  }
  // A re-established commune shares its postal code with the commune it was split from.
  const neighbours = sources.currentRecords
    .filter(
      (other) =>
        other.departement === record.departement &&
        other.code !== record.code &&
        boxByCode.has(other.code) &&
        (other.codesPostaux ?? []).some((postalCode) => (record.codesPostaux ?? []).includes(postalCode)),
    )
    .map((other) => boxByCode.get(other.code) as BoundingBox)
    .sort((first, second) => boxArea(second) - boxArea(first));
  if (neighbours[0]) return makeCommune(record, centre(neighbours[0]), 'neighbour-box');
  const departmentBox = sources.departmentBoxes.get(record.departement);
  if (departmentBox) return makeCommune(record, centre(departmentBox), 'department-box');
  throw new Error(`Gazetteer: no point at all for commune ${record.code} ${record.nom}`);
}

function makeCommune(record: CogRecord, point: Point, placement: PlacementMethod): Commune {
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
