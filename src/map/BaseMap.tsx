import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import * as maplibre from 'maplibre-gl';
import { setWorkerUrl, type Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import {
  AttributionControl,
  Map,
  NavigationControl,
  ScaleControl,
  type ErrorEvent as MapErrorEvent,
  type MapLayerMouseEvent,
  type MapRef,
  type MapSourceDataEvent,
} from 'react-map-gl/maplibre';
import { useAppStore } from '../state/store';
import { viewOf } from './camera';
import { addMissingImages } from './images';
import { FRENCH_LOCALE } from './locale';
import { METROPOLITAN_FRANCE_BOUNDS } from './regions';

/** MapLibre's worker script, as built; MapView checks that it is served right. */
export const MAPLIBRE_WORKER_URL: string = workerUrl;

// Vite does not find MapLibre's worker by itself (see notes/setup-facts.md).
setWorkerUrl(workerUrl);

const CANVAS_LABEL = 'Carte des initiatives (la liste donne les mêmes informations au clavier)';

interface BaseMapProps {
  style: string | StyleSpecification;
  /** Changes when the basemap is swapped (the attribution control is rebuilt). */
  basemapKey: string;
  attribution: string[];
  /** In an iframe the wheel and one-finger drags belong to the host page. */
  embed: boolean;
  cursor: string;
  /** The instance, as soon as it exists (it can project before any basemap resource is in). */
  onReady: (map: MapLibreMap) => void;
  /** MapLibre's `load`: the map really draws (its worker runs, its style and first tiles are in). */
  onStarted: () => void;
  onError: (event: MapErrorEvent) => void;
  onSourceData: (event: MapSourceDataEvent) => void;
  onStyleData: () => void;
  onClick: (event: MapLayerMouseEvent) => void;
  onMouseMove: (event: MapLayerMouseEvent) => void;
  onMouseOut: () => void;
  children: ReactNode;
}

/** The map reports what it shows to the store, the viewport's one home. */
function reportViewport(map: MapLibreMap): void {
  const { bounds, zoom } = viewOf(map);
  useAppStore.getState().setViewport(bounds, zoom);
}

/**
 * The one component that creates and holds the MapLibre instance (react-map-gl's `<Map>`), with
 * the settings and controls every view of it shares. It hands the instance to the controller
 * (MapView) once loaded; the camera moves only through use-camera.ts.
 */
export function BaseMap({ style, basemapKey, attribution, embed, cursor, onReady, onStarted, children, ...events }: BaseMapProps) {
  const [map, setMap] = useState<MapLibreMap | null>(null);

  // The instance is handed over as soon as it exists, not at MapLibre's `load`: `load` waits for
  // every basemap tile, and a basemap that hangs (captive portal, slow proxy) would keep the
  // initiatives off the map. The camera can project from the start; the overlay draws at once.
  const handedOver = useRef<MapLibreMap | null>(null);
  const handOver = useCallback(
    (created: MapLibreMap) => {
      if (handedOver.current === created) return;
      handedOver.current = created;
      created.setMissingStyleImageResolver((name) => addMissingImages(created, [name]));
      created.getCanvas().setAttribute('aria-label', CANVAS_LABEL);
      reportViewport(created);
      setMap(created);
      onReady(created);
    },
    [onReady],
  );
  const mapRef = useCallback((ref: MapRef | null) => {
    if (ref) handOver(ref.getMap());
  }, [handOver]);
  const onLoad = useCallback(
    (event: { target: MapLibreMap }) => {
      handOver(event.target);
      onStarted();
    },
    [handOver, onStarted],
  );

  // In an iframe the map asks for Ctrl/⌘ or two fingers.
  useEffect(() => {
    if (embed) map?.cooperativeGestures.enable();
    else map?.cooperativeGestures.disable();
  }, [map, embed]);

  // The attribution starts unfolded, phones included (the licences ask for the credits to be
  // seen); MapLibre's compact control folds it on the first move of the map, ⓘ unfolds it again.

  return (
      <Map
        // Given, not imported by react-map-gl on mount: that import waited for this chunk to run.
        mapLib={maplibre}
        ref={mapRef}
        mapStyle={style}
        styleDiffing={false}
        initialViewState={{ bounds: METROPOLITAN_FRANCE_BOUNDS, fitBoundsOptions: { padding: 10 } }}
        hash
        // Symbols appear at once: a fade would keep the map busy (and repainting) for 300 ms after each filter change.
        fadeDuration={0}
        locale={FRENCH_LOCALE}
        cooperativeGestures={embed}
        attributionControl={false}
        cursor={cursor}
        onLoad={onLoad}
        onMoveEnd={(event) => reportViewport(event.target)}
        style={{ position: 'absolute', inset: 0 }}
        {...events}
      >
        <NavigationControl position="top-right" showCompass={false} />
        <ScaleControl position="bottom-left" />
        <AttributionControl key={basemapKey} position="bottom-right" compact customAttribution={attribution} />
        {children}
      </Map>
  );
}
