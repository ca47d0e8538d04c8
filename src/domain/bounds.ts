/** A geographic box [west, south, east, north] in degrees; west > east when it crosses the antimeridian. */
export type Bounds = readonly [west: number, south: number, east: number, north: number];

/** Whether a point lies inside the bounds (a box crossing the antimeridian included). */
export function isInBounds(longitude: number, latitude: number, [west, south, east, north]: Bounds): boolean {
  if (latitude < south || latitude > north) return false;
  return west > east ? longitude >= west || longitude <= east : longitude >= west && longitude <= east;
}
