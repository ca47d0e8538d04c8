import { Layer, Source } from 'react-map-gl/maplibre';
import type { FeatureCollection } from 'geojson';
import { DEPARTMENT_CIRCLES_SOURCE, LAYERS, OVERLAY_SOURCE, SOURCES } from './layers';

interface MapLayersProps {
  /** The selection ring and the origin marker. */
  overlay: FeatureCollection;
  /** « Cercles par département ». */
  circles: FeatureCollection;
}

/**
 * Our sources and layers over the basemap, declared: react-map-gl adds them, updates their data
 * when it changes and puts them back after a basemap swap. The initiatives themselves are on
 * the cluster canvas (cluster-overlay.ts).
 */
export function MapLayers({ overlay, circles }: MapLayersProps) {
  const data: Record<string, FeatureCollection> = { [OVERLAY_SOURCE]: overlay, [DEPARTMENT_CIRCLES_SOURCE]: circles };
  return Object.entries(SOURCES).map(([id, source]) => (
    <Source key={id} id={id} {...source} data={data[id] ?? source.data}>
      {LAYERS.filter((layer) => 'source' in layer && layer.source === id).map((layer) => (
        <Layer key={layer.id} {...layer} />
      ))}
    </Source>
  ));
}
