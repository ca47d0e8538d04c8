import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ErrorEvent as MapErrorEvent, MapSourceDataEvent } from 'react-map-gl/maplibre';
import {
  DATA_ATTRIBUTION,
  OFFLINE_BASEMAP_PATH,
  healthAt,
  offlineStyle,
  recordEvent,
  STALL_MS,
  shouldFallBackToOffline,
  startWatch,
  type BasemapEvent,
} from './basemaps';
import { OUR_SOURCES } from './layers';
import { basemapFromName, onlineBasemap, type OnlineBasemap } from '../domain/basemap-catalogue';
import { useSiteConfig } from '../state/site-config';
import { readPageOptions } from '../state/use-url-sync';
import { e2eHookMs } from '../state/e2e-hooks';

export type BasemapMode = 'online' | 'offline';

/** How long a hanging basemap is waited for (a spec of the e2e build may hold the fallback off). */
const STALL_FALLBACK_MS = e2eHookMs('e2e-basemap-stall-ms') ?? STALL_MS;

/** The attribution lines shown for a basemap mode. */
export function basemapAttribution(mode: BasemapMode, online: OnlineBasemap | undefined): string[] {
  return mode === 'online' && online ? [DATA_ATTRIBUTION, online.attribution] : [DATA_ATTRIBUTION];
}

/** What a map error means: no map at all, nothing for the basemap, a failed tile, or a failed style. */
export type MapErrorKind = 'no-map' | 'ours' | 'tile' | 'style';

export function classifyMapError(hasTarget: boolean, sourceId: string | undefined): MapErrorKind {
  if (!hasTarget) return 'no-map';
  if (sourceId && OUR_SOURCES.includes(sourceId)) return 'ours';
  return sourceId ? 'tile' : 'style';
}

/** How often the online basemap's health is looked at (stalls are only seen by looking). */
const WATCH_INTERVAL_MS = 500;

/**
 * The basemap asked for in the URL (`basemap=`, else config.json's `basemap`), its health while online, the fallback to the
 * offline basemap when the online one cannot be reached or stops answering (at start or later),
 * and the retry the map offers once it fell back.
 */
export function useBasemap() {
  // Read once, at mount: the app mounts the map only once config.json has been read.
  const online = useMemo(() => onlineBasemap(basemapFromName(readPageOptions().basemap, useSiteConfig.getState().config.basemap)), []);
  const [mode, setMode] = useState<BasemapMode>(online ? 'online' : 'offline');
  const [fellBack, setFellBack] = useState(false);
  const [mapFailed, setMapFailed] = useState(false);
  const style = useMemo(
    () => (mode === 'online' && online ? online.styleUrl : offlineStyle(new URL(OFFLINE_BASEMAP_PATH, document.baseURI).href)),
    [mode, online],
  );

  const watch = useRef(startWatch(performance.now()));
  // The MapLibre instance, as its events bring it: whether it still waits for basemap resources.
  const instance = useRef<MapLibreMap | null>(null);
  const record = useCallback((event: BasemapEvent, target?: MapLibreMap) => {
    if (target) instance.current = target;
    watch.current = recordEvent(watch.current, event, performance.now());
  }, []);

  const fallBackIfNeeded = useCallback(() => {
    if (mode !== 'online') return;
    const map = instance.current;
    const loading = !map || !map.isStyleLoaded();
    if (!shouldFallBackToOffline(healthAt(watch.current, performance.now(), loading), STALL_FALLBACK_MS)) return;
    setMode('offline');
    setFellBack(true);
  }, [mode]);

  // Looked at for as long as the online basemap is on: a stall can come at any time.
  useEffect(() => {
    if (mode !== 'online') return undefined;
    const timer = window.setInterval(fallBackIfNeeded, WATCH_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [mode, fallBackIfNeeded]);

  const retry = useCallback(() => {
    if (!online) return;
    watch.current = startWatch(performance.now());
    setFellBack(false);
    setMode('online');
  }, [online]);

  const onError = useCallback(
    (event: MapErrorEvent) => {
      const kind = classifyMapError(Boolean(event.target), (event as MapErrorEvent & { sourceId?: string }).sourceId);
      // No map at all (no WebGL, or the library failed to start): say so instead of a blank area.
      if (kind === 'no-map') setMapFailed(true);
      if (mode !== 'online' || kind === 'no-map' || kind === 'ours') return;
      // A failure without a source once the style is in: its sprite or glyphs.
      record(kind === 'style' && !watch.current.styleLoaded ? 'style-failed' : 'request-failed', event.target as MapLibreMap);
      fallBackIfNeeded();
    },
    [mode, record, fallBackIfNeeded],
  );

  const onSourceData = useCallback(
    (event: MapSourceDataEvent) => {
      if (OUR_SOURCES.includes(event.sourceId)) return;
      const target = event.target as MapLibreMap;
      if (event.sourceDataType === 'metadata') record('style-loaded', target);
      if (event.tile) record('tile-loaded', target);
    },
    [record],
  );

  const onStyleData = useCallback(
    (event?: { target: MapLibreMap }) => {
      if (mode === 'online') record('style-loaded', event?.target);
    },
    [mode, record],
  );

  return { mode, style, mapFailed, fellBack, retry, attribution: basemapAttribution(mode, online), onError, onSourceData, onStyleData };
}
