import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { EMPTY_DATA_MESSAGE, useAppStore } from '../state/store';
import { BaseMap, MAPLIBRE_WORKER_URL } from './BaseMap';
import { ClusterOverlay } from './cluster-overlay';
import { Legend } from './Legend';
import { MapErrorBoundary, MAP_UNAVAILABLE_MESSAGE } from './MapErrorBoundary';
import { MapLayers } from './MapLayers';
import { MAP_START_FAILED_PREFIX, useMapStartProblem } from './map-start-check';
import { MapTools } from './MapTools';
import { StackList } from './StackList';
import { useBasemap } from './use-basemap';
import { FALLBACK_NOTICE } from './basemaps';
import { useCamera } from './use-camera';
import { useClusterItems } from './use-cluster-items';
import { useDepartmentCircles } from './use-department-circles';
import { useDraw } from './use-draw';
import { useMapPointer } from './use-map-pointer';
import { useOverlayPoints } from './use-overlay-points';
import { useMapSnapshotProvider } from './snapshot';

/**
 * The map's public entry (the app shell loads this module): the controller that wires the
 * store to the map. BaseMap holds the MapLibre instance; each hook does one job.
 */
export default function MapView() {
  return (
    <MapErrorBoundary>
      <InitiativesMap />
    </MapErrorBoundary>
  );
}

/**
 * The cluster canvas over the map, created with it and removed with the view. A layout effect:
 * the items are drawn in the same task as the map's creation, not after MapLibre's first frame
 * (in software WebGL that frame held the initiatives back by about 0.2 s).
 */
function useClusterCanvas(map: MapLibreMap | null): ClusterOverlay | null {
  const [clusterOverlay, setClusterOverlay] = useState<ClusterOverlay | null>(null);
  useLayoutEffect(() => {
    if (!map) return undefined;
    const created = new ClusterOverlay(map);
    setClusterOverlay(created);
    return () => {
      created.remove();
      setClusterOverlay(null);
    };
  }, [map]);
  return clusterOverlay;
}

function InitiativesMap() {
  const status = useAppStore((state) => state.status);
  const initiatives = useAppStore((state) => state.initiatives);
  const visibleIndices = useAppStore((state) => state.visibleIndices);
  const dataIsEmpty = useAppStore((state) => state.initiatives.length === 0);
  const embed = useAppStore((state) => state.embed);
  const zoom = useAppStore((state) => state.viewZoom);
  const bounds = useAppStore((state) => state.viewBounds);

  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [started, setStarted] = useState(false);
  const onStarted = useCallback(() => setStarted(true), []);
  const [circlesMode, setCirclesMode] = useState(false);
  const basemap = useBasemap();
  const startProblem = useMapStartProblem(MAPLIBRE_WORKER_URL);
  const clusterOverlay = useClusterCanvas(map);
  const view = useMemo(() => ({ zoom, bounds }), [zoom, bounds]);
  const { hierarchy, counts, items, indexPending } = useClusterItems(initiatives, visibleIndices, view, circlesMode);
  const circles = useDepartmentCircles(circlesMode, initiatives, visibleIndices);
  const overlay = useOverlayPoints();
  const pointer = useMapPointer({ map, clusterOverlay, hierarchy, counts, initiatives });
  const { mapStatus, rendered } = useDraw({
    map,
    clusterOverlay,
    items,
    circles,
    pending: status === 'loading' || indexPending,
    basemapMode: basemap.mode,
  });
  useCamera(map);
  useMapSnapshotProvider(map);

  const { closeStack } = pointer;
  const onCirclesChange = useCallback(
    (on: boolean) => {
      closeStack();
      setCirclesMode(on);
    },
    [closeStack],
  );
  const nothingShown = status === 'ready' && visibleIndices.length === 0;

  return (
    <div
      className="map-view"
      data-testid="map"
      data-map-status={basemap.mapFailed ? 'idle' : mapStatus}
      data-basemap={basemap.mode}
      data-rendered-initiatives={rendered.initiatives}
      data-rendered-circles={rendered.circles}
    >
      {basemap.mapFailed && <p className="map-message">{MAP_UNAVAILABLE_MESSAGE}</p>}
      <BaseMap
        style={basemap.style}
        basemapKey={basemap.mode}
        attribution={basemap.attribution}
        embed={embed}
        cursor={pointer.cursor}
        onReady={setMap}
        onStarted={onStarted}
        onError={basemap.onError}
        onSourceData={basemap.onSourceData}
        onStyleData={basemap.onStyleData}
        onClick={pointer.onClick}
        onMouseMove={pointer.onMouseMove}
        onMouseOut={pointer.onMouseOut}
      >
        <MapLayers overlay={overlay} circles={circles} />
        {pointer.openStack && pointer.stackMembers.length > 0 && (
          <StackList
            longitude={pointer.openStack.longitude}
            latitude={pointer.openStack.latitude}
            initiatives={pointer.stackMembers}
            onChoose={(id) => {
              closeStack();
              // Chosen on the map: the camera stays.
              useAppStore.getState().select(id, 'stay');
            }}
            onClose={closeStack}
          />
        )}
      </BaseMap>
      <Legend circles={circlesMode} />
      <MapTools ready={map !== null} circles={circlesMode} onCirclesChange={onCirclesChange} />
      {basemap.fellBack && (
        <p className="map-notice">
          {FALLBACK_NOTICE}
          <button type="button" onClick={basemap.retry}>Réessayer</button>
        </p>
      )}
      {nothingShown && (
        <p className="map-message">{dataIsEmpty ? EMPTY_DATA_MESSAGE : 'Aucune initiative ne correspond aux filtres sur la carte.'}</p>
      )}
      {/* The instance exists from the start; only `load` says the map really draws. */}
      {startProblem && !started ? (
        <p className="map-message" role="alert">
          {MAP_START_FAILED_PREFIX}
          {startProblem} La liste des initiatives reste utilisable.
        </p>
      ) : (
        status === 'ready' && map === null && <p className="map-message">Chargement du fond de carte…</p>
      )}
    </div>
  );
}
