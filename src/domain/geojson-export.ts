import { TEXT_PROPERTIES, textProperty, type Initiative, type PublishedFeature, type PublishedProperties } from './initiative';

export const GEOJSON_MEDIA_TYPE = 'application/geo+json;charset=utf-8';

/** One initiative as a feature of the published GeoJSON (CONTRACT §3), keys in the pipeline's order. */
export function initiativeToFeature(initiative: Initiative): PublishedFeature {
  const properties: Record<string, unknown> = {
    id: initiative.id,
    name: initiative.name,
    themes: initiative.themes,
    territory: initiative.territory,
    commune: initiative.commune,
    insee: initiative.insee,
    department: initiative.department,
  };
  for (const property of TEXT_PROPERTIES) {
    const value = textProperty(initiative, property);
    // An optional property is left out when absent or empty, as the pipeline leaves it out.
    if (property.presence === 'always') properties[property.key] = value ?? '';
    else if (value) properties[property.key] = value;
  }
  properties.approximate = initiative.approximate;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [initiative.longitude, initiative.latitude] },
    properties: properties as unknown as PublishedProperties,
  };
}

/**
 * The shown initiatives as a GeoJSON FeatureCollection with the published properties
 * (CONTRACT §3) and a flat `themes_txt`, so an export can be loaded back by the app or any GIS
 * tool, Shapefile and GeoPackage included.
 */
export function buildGeoJson(initiatives: readonly Initiative[], indices: ArrayLike<number>): string {
  const features = [];
  for (let position = 0; position < indices.length; position += 1) {
    const initiative = initiatives[indices[position] as number];
    if (!initiative) continue;
    const feature = initiativeToFeature(initiative);
    // The themes again as one text, for GIS formats without list fields (a Shapefile drops the
    // `themes` array): a name of 10 characters at most, the limit of a Shapefile field name.
    features.push({ ...feature, properties: { ...feature.properties, themes_txt: initiative.themes.join(';') } });
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}
