import type { Initiative } from './initiative';

/** Mean Earth radius in kilometres, the value @turf/turf uses, so both agree to the millimetre. */
const EARTH_RADIUS_KM = 6371.0088;
const RADIANS_PER_DEGREE = Math.PI / 180;

export interface GeoPoint {
  longitude: number;
  latitude: number;
}

/** Great-circle (haversine) distance in kilometres. */
export function distanceKm(from: GeoPoint, to: GeoPoint): number {
  return haversineKm(from.longitude, from.latitude, to.longitude, to.latitude);
}

function haversineKm(longitudeA: number, latitudeA: number, longitudeB: number, latitudeB: number): number {
  const deltaLatitude = (latitudeB - latitudeA) * RADIANS_PER_DEGREE;
  const deltaLongitude = (longitudeB - longitudeA) * RADIANS_PER_DEGREE;
  const halfChord =
    Math.sin(deltaLatitude / 2) ** 2 +
    Math.sin(deltaLongitude / 2) ** 2 * Math.cos(latitudeA * RADIANS_PER_DEGREE) * Math.cos(latitudeB * RADIANS_PER_DEGREE);
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(halfChord), Math.sqrt(1 - halfChord));
}

/**
 * Distances from `origin` to each initiative named by `indices`, aligned with `indices`.
 * A typed array keeps 100,000 distances in one flat allocation.
 */
export function distancesFrom(origin: GeoPoint, initiatives: readonly Initiative[], indices: ArrayLike<number>): Float64Array {
  const distances = new Float64Array(indices.length);
  for (let position = 0; position < indices.length; position += 1) {
    const initiative = initiatives[indices[position] as number];
    distances[position] = initiative
      ? haversineKm(origin.longitude, origin.latitude, initiative.longitude, initiative.latitude)
      : Number.POSITIVE_INFINITY;
  }
  return distances;
}

export interface DistanceOrder {
  /** The given indices, nearest first (ties keep their given order). */
  indices: number[];
  /** Distance in kilometres of each entry of `indices`, aligned with it. */
  distancesKm: Float64Array;
}

/** Orders initiatives by distance from `origin`, nearest first. */
export function orderByDistance(origin: GeoPoint, initiatives: readonly Initiative[], indices: ArrayLike<number>): DistanceOrder {
  const distances = distancesFrom(origin, initiatives, indices);
  const positions = new Uint32Array(indices.length);
  for (let position = 0; position < positions.length; position += 1) positions[position] = position;
  // Sorting positions (a typed array) rather than objects keeps this fast at 100,000; ties fall back to data order.
  positions.sort((left, right) => (distances[left] as number) - (distances[right] as number) || left - right);
  const orderedIndices = new Array<number>(positions.length);
  const orderedDistances = new Float64Array(positions.length);
  for (let rank = 0; rank < positions.length; rank += 1) {
    const position = positions[rank] as number;
    orderedIndices[rank] = indices[position] as number;
    orderedDistances[rank] = distances[position] as number;
  }
  return { indices: orderedIndices, distancesKm: orderedDistances };
}

/** The nearest of the given initiatives to `origin`, or null when there is none. One pass, no sort. */
export function nearestInitiative(
  origin: GeoPoint,
  initiatives: readonly Initiative[],
  indices: ArrayLike<number>,
): { index: number; distanceKm: number } | null {
  let best: { index: number; distanceKm: number } | null = null;
  for (let position = 0; position < indices.length; position += 1) {
    const index = indices[position] as number;
    const initiative = initiatives[index];
    if (!initiative) continue;
    const distance = haversineKm(origin.longitude, origin.latitude, initiative.longitude, initiative.latitude);
    if (best === null || distance < best.distanceKm) best = { index, distanceKm: distance };
  }
  return best;
}

const kilometreFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const metreFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** « 850 m », « 3,2 km », « 124 km »: precision a person can use, French number format. */
export function formatDistance(kilometres: number): string {
  if (kilometres < 1) return `${metreFormat.format(Math.round(kilometres * 1000 / 10) * 10)} m`;
  if (kilometres < 10) return `${kilometreFormat.format(kilometres)} km`;
  return `${metreFormat.format(kilometres)} km`;
}
