import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
import { Component, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import * as maplibre from 'maplibre-gl';
import { setWorkerUrl, type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl';
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
import { EMPTY_DATA_MESSAGE, useAppStore } from '../state/store';
import { ClusterHierarchy, countByPosition, indexPositions, itemsInView, membersAt, type Bounds } from './clustering';
import { circlesToCollection, itemsToOverlay, overlayCollection, type OverlayItem, type OverlayPoint } from './map-features';
import { ClusterOverlay } from './cluster-overlay';
import { DEPARTMENT_CIRCLES_LAYER, DEPARTMENT_CIRCLES_SOURCE, LAYERS, OVERLAY_SOURCE, SOURCES } from './layers';
import {
  DATA_ATTRIBUTION,
  OFFLINE_BASEMAP_PATH,
  basemapFromQuery,
  offlineStyle,
  onlineBasemap,
  shouldFallBackToOffline,
  type OnlineBasemapHealth,
} from './basemaps';
import { describeIcon } from './icons';
import { drawIcon } from './draw-icon';
import { StackList } from './StackList';
import { Legend } from './Legend';
import { FRENCH_LOCALE } from './locale';
import { MapTools } from './MapTools';
import { METROPOLITAN_FRANCE_BOUNDS } from './regions';
import { computeStatistics, departmentCircles } from '../domain/statistics';
import { MAP_START_FAILED_PREFIX, useMapStartProblem } from './map-start-check';
import { useMapSnapshotProvider } from './snapshot';

// Vite does not find MapLibre's worker by itself (see notes/setup-facts.md).
setWorkerUrl(workerUrl);


const ONLINE_ATTRIBUTION: Record<string, string> = {
  ign: '<a href="https://geoservices.ign.fr/">Plan IGN © IGN Géoplateforme</a>',
  openfreemap: '© OpenFreeMap © OpenMapTiles © contributeurs OpenStreetMap',
};

interface ViewState {
  zoom: number;
  bounds: Bounds | null;
}

interface OpenStack {
  position: number;
  longitude: number;
  latitude: number;
}

export default function MapView() {
  return (
    <MapErrorBoundary>
      <InitiativesMap />
    </MapErrorBoundary>
  );
}

function InitiativesMap() {
  const status = useAppStore((state) => state.status);
  const initiatives = useAppStore((state) => state.initiatives);
  const visibleIndices = useAppStore((state) => state.visibleIndices);
  const dataIsEmpty = useAppStore((state) => state.initiatives.length === 0);
  const selectedId = useAppStore((state) => state.selectedId);
  const origin = useAppStore((state) => state.origin);
  const mapFocus = useAppStore((state) => state.mapFocus);
  const embed = useAppStore((state) => state.embed);

  const mapRef = useRef<MapRef>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [clusterOverlay, setClusterOverlay] = useState<ClusterOverlay | null>(null);
  const [mapStatus, setMapStatus] = useState<'busy' | 'idle'>('busy');
  const [cursor, setCursor] = useState('');
  const [view, setView] = useState<ViewState>({ zoom: 5, bounds: null });
  const [openStack, setOpenStack] = useState<OpenStack | null>(null);
  const [mapFailed, setMapFailed] = useState(false);
  const startProblem = useMapStartProblem(workerUrl);
  const [circlesMode, setCirclesMode] = useState(false);
  /** What is on screen once idle, for automated checks: initiatives counted by the symbols, département circles. */
  const [rendered, setRendered] = useState({ initiatives: 0, circles: 0 });

  const requestedBasemap = useMemo(() => basemapFromQuery(window.location.search), []);
  const online = onlineBasemap(requestedBasemap);
  const [basemapMode, setBasemapMode] = useState<'online' | 'offline'>(online ? 'online' : 'offline');
  const mapStyle = useMemo(
    () => (basemapMode === 'online' && online ? online.styleUrl : offlineStyle(new URL(OFFLINE_BASEMAP_PATH, document.baseURI).href)),
    [basemapMode, online],
  );

  // The spatial index is built once per dataset; filters only re-count typed arrays.
  // Built in an effect, after the count and the list have painted, not during their render.
  const [hierarchy, setHierarchy] = useState<ClusterHierarchy | null>(null);
  useEffect(() => {
    if (initiatives.length === 0) {
      setHierarchy(null);
      return;
    }
    const started = performance.now();
    const built = new ClusterHierarchy(indexPositions(initiatives));
    performance.measure('carte-ess:cluster-index', { start: started, end: performance.now() });
    setHierarchy(built);
  }, [initiatives]);
  const counts = useMemo(() => {
    if (!hierarchy) return null;
    const started = performance.now();
    const counted = countByPosition(hierarchy.positions, visibleIndices);
    performance.measure('carte-ess:count-by-position', { start: started, end: performance.now() });
    return counted;
  }, [hierarchy, visibleIndices]);
  const items = useMemo(() => {
    // The circles replace the clusters: nothing else to compute while they are on.
    if (!hierarchy || !counts || circlesMode) return NO_ITEMS;
    const started = performance.now();
    const built = itemsToOverlay(itemsInView(hierarchy, counts, view.zoom, view.bounds), (index) => initiatives[index]?.themes[0]);
    performance.measure('carte-ess:clusters-in-view', { start: started, end: performance.now() });
    return built;
  }, [hierarchy, counts, view, initiatives, circlesMode]);

  const circles = useMemo(() => {
    if (!circlesMode) return NO_CIRCLES;
    return circlesToCollection(departmentCircles(computeStatistics(initiatives, visibleIndices).byDepartment));
    // Filters matter to the circles only while they are shown.
  }, [circlesMode, initiatives, circlesMode ? visibleIndices : null]);

  const overlay = useMemo(() => {
    const points: OverlayPoint[] = [];
    const selected = selectedId ? initiatives.find((initiative) => initiative.id === selectedId) : undefined;
    if (selected) points.push({ role: 'selection', longitude: selected.longitude, latitude: selected.latitude });
    if (origin) points.push({ role: 'origin', longitude: origin.longitude, latitude: origin.latitude });
    return overlayCollection(points);
  }, [selectedId, initiatives, origin]);

  // Latest data for re-installing our layers after a basemap swap.
  const latest = useRef({ overlay, circles });
  latest.current = { overlay, circles };

  const installLayers = useCallback((target: MapLibreMap) => {
    for (const [id, source] of Object.entries(SOURCES)) {
      if (!target.getSource(id)) target.addSource(id, source);
    }
    for (const layer of LAYERS) {
      if (!target.getLayer(layer.id)) target.addLayer(layer);
    }
    (target.getSource(OVERLAY_SOURCE) as GeoJSONSource | undefined)?.setData(latest.current.overlay);
    (target.getSource(DEPARTMENT_CIRCLES_SOURCE) as GeoJSONSource | undefined)?.setData(latest.current.circles);
  }, []);

  const reportView = useCallback((target: MapLibreMap) => {
    const bounds = target.getBounds();
    const next: Bounds = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
    useAppStore.getState().setViewBounds([...next]);
    setView({ zoom: target.getZoom(), bounds: next });
  }, []);

  const onLoad = useCallback(() => {
    const target = mapRef.current?.getMap();
    if (!target) return;
    target.setMissingStyleImageResolver((name) => addMissingImages(target, [name]));
    // A new style wipes our sources and layers: put them back each time.
    target.on('style.load', () => installLayers(target));
    installLayers(target);
    target.getCanvas().setAttribute('aria-label', 'Carte des initiatives (la liste donne les mêmes informations au clavier)');
    reportView(target);
    setClusterOverlay(new ClusterOverlay(target));
    setMap(target);
  }, [installLayers, reportView]);

  // Online basemap health: falls back to the offline one quickly when it cannot be reached.
  const health = useRef<OnlineBasemapHealth>({ styleFailed: false, styleLoaded: false, tileErrors: 0, tilesLoaded: 0, elapsedMs: 0 });
  const startedAt = useRef(performance.now());
  const fallBackIfNeeded = useCallback(() => {
    if (basemapMode !== 'online') return;
    health.current.elapsedMs = performance.now() - startedAt.current;
    if (shouldFallBackToOffline(health.current)) setBasemapMode('offline');
  }, [basemapMode]);

  useEffect(() => {
    if (basemapMode !== 'online') return undefined;
    const timer = window.setInterval(() => {
      if (health.current.tilesLoaded > 0) window.clearInterval(timer);
      else fallBackIfNeeded();
    }, 500);
    return () => window.clearInterval(timer);
  }, [basemapMode, fallBackIfNeeded]);

  const onError = useCallback(
    (event: MapErrorEvent) => {
      // No map at all (no WebGL, or the library failed to start): say so instead of a blank area.
      if (!event.target) {
        setMapFailed(true);
        return;
      }
      if (basemapMode !== 'online') return;
      const sourceId = (event as MapErrorEvent & { sourceId?: string }).sourceId;
      if (sourceId === OVERLAY_SOURCE || sourceId === DEPARTMENT_CIRCLES_SOURCE) return;
      if (sourceId) health.current.tileErrors++;
      else if (!health.current.styleLoaded) health.current.styleFailed = true;
      fallBackIfNeeded();
    },
    [basemapMode, fallBackIfNeeded],
  );

  const onSourceData = useCallback((event: MapSourceDataEvent) => {
    if (event.sourceId === OVERLAY_SOURCE || event.sourceId === DEPARTMENT_CIRCLES_SOURCE) return;
    if (event.sourceDataType === 'metadata') health.current.styleLoaded = true;
    if (event.tile) health.current.tilesLoaded++;
  }, []);

  const onStyleData = useCallback(() => {
    health.current.styleLoaded = true;
  }, []);

  useEffect(() => () => clusterOverlay?.remove(), [clusterOverlay]);
  useMapSnapshotProvider(map);

  // Draw: the few hundred items in view go to the overlay (drawn at once, no WebGL frame);
  // the map is "busy" until they and the département circles are on screen.
  const generation = useRef(0);
  // Only what changed is sent: a setData re-tiles its source in the worker and costs frames.
  const sent = useRef(new WeakMap<MapLibreMap, { items: unknown; circles: unknown }>());
  // A layout effect: the new items are drawn in the same task as the click that asked for them.
  useLayoutEffect(() => {
    if (!map || !clusterOverlay) return;
    const previous = sent.current.get(map);
    if (previous?.items !== items) clusterOverlay.setItems(items);
    const circlesChanged = previous?.circles !== circles;
    if (circlesChanged) {
      addMissingImages(map, circles.features.map((feature) => feature.properties.label));
      (map.getSource(DEPARTMENT_CIRCLES_SOURCE) as GeoJSONSource | undefined)?.setData(circles);
    }
    sent.current.set(map, { items, circles });
    const indexPending = initiatives.length > 0 && hierarchy?.positions.positionOfInitiative.length !== initiatives.length;
    setMapStatus('busy');
    if (status === 'loading' || indexPending) return;
    const current = ++generation.current;
    const started = performance.now();
    const finish = () => {
      performance.measure('carte-ess:draw', { start: started, end: performance.now() });
      if (generation.current !== current) return;
      const now = { initiatives: clusterOverlay.countOnScreen(), circles: circlesOnScreen(map) };
      setRendered((before) => (before.initiatives === now.initiatives && before.circles === now.circles ? before : now));
      setMapStatus('idle');
    };
    let stop = () => {};
    // The overlay is drawn; the frame that shows it comes next. The WebGL map only has work
    // when the circles changed or its basemap is still loading.
    const frame = requestAnimationFrame(() => {
      if (!circlesChanged && map.loaded()) finish();
      else {
        stop = onceDrawn(map, finish);
        if (!circlesChanged) map.triggerRepaint();
      }
    });
    return () => {
      cancelAnimationFrame(frame);
      stop();
    };
  }, [map, clusterOverlay, items, circles, status, basemapMode, hierarchy, initiatives]);

  // The attribution starts unfolded, phones included (the licences ask for the credits to be
  // seen); MapLibre's compact control folds it on the first move of the map, ⓘ unfolds it again.
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    (map?.getSource(OVERLAY_SOURCE) as GeoJSONSource | undefined)?.setData(overlay);
  }, [map, overlay]);

  // An initiative chosen in the list (or the URL) but off screen: bring it into view. One chosen on the map already is.
  const chosenOnMap = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !selectedId || chosenOnMap.current === selectedId) return;
    const selected = initiatives.find((initiative) => initiative.id === selectedId);
    if (!selected || map.getBounds().contains([selected.longitude, selected.latitude])) return;
    map.easeTo({ center: [selected.longitude, selected.latitude], zoom: Math.max(map.getZoom(), 8) });
  }, [map, selectedId, initiatives]);

  // Camera requests from elsewhere (commune search, "Zoomer ici"): consume them.
  useEffect(() => {
    if (!map || !mapFocus) return;
    map.flyTo({ center: [mapFocus.longitude, mapFocus.latitude], zoom: mapFocus.zoom, essential: true });
    useAppStore.getState().focusMap(null);
  }, [map, mapFocus]);

  // In an iframe the wheel and one-finger drags belong to the host page: the map asks for Ctrl/⌘ or two fingers.
  useEffect(() => {
    if (!map) return;
    if (embed) map.cooperativeGestures.enable();
    else map.cooperativeGestures.disable();
  }, [map, embed]);

  // A stack whose initiatives are all filtered out has nothing left to list.
  const stackMembers = useMemo(() => {
    if (!openStack || !hierarchy || !counts) return [];
    return membersAt(hierarchy.positions, openStack.position, counts.visible).map((index) => initiatives[index]).filter((item) => item !== undefined);
  }, [openStack, hierarchy, counts, initiatives]);

  const onClick = useCallback(
    (event: MapLayerMouseEvent) => {
      const item = clusterOverlay?.itemAt(event.point.x, event.point.y);
      if (!item || !map || !hierarchy) {
        setOpenStack(null);
        return;
      }
      if (item.kind === 'cluster') {
        setOpenStack(null);
        const zoom = Math.min(hierarchy.expansionZoom(item.clusterId), hierarchy.maxZoom + 1);
        map.easeTo({ center: [item.longitude, item.latitude], zoom: Math.max(zoom, map.getZoom() + 1) });
      } else if (item.kind === 'stack') {
        setOpenStack({ position: item.position, longitude: item.longitude, latitude: item.latitude });
      } else {
        setOpenStack(null);
        const initiative = initiatives[item.initiative];
        if (initiative) {
          chosenOnMap.current = initiative.id;
          useAppStore.getState().select(initiative.id);
        }
      }
    },
    [map, hierarchy, initiatives, clusterOverlay],
  );

  const onMouseMove = useCallback(
    (event: MapLayerMouseEvent) => {
      const next = clusterOverlay?.itemAt(event.point.x, event.point.y) ? 'pointer' : '';
      setCursor((before) => (before === next ? before : next));
    },
    [clusterOverlay],
  );

  const attribution = [DATA_ATTRIBUTION, basemapMode === 'online' && online ? ONLINE_ATTRIBUTION[online.id] : undefined].filter(
    (text): text is string => Boolean(text),
  );
  const nothingShown = status === 'ready' && visibleIndices.length === 0;

  return (
    <div ref={wrapper} className="map-view" data-testid="map" data-map-status={mapFailed ? 'idle' : mapStatus} data-basemap={basemapMode}
      data-rendered-initiatives={rendered.initiatives}
      data-rendered-circles={rendered.circles}
    >
      {mapFailed && <p className="map-message">{MAP_UNAVAILABLE_MESSAGE}</p>}
      <Map
        ref={mapRef}
        // Given, not imported by react-map-gl on mount: that import waited for this chunk to run.
        mapLib={maplibre}
        mapStyle={mapStyle}
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
        onError={onError}
        onSourceData={onSourceData}
        onStyleData={onStyleData}
        onMoveEnd={(event) => reportView(event.target)}
        onClick={onClick}
        onMouseMove={onMouseMove}
        onMouseOut={() => setCursor('')}
        style={{ position: 'absolute', inset: 0 }}
      >
        <NavigationControl position="top-right" showCompass={false} />
        <ScaleControl position="bottom-left" />
        <AttributionControl key={basemapMode} position="bottom-right" compact customAttribution={attribution} />
        {openStack && stackMembers.length > 0 && (
          <StackList
            longitude={openStack.longitude}
            latitude={openStack.latitude}
            initiatives={stackMembers}
            onChoose={(id) => {
              chosenOnMap.current = id;
              setOpenStack(null);
              useAppStore.getState().select(id);
            }}
            onClose={() => setOpenStack(null)}
          />
        )}
      </Map>
      <Legend circles={circlesMode} />
      <MapTools
        map={map}
        circles={circlesMode}
        onCirclesChange={(on) => {
          setOpenStack(null);
          setCirclesMode(on);
        }}
      />
      {nothingShown && (
        <p className="map-message">{dataIsEmpty ? EMPTY_DATA_MESSAGE : 'Aucune initiative ne correspond aux filtres sur la carte.'}</p>
      )}
      {startProblem && map === null ? (
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

/**
 * Calls back once a frame has been drawn with every source's current data and every tile in
 * view loaded. MapLibre's `idle` says the same but only after a further frame in which nothing
 * changed: at ~50 ms a frame in software WebGL that was a third of a filter change.
 */
function onceDrawn(map: MapLibreMap, callback: () => void): () => void {
  const onRender = () => {
    if (!map.loaded()) return;
    map.off('render', onRender);
    callback();
  };
  map.on('render', onRender);
  return () => map.off('render', onRender);
}

/** Draws and adds our images that the map does not have yet (basemap sprites are left alone). */
function addMissingImages(target: MapLibreMap, names: Iterable<string>): void {
  for (const name of new Set(names)) {
    if (target.hasImage(name)) continue;
    const spec = describeIcon(name);
    const drawn = spec ? drawIcon(spec, window.devicePixelRatio || 1) : null;
    if (drawn) target.addImage(name, drawn.image, { pixelRatio: drawn.pixelRatio });
  }
}

/** Département circles on screen. */
function circlesOnScreen(map: MapLibreMap): number {
  return new Set(map.queryRenderedFeatures({ layers: [DEPARTMENT_CIRCLES_LAYER] }).map((feature) => String(feature.properties.department))).size;
}

const NO_ITEMS: readonly OverlayItem[] = [];
const NO_CIRCLES = circlesToCollection({ type: 'FeatureCollection', features: [] });

const MAP_UNAVAILABLE_MESSAGE =
  'La carte ne peut pas s’afficher sur cet appareil (WebGL indisponible). La liste des initiatives reste utilisable.';

interface BoundaryState {
  failed: boolean;
}

/** WebGL may be missing (old device, disabled GPU): say so and leave the list usable. */
class MapErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      return (
        <div className="map-view map-unavailable" data-testid="map" data-map-status="idle" data-basemap="offline">
          <p className="map-message">{MAP_UNAVAILABLE_MESSAGE}</p>
        </div>
      );
    }
    return this.props.children;
  }
}
