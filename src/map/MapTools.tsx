import type { Map as MapLibreMap } from 'maplibre-gl';
import { REGIONS } from './regions';

interface MapToolsProps {
  map: MapLibreMap | null;
  circles: boolean;
  onCirclesChange: (circles: boolean) => void;
}

/**
 * Buttons over the map: « Aller à » (the overseas départements are off the default view)
 * and the « Cercles par département » mode. Plain buttons, so the keyboard reaches them.
 */
export function MapTools({ map, circles, onCirclesChange }: MapToolsProps) {
  return (
    <div className="map-tools">
      <button type="button" className="map-tools-toggle" aria-pressed={circles} onClick={() => onCirclesChange(!circles)}>
        Cercles par département
      </button>
      <details className="map-jump">
        <summary>Aller à</summary>
        <ul aria-label="Aller à">
          {REGIONS.map((region) => (
            <li key={region.id}>
              <button
                type="button"
                disabled={!map}
                onClick={() => map?.fitBounds(region.bounds, { padding: 20, maxZoom: 11, essential: true })}
              >
                {region.label}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
