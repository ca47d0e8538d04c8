/**
 * Basemaps: a free, key-less online vector style (IGN's Plan IGN by default, OpenFreeMap as
 * an alternative), and an offline one bundled with the app that takes over when the online
 * style or its tiles cannot be reached.
 */
import type { StyleSpecification } from 'maplibre-gl';

export type BasemapId = 'ign' | 'openfreemap' | 'offline';

export interface OnlineBasemap {
  id: Exclude<BasemapId, 'offline'>;
  label: string;
  styleUrl: string;
}

export const ONLINE_BASEMAPS: readonly OnlineBasemap[] = [
  {
    id: 'ign',
    label: 'Plan IGN',
    styleUrl: 'https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json',
  },
  { id: 'openfreemap', label: 'OpenFreeMap', styleUrl: 'https://tiles.openfreemap.org/styles/liberty' },
];

export const DEFAULT_BASEMAP: BasemapId = 'ign';

/**
 * Credits of the data drawn on every basemap (shown by MapLibre as HTML: our own constants only,
 * never anything from the data): the initiatives, the commune codes, and GeoNames' town points
 * that place most communes (CC BY 4.0 asks for the credit).
 */
export const DATA_ATTRIBUTION =
  'Données : contributeurs Carte ESS, <a href="https://www.insee.fr/fr/information/2560452">COG INSEE</a>, <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';
export const OFFLINE_ATTRIBUTION = 'Fond : Natural Earth';

/** Reads `basemap=ign|openfreemap|offline` from a query string; anything else gives the default. */
export function basemapFromQuery(search: string): BasemapId {
  const value = new URLSearchParams(search).get('basemap');
  return value === 'ign' || value === 'openfreemap' || value === 'offline' ? value : DEFAULT_BASEMAP;
}

export function onlineBasemap(id: BasemapId): OnlineBasemap | undefined {
  return ONLINE_BASEMAPS.find((basemap) => basemap.id === id);
}

/** What the map has seen of the online basemap so far. */
export interface OnlineBasemapHealth {
  /** The style document failed to load (network error, HTTP error, invalid JSON). */
  styleFailed: boolean;
  styleLoaded: boolean;
  tileErrors: number;
  tilesLoaded: number;
  elapsedMs: number;
}

/** How long an online style may take before the offline one replaces it. */
export const STYLE_TIMEOUT_MS = 4000;
/** Tile failures with no tile loaded at all: the tile server is unreachable. */
export const TILE_ERRORS_BEFORE_FALLBACK = 3;

/**
 * Whether to give up the online basemap for the offline one. A few scattered tile errors on a
 * working server are tolerated; a style that fails, or never arrives, or tiles that all fail, are not.
 */
export function shouldFallBackToOffline(health: OnlineBasemapHealth): boolean {
  if (health.styleFailed) return true;
  if (!health.styleLoaded && health.elapsedMs >= STYLE_TIMEOUT_MS) return true;
  if (health.tilesLoaded === 0 && health.tileErrors >= TILE_ERRORS_BEFORE_FALLBACK) return true;
  // Tiles that keep failing well after start-up, while almost none load.
  if (health.elapsedMs >= STYLE_TIMEOUT_MS && health.tilesLoaded === 0 && health.tileErrors > 0) return true;
  return false;
}

/** The file the offline style draws (built by scripts/build-offline-basemap.ts). */
export const OFFLINE_BASEMAP_PATH = 'basemap/france.geojson';

/**
 * The offline style: sea, départements and their borders, nothing fetched from the network.
 * `dataUrl` must be absolute (MapLibre resolves it in a worker).
 */
export function offlineStyle(dataUrl: string): StyleSpecification {
  return {
    version: 8,
    name: 'Carte ESS hors ligne',
    sources: {
      // Simplified at two screen pixels rather than MapLibre's default 0.375: the outlines look
      // the same at every zoom, and each frame draws half as many vertices (software WebGL
      // drew a frame in 43 ms instead of 80 with both settings, bench/README.md).
      france: { type: 'geojson', data: dataUrl, attribution: OFFLINE_ATTRIBUTION, tolerance: 2 },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#cfe3ef' } },
      {
        id: 'departments-fill',
        type: 'fill',
        source: 'france',
        filter: ['==', ['get', 'kind'], 'department'],
        // The borders drawn on top hide the fill's edges: no antialiasing pass needed.
        paint: { 'fill-color': '#f4f2ec', 'fill-antialias': false },
      },
      {
        id: 'departments-border',
        type: 'line',
        source: 'france',
        filter: ['==', ['get', 'kind'], 'border'],
        paint: { 'line-color': '#a9a49a', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 10, 1.5], 'line-dasharray': [3, 2] },
      },
      {
        id: 'france-outline',
        type: 'line',
        source: 'france',
        filter: ['==', ['get', 'kind'], 'outline'],
        paint: { 'line-color': '#6d7f8c', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 10, 2] },
      },
    ],
  };
}
