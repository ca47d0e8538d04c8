import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ErrorEvent as MapErrorEvent, MapSourceDataEvent } from 'react-map-gl/maplibre';
import {
  DATA_ATTRIBUTION,
  OFFLINE_BASEMAP_PATH,
  basemapFromName,
  offlineStyle,
  onlineBasemap,
  shouldFallBackToOffline,
  type OnlineBasemap,
  type OnlineBasemapHealth,
} from './basemaps';
import { OUR_SOURCES } from './layers';
import { readPageOptions } from '../state/use-url-sync';

export type BasemapMode = 'online' | 'offline';

const ONLINE_ATTRIBUTION: Record<OnlineBasemap['id'], string> = {
  ign: '<a href="https://geoservices.ign.fr/">Plan IGN © IGN Géoplateforme</a>',
  openfreemap: '© OpenFreeMap © OpenMapTiles © contributeurs OpenStreetMap',
};

/** The attribution lines shown for a basemap mode. */
export function basemapAttribution(mode: BasemapMode, online: OnlineBasemap | undefined): string[] {
  return mode === 'online' && online ? [DATA_ATTRIBUTION, ONLINE_ATTRIBUTION[online.id]] : [DATA_ATTRIBUTION];
}

/** What a map error means: no map at all, nothing for the basemap, a failed tile, or a failed style. */
export type MapErrorKind = 'no-map' | 'ours' | 'tile' | 'style';

export function classifyMapError(hasTarget: boolean, sourceId: string | undefined): MapErrorKind {
  if (!hasTarget) return 'no-map';
  if (sourceId && OUR_SOURCES.includes(sourceId)) return 'ours';
  return sourceId ? 'tile' : 'style';
}

/**
 * The basemap asked for in the URL (`basemap=`), its health while online, and the fallback to
 * the offline basemap when the online one cannot be reached.
 */
export function useBasemap() {
  const online = useMemo(() => onlineBasemap(basemapFromName(readPageOptions().basemap)), []);
  const [mode, setMode] = useState<BasemapMode>(online ? 'online' : 'offline');
  const [mapFailed, setMapFailed] = useState(false);
  const style = useMemo(
    () => (mode === 'online' && online ? online.styleUrl : offlineStyle(new URL(OFFLINE_BASEMAP_PATH, document.baseURI).href)),
    [mode, online],
  );

  const health = useRef<OnlineBasemapHealth>({ styleFailed: false, styleLoaded: false, tileErrors: 0, tilesLoaded: 0, elapsedMs: 0 });
  const startedAt = useRef(performance.now());
  const fallBackIfNeeded = useCallback(() => {
    if (mode !== 'online') return;
    health.current.elapsedMs = performance.now() - startedAt.current;
    if (shouldFallBackToOffline(health.current)) setMode('offline');
  }, [mode]);

  useEffect(() => {
    if (mode !== 'online') return undefined;
    const timer = window.setInterval(() => {
      if (health.current.tilesLoaded > 0) window.clearInterval(timer);
      else fallBackIfNeeded();
    }, 500);
    return () => window.clearInterval(timer);
  }, [mode, fallBackIfNeeded]);

  const onError = useCallback(
    (event: MapErrorEvent) => {
      const kind = classifyMapError(Boolean(event.target), (event as MapErrorEvent & { sourceId?: string }).sourceId);
      // No map at all (no WebGL, or the library failed to start): say so instead of a blank area.
      if (kind === 'no-map') setMapFailed(true);
      if (mode !== 'online' || kind === 'no-map' || kind === 'ours') return;
      if (kind === 'tile') health.current.tileErrors++;
      else if (!health.current.styleLoaded) health.current.styleFailed = true;
      fallBackIfNeeded();
    },
    [mode, fallBackIfNeeded],
  );

  const onSourceData = useCallback((event: MapSourceDataEvent) => {
    if (OUR_SOURCES.includes(event.sourceId)) return;
    if (event.sourceDataType === 'metadata') health.current.styleLoaded = true;
    if (event.tile) health.current.tilesLoaded++;
  }, []);

  const onStyleData = useCallback(() => {
    health.current.styleLoaded = true;
  }, []);

  return { mode, style, mapFailed, attribution: basemapAttribution(mode, online), onError, onSourceData, onStyleData };
}
