/**
 * The publish page's map preview (CONTRACT §9): every initiative a checked file will publish,
 * as a dot on the bundled offline basemap (nothing fetched from a tile server). Loaded lazily by
 * the page's shell, after a check, so the page's first script stays small. The list beside it
 * carries the same information for keyboard and screen-reader users.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { AttributionControl, LngLatBounds, Map as MapLibreMap, NavigationControl, setWorkerUrl, type GeoJSONSourceSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { DATA_ATTRIBUTION, OFFLINE_BASEMAP_PATH, offlineStyle } from './basemaps';
import { FRENCH_LOCALE } from './locale';
import { METROPOLITAN_FRANCE_BOUNDS } from './regions';

// Vite does not find MapLibre's worker by itself (see notes/setup-facts.md).
setWorkerUrl(workerUrl);

export interface PreviewPoint {
  longitude: number;
  latitude: number;
}

const SOURCE = 'preview-initiatives';
const LAYER = 'preview-initiatives';

function pointsData(points: readonly PreviewPoint[]): GeoJSONSourceSpecification['data'] {
  return {
    type: 'FeatureCollection',
    features: points.map((point) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [point.longitude, point.latitude] } })),
  };
}

/** Metropolitan France, or all the points when some lie beyond it (overseas départements). */
function boundsOf(points: readonly PreviewPoint[]): LngLatBounds {
  const [west, south, east, north] = METROPOLITAN_FRANCE_BOUNDS;
  const bounds = new LngLatBounds([west, south], [east, north]);
  for (const point of points) bounds.extend([point.longitude, point.latitude]);
  return bounds;
}

export default function PreviewMap({ points }: { points: readonly PreviewPoint[] }) {
  const container = useRef<HTMLDivElement>(null);
  // 'idle' once the basemap and every dot are drawn; 'failed' when MapLibre cannot start (no WebGL).
  const [status, setStatus] = useState<'loading' | 'idle' | 'failed'>('loading');
  const [drawn, setDrawn] = useState(0);

  const label = `Carte des ${points.length.toLocaleString('fr-FR')} initiatives à publier (la liste donne les mêmes informations)`;

  useEffect(() => {
    if (!container.current) return undefined;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: container.current,
        style: offlineStyle(new URL(OFFLINE_BASEMAP_PATH, document.baseURI).href),
        bounds: boundsOf(points),
        fitBoundsOptions: { padding: 24 },
        attributionControl: false,
        locale: FRENCH_LOCALE,
        dragRotate: false,
      });
    } catch {
      setStatus('failed');
      return undefined;
    }
    map.addControl(new AttributionControl({ compact: false, customAttribution: DATA_ATTRIBUTION }));
    map.addControl(new NavigationControl({ showCompass: false }));
    map.on('load', () => {
      map.getCanvas().setAttribute('aria-label', label);
      map.addSource(SOURCE, { type: 'geojson', data: pointsData(points) });
      map.addLayer({
        id: LAYER,
        type: 'circle',
        source: SOURCE,
        paint: { 'circle-radius': 5, 'circle-color': '#000091', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
      });
      map.once('idle', () => {
        setDrawn(map.queryRenderedFeatures({ layers: [LAYER] }).length);
        setStatus('idle');
      });
    });
    return () => map.remove();
  }, [points, label]);

  return (
    <div className="publish-map-frame">
      <div ref={container} className="publish-map" data-testid="preview-map" data-map-status={status} data-rendered-initiatives={drawn} />
      {status === 'failed' && <p>La carte ne peut pas s’afficher dans ce navigateur ; la liste reste complète.</p>}
    </div>
  );
}
