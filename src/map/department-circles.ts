/**
 * « Cercles proportionnels par département »: the map's layer of one circle per département,
 * from the statistics' per-département counts.
 */
import type { CountRow } from '../domain/statistics';
// Département boxes [west, south, east, north]; only departmentCircles reads them, so a bundle
// that draws no circles (the initial shell) can leave them out.
import departmentBoxes from '@etalab/fr-bounding-boxes/dist/departements.json';

export interface DepartmentCircleProperties {
  department: string;
  name: string;
  count: number;
  /** Circle radius in pixels, area proportional to count (so the eye compares amounts fairly). */
  radius: number;
}

export interface DepartmentCircles {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: DepartmentCircleProperties;
  }[];
}

let departmentCentres: Map<string, [number, number]> | null = null;

function centreOf(code: string): [number, number] | undefined {
  if (!departmentCentres) {
    departmentCentres = new Map(
      (departmentBoxes as { id: string; bbox: number[] }[]).map((box) => {
        const [west = 0, south = 0, east = 0, north = 0] = box.bbox;
        return [box.id.replace('fr:departement:', ''), [(west + east) / 2, (south + north) / 2]];
      }),
    );
  }
  return departmentCentres.get(code);
}

/**
 * « Cercles proportionnels par département »: one point per département with initiatives, at
 * the centre of its bounding box, carrying the count and a radius whose area is proportional
 * to it (largest = `maximumRadius` px). Largest first, so a map draws small circles on top.
 */
export function departmentCircles(rows: readonly CountRow[], maximumRadius = 40, minimumRadius = 4): DepartmentCircles {
  const largest = rows.reduce((maximum, row) => Math.max(maximum, row.count), 0);
  const features: DepartmentCircles['features'] = [];
  for (const row of [...rows].sort((left, right) => right.count - left.count)) {
    const centre = centreOf(row.key);
    if (!centre || row.count === 0) continue;
    const radius = Math.max(minimumRadius, maximumRadius * Math.sqrt(row.count / largest));
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: centre },
      properties: { department: row.key, name: row.label, count: row.count, radius },
    });
  }
  return { type: 'FeatureCollection', features };
}
