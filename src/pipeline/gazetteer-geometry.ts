/** Bounding-box arithmetic for placing communes; plain numbers, no data. */

/** [minLongitude, minLatitude, maxLongitude, maxLatitude] */
export type BoundingBox = readonly [number, number, number, number];

export interface Point {
  longitude: number;
  latitude: number;
}

/** WGS84 coordinates rounded to 5 decimals (about 1 m). */
export function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

export function centre(box: BoundingBox): Point {
  return { longitude: round5((box[0] + box[2]) / 2), latitude: round5((box[1] + box[3]) / 2) };
}

export function union(boxes: readonly BoundingBox[]): BoundingBox | undefined {
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

export function boxArea(box: BoundingBox): number {
  return (box[2] - box[0]) * (box[3] - box[1]);
}
