/**
 * The map's own sources and layers, added on top of whichever basemap is shown. Typed
 * constants in one place so a unit test validates them against the style specification.
 * The initiatives themselves are drawn on a canvas over the map (cluster-overlay.ts).
 */
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { DATA_ATTRIBUTION } from './basemaps';
import { ORIGIN_ICON } from './icons';

export const OVERLAY_SOURCE = 'carte-ess-overlay';
export const DEPARTMENT_CIRCLES_SOURCE = 'carte-ess-department-circles';

export const SELECTION_LAYER = 'carte-ess-selection';
export const ORIGIN_LAYER = 'carte-ess-origin';
export const DEPARTMENT_CIRCLES_LAYER = 'carte-ess-department-circles';
export const DEPARTMENT_LABELS_LAYER = 'carte-ess-department-labels';

/** Navy of the cluster bubbles (icons.ts), translucent so the basemap shows through. */
const CIRCLE_FILL = 'rgba(29, 53, 87, 0.55)';

const EMPTY_COLLECTION = { type: 'FeatureCollection' as const, features: [] };

/**
 * In drawing order: MapLayers.tsx declares the sources in this order and each source's layers
 * under it, so react-map-gl adds them (again after a basemap swap) bottom to top as listed here.
 */
export const SOURCES: Record<string, GeoJSONSourceSpecification> = {
  [DEPARTMENT_CIRCLES_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION, attribution: DATA_ATTRIBUTION },
  [OVERLAY_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
};

/** Our sources' ids: their events are not the basemap's health. */
export const OUR_SOURCES: readonly string[] = Object.keys(SOURCES);

/** Bottom to top, grouped by source in the order of SOURCES. */
export const LAYERS: readonly LayerSpecification[] = [
  {
    // « Cercles par département »: the radius comes from the data, its area proportional to the count.
    id: DEPARTMENT_CIRCLES_LAYER,
    type: 'circle',
    source: DEPARTMENT_CIRCLES_SOURCE,
    layout: {
      // Small circles over big ones, so none hides another entirely.
      'circle-sort-key': ['-', ['get', 'count']],
    },
    paint: {
      'circle-radius': ['get', 'radius'],
      'circle-color': CIRCLE_FILL,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  },
  {
    // The count of each circle, as an image (no glyphs); where labels collide the larger count wins.
    id: DEPARTMENT_LABELS_LAYER,
    type: 'symbol',
    source: DEPARTMENT_CIRCLES_SOURCE,
    layout: {
      'icon-image': ['get', 'label'],
      'icon-allow-overlap': false,
      'symbol-sort-key': ['-', ['get', 'count']],
    },
  },
  {
    // A ring under the selected initiative, so the selection shows on the map too (above the circles).
    id: SELECTION_LAYER,
    type: 'circle',
    source: OVERLAY_SOURCE,
    filter: ['==', ['get', 'role'], 'selection'],
    paint: {
      'circle-radius': 20,
      'circle-color': 'rgba(255, 193, 7, 0.35)',
      'circle-stroke-color': '#1e1e1e',
      'circle-stroke-width': 3,
    },
  },
  {
    id: ORIGIN_LAYER,
    type: 'symbol',
    source: OVERLAY_SOURCE,
    filter: ['==', ['get', 'role'], 'origin'],
    layout: {
      'icon-image': ORIGIN_ICON,
      'icon-anchor': 'bottom',
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  },
];

