/**
 * Where the « Aller à » control takes the camera. The default view is metropolitan France,
 * which leaves the five overseas départements off screen.
 */
import departmentBoxes from '@etalab/fr-bounding-boxes/dist/departements.json';

/** [west, south, east, north] */
export type RegionBounds = [number, number, number, number];

export interface Region {
  id: string;
  label: string;
  bounds: RegionBounds;
}

/** Metropolitan France with Corsica: the default view. */
export const METROPOLITAN_FRANCE_BOUNDS: RegionBounds = [-5.3, 41.3, 9.6, 51.2];

const OVERSEAS: readonly { code: string; label: string }[] = [
  { code: '971', label: 'Guadeloupe' },
  { code: '972', label: 'Martinique' },
  { code: '973', label: 'Guyane' },
  { code: '974', label: 'La Réunion' },
  { code: '976', label: 'Mayotte' },
];

function boxOf(code: string): RegionBounds {
  const entry = (departmentBoxes as { id: string; bbox: number[] }[]).find((box) => box.id === `fr:departement:${code}`);
  const [west, south, east, north] = entry?.bbox ?? [];
  if (west === undefined || south === undefined || east === undefined || north === undefined) {
    throw new Error(`No bounding box for département ${code}`);
  }
  return [west, south, east, north];
}

export const REGIONS: readonly Region[] = [
  { id: 'metropole', label: 'Métropole', bounds: METROPOLITAN_FRANCE_BOUNDS },
  ...OVERSEAS.map(({ code, label }) => ({ id: code, label, bounds: boxOf(code) })),
];
