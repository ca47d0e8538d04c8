/**
 * Basemaps on the map: the offline one bundled with the app, and the watch that swaps it in when
 * the online style or its tiles cannot be reached. Which online basemaps exist (style, credit):
 * src/domain/basemap-catalogue.ts.
 */
import type { StyleSpecification } from 'maplibre-gl';

/**
 * Credits of the data drawn on every basemap (shown by MapLibre as HTML: our own constants only,
 * never anything from the data): the initiatives, the commune codes, and GeoNames' town points
 * that place most communes (CC BY 4.0 asks for the credit).
 */
export const DATA_ATTRIBUTION =
  'Données : contributeurs Carte ESS, <a href="https://www.insee.fr/fr/information/2560452">COG INSEE</a>, <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';
export const OFFLINE_ATTRIBUTION = 'Fond : Natural Earth';

/** What the map has seen of the online basemap so far. */
export interface OnlineBasemapHealth {
  /**
   * How long the basemap has been loading (tiles, sprite or glyphs requested and not all in)
   * without anything arriving: a request that hangs, at start or at any later time. 0 when idle.
   */
  stalledMs?: number;
  /** Tile, sprite or glyph failures since the last tile that loaded (failures after a first success count too). */
  errorsSinceLastLoad?: number;
  /** The style document failed to load (network error, HTTP error, invalid JSON). */
  styleFailed: boolean;
  styleLoaded: boolean;
  tileErrors: number;
  tilesLoaded: number;
  elapsedMs: number;
}

/** Failures in a row, with no tile loading between them, after the server used to answer (edges of the map may miss a tile or two). */
export const ERRORS_IN_A_ROW_BEFORE_FALLBACK = 6;

/** Loading with no progress for this long: a tile, sprite or glyph request hangs (captive portal, proxy). */
export const STALL_MS = 6000;

/** How long an online style may take before the offline one replaces it. */
export const STYLE_TIMEOUT_MS = 4000;
/** Tile failures with no tile loaded at all: the tile server is unreachable. */
export const TILE_ERRORS_BEFORE_FALLBACK = 3;

/**
 * Whether to give up the online basemap for the offline one. A few scattered tile errors on a
 * working server are tolerated; a style that fails, or never arrives, or tiles that all fail, are not.
 */
export function shouldFallBackToOffline(health: OnlineBasemapHealth, stallMs: number = STALL_MS): boolean {
  if (health.styleFailed) return true;
  if (!health.styleLoaded && health.elapsedMs >= STYLE_TIMEOUT_MS) return true;
  if (health.tilesLoaded === 0 && health.tileErrors >= TILE_ERRORS_BEFORE_FALLBACK) return true;
  // Tiles that keep failing well after start-up, while almost none load.
  if (health.elapsedMs >= STYLE_TIMEOUT_MS && health.tilesLoaded === 0 && health.tileErrors > 0) return true;
  // Requests that hang, whenever it happens; failures in a row after the server used to answer.
  if ((health.stalledMs ?? 0) >= stallMs) return true;
  if ((health.errorsSinceLastLoad ?? 0) >= ERRORS_IN_A_ROW_BEFORE_FALLBACK) return true;
  return false;
}

/** What happened to the online basemap, as MapLibre reports it. */
export type BasemapEvent = 'style-loaded' | 'style-failed' | 'tile-loaded' | 'request-failed';

/** The running record of the online basemap, from which {@link healthAt} derives its health. */
export interface BasemapWatch {
  startedAt: number;
  /** The last time something arrived (style, tile), or the start. */
  lastProgressAt: number;
  styleLoaded: boolean;
  styleFailed: boolean;
  tilesLoaded: number;
  tileErrors: number;
  errorsSinceLastLoad: number;
}

export function startWatch(now: number): BasemapWatch {
  return { startedAt: now, lastProgressAt: now, styleLoaded: false, styleFailed: false, tilesLoaded: 0, tileErrors: 0, errorsSinceLastLoad: 0 };
}

/** The record after one event at time `now`. */
export function recordEvent(watch: BasemapWatch, event: BasemapEvent, now: number): BasemapWatch {
  switch (event) {
    case 'style-loaded':
      return { ...watch, styleLoaded: true, lastProgressAt: now };
    case 'style-failed':
      return watch.styleLoaded ? watch : { ...watch, styleFailed: true };
    case 'tile-loaded':
      return { ...watch, tilesLoaded: watch.tilesLoaded + 1, errorsSinceLastLoad: 0, lastProgressAt: now };
    case 'request-failed':
      return { ...watch, tileErrors: watch.tileErrors + 1, errorsSinceLastLoad: watch.errorsSinceLastLoad + 1 };
  }
}

/**
 * The health at time `now`; `loading` says whether the map is still waiting for basemap
 * resources (style, tiles, sprite or glyphs) — a stall only counts while it is.
 */
export function healthAt(watch: BasemapWatch, now: number, loading: boolean): OnlineBasemapHealth {
  return {
    styleFailed: watch.styleFailed,
    styleLoaded: watch.styleLoaded,
    tileErrors: watch.tileErrors,
    tilesLoaded: watch.tilesLoaded,
    elapsedMs: now - watch.startedAt,
    stalledMs: loading ? now - watch.lastProgressAt : 0,
    errorsSinceLastLoad: watch.errorsSinceLastLoad,
  };
}

/** The one line the map shows once it fell back; a « Réessayer » button follows it. */
export const FALLBACK_NOTICE = 'Fond de carte en ligne indisponible : fond simplifié affiché.';

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
