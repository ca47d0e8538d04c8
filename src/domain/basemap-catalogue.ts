/**
 * The basemaps the app knows, by the name `basemap=` (URL) and `config.json` use: the one file
 * to change to add one (its hosts also go into the CSP of docs/deploy.md). Plain data, so the
 * site configuration (src/domain) and the map (src/map) read the same list.
 */

export interface OnlineBasemap {
  id: string;
  label: string;
  /** A MapLibre style document, free and without a key. */
  styleUrl: string;
  /** Credit line as the licence asks, shown by MapLibre as HTML: our own constant, never data. */
  attribution: string;
}

export const ONLINE_BASEMAPS = [
  {
    id: 'ign',
    label: 'Plan IGN',
    styleUrl: 'https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json',
    attribution: '<a href="https://geoservices.ign.fr/">Plan IGN © IGN Géoplateforme</a>',
  },
  {
    id: 'openfreemap',
    label: 'OpenFreeMap',
    styleUrl: 'https://tiles.openfreemap.org/styles/liberty',
    attribution: '© OpenFreeMap © OpenMapTiles © contributeurs OpenStreetMap',
  },
] as const satisfies readonly OnlineBasemap[];

/** The bundled basemap (Natural Earth), served with the app: always there, used when the online one fails. */
export const OFFLINE_BASEMAP = 'offline';

export type BasemapId = (typeof ONLINE_BASEMAPS)[number]['id'] | typeof OFFLINE_BASEMAP;

export const BASEMAP_IDS: readonly BasemapId[] = [...ONLINE_BASEMAPS.map((basemap) => basemap.id), OFFLINE_BASEMAP];

export const DEFAULT_BASEMAP: BasemapId = 'ign';

export function isBasemapId(name: string | null | undefined): name is BasemapId {
  return typeof name === 'string' && (BASEMAP_IDS as readonly string[]).includes(name);
}

/** The basemap a name asks for; anything unknown (or nothing) gives `fallback`. */
export function basemapFromName(name: string | null | undefined, fallback: BasemapId = DEFAULT_BASEMAP): BasemapId {
  return isBasemapId(name) ? name : fallback;
}

export function onlineBasemap(id: BasemapId): OnlineBasemap | undefined {
  return ONLINE_BASEMAPS.find((basemap) => basemap.id === id);
}
