import { useAppStore } from '../state/store';
import { REGIONS } from './regions';

interface MapToolsProps {
  /** The map is loaded: « Aller à » can move it. */
  ready: boolean;
  circles: boolean;
  onCirclesChange: (circles: boolean) => void;
}

/**
 * Buttons over the map: « Aller à » (the overseas départements are off the default view)
 * and the « Cercles par département » mode. Plain buttons, so the keyboard reaches them.
 */
export function MapTools({ ready, circles, onCirclesChange }: MapToolsProps) {
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
                disabled={!ready}
                onClick={() => useAppStore.getState().moveCamera({ kind: 'fit', bounds: region.bounds, maxZoom: 11 })}
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
