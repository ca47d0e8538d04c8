/**
 * The arrondissements municipaux of Paris, Lyon and Marseille: how people write them, and
 * where each one is. Pure data and functions (no I/O), usable in the browser.
 *
 * None of the installed sources gives them a point (fr-bounding-boxes has no box for them,
 * GeoNames only for Marseille), so the 45 points are listed here:
 * - Paris: the centroid of each arrondissement (Paris open data, « arrondissements »);
 * - Lyon: a central landmark of each arrondissement (Hôtel de Ville, Bellecour, Part-Dieu,
 *   Croix-Rousse, Fourvière, Masséna, Jean Macé, Monplaisir-Lumière, Vaise);
 * - Marseille: GeoNames' « Marseille 01 » … « Marseille 16 » (PPLA5, CC BY).
 */
import type { FormerCommune } from './communes';

type Point = { longitude: number; latitude: number };

/** COG code of each city with arrondissements, by its normalised name. */
const CITY_CODES = new Map([
  ['paris', '75056'],
  ['lyon', '69123'],
  ['marseille', '13055'],
]);

/** COG code of the first arrondissement minus one: 75100 + 11 = 75111 (Paris 11e). */
const FIRST_CODE_BASE: Record<string, number> = { '75056': 75100, '69123': 69380, '13055': 13200 };

const ORDINAL = '(\\d{1,2})(?:e|er|re|eme|ieme)?';
/** « Paris 11e », « Paris 11e Arrondissement », « Lyon 3ème », « Marseille 01 ». */
const CITY_FIRST = new RegExp(`^(paris|lyon|marseille) ${ORDINAL}(?: arr| arrondissement)?$`);
/** « 11e arrondissement de Paris », « 3e arrondissement Lyon ». */
const NUMBER_FIRST = new RegExp(`^${ORDINAL} arrondissement(?: de)? (paris|lyon|marseille)$`);

export interface ArrondissementName {
  /** COG code of the city (75056, 69123, 13055). */
  communeCode: string;
  /** COG code the arrondissement would have; it may not exist (« Lyon 12e »). */
  code: string;
  number: number;
}

/** The arrondissement a normalised name (see normalizePlaceName) designates, if it names one. */
export function parseArrondissementName(normalizedName: string): ArrondissementName | undefined {
  let city: string | undefined;
  let digits: string | undefined;
  const cityFirst = CITY_FIRST.exec(normalizedName);
  if (cityFirst) [, city, digits] = cityFirst;
  const numberFirst = cityFirst ? null : NUMBER_FIRST.exec(normalizedName);
  if (numberFirst) [, digits, city] = numberFirst;
  const communeCode = city ? CITY_CODES.get(city) : undefined;
  if (!communeCode || !digits) return undefined;
  const number = Number.parseInt(digits, 10);
  return { communeCode, number, code: String((FIRST_CODE_BASE[communeCode] ?? 0) + number) };
}

/** What a query says about an arrondissement, to be checked against the commune it resolved to. */
export interface ArrondissementHints {
  /** The arrondissement whose COG code was given (75111). */
  byCode?: FormerCommune;
  /** The arrondissement the commune name designates (« Paris 11e »). */
  byName?: FormerCommune;
  postalCode: string;
}

/**
 * The arrondissement of `communeCode` a query designates: by code, else by name, else by postal
 * code; undefined when none (or another commune's); a French reason when code and name disagree.
 */
export function chooseArrondissement(
  communeCode: string,
  hints: ArrondissementHints,
  byPostalCode: ReadonlyMap<string, FormerCommune>,
  givenName: string,
): FormerCommune | string | undefined {
  const { byCode, byName } = hints;
  if (byCode && byName && byCode !== byName) {
    return `le code INSEE ${byCode.code} est celui de « ${byCode.name} », pas de « ${givenName.trim()} » (${byName.name}, ${byName.code})`;
  }
  const chosen = byCode ?? byName ?? byPostalCode.get(hints.postalCode);
  return chosen?.currentCode === communeCode ? chosen : undefined;
}

/** One point inside each arrondissement, by COG code. */
export const ARRONDISSEMENT_POINTS: ReadonlyMap<string, Point> = new Map(
  (
    [
      ['75101', 2.33644, 48.86256], ['75102', 2.3428, 48.86828], ['75103', 2.36, 48.86287], ['75104', 2.35763, 48.85434],
      ['75105', 2.35071, 48.84444], ['75106', 2.3329, 48.84913], ['75107', 2.31219, 48.85617], ['75108', 2.31255, 48.87272],
      ['75109', 2.33746, 48.87716], ['75110', 2.36073, 48.87613], ['75111', 2.38006, 48.85906], ['75112', 2.42132, 48.83497],
      ['75113', 2.36227, 48.82839], ['75114', 2.32654, 48.82924], ['75115', 2.29283, 48.84009], ['75116', 2.26197, 48.86039],
      ['75117', 2.30678, 48.88733], ['75118', 2.34816, 48.89257], ['75119', 2.38482, 48.88708], ['75120', 2.40119, 48.86346],
      ['69381', 4.835, 45.76778], ['69382', 4.83222, 45.75778], ['69383', 4.85744, 45.76187], ['69384', 4.8275, 45.77944],
      ['69385', 4.81993, 45.76068], ['69386', 4.85333, 45.76944], ['69387', 4.84194, 45.745], ['69388', 4.8707, 45.7452],
      ['69389', 4.80361, 45.78028],
      ['13201', 5.38407, 43.29814], ['13202', 5.37034, 43.29664], ['13203', 5.37583, 43.30257], ['13204', 5.40141, 43.30213],
      ['13205', 5.40055, 43.29551], ['13206', 5.37918, 43.28764], ['13207', 5.36021, 43.28289], ['13208', 5.3821, 43.27083],
      ['13209', 5.4057, 43.25433], ['13210', 5.41523, 43.27889], ['13211', 5.4384, 43.2907], ['13212', 5.43617, 43.29614],
      ['13213', 5.40836, 43.31856], ['13214', 5.38004, 43.34447], ['13215', 5.35386, 43.37224], ['13216', 5.33421, 43.35982],
    ] as const
  ).map(([code, longitude, latitude]) => [code, { longitude, latitude }]),
);
