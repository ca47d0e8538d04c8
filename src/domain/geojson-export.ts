import type { Initiative } from './initiative';

export const GEOJSON_MEDIA_TYPE = 'application/geo+json;charset=utf-8';

/** One initiative as a feature of the published GeoJSON (CONTRACT §3). */
export function initiativeToFeature(initiative: Initiative) {
  return {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [initiative.longitude, initiative.latitude] },
    properties: {
      id: initiative.id,
      name: initiative.name,
      themes: initiative.themes,
      territory: initiative.territory,
      commune: initiative.commune,
      insee: initiative.insee,
      department: initiative.department,
      description: initiative.description,
      source: initiative.source,
      website: initiative.website,
      legalForm: initiative.legalForm,
      approximate: initiative.approximate,
    },
  };
}

/**
 * The shown initiatives as a GeoJSON FeatureCollection with the published properties
 * (CONTRACT §3), so an export can be loaded back by the app or any GIS tool.
 */
export function buildGeoJson(initiatives: readonly Initiative[], indices: ArrayLike<number>): string {
  const features = [];
  for (let position = 0; position < indices.length; position += 1) {
    const initiative = initiatives[indices[position] as number];
    if (initiative) features.push(initiativeToFeature(initiative));
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}
