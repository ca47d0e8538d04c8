import { useLayoutEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { ClusterOverlay } from './cluster-overlay';
import type { CircleProperties, OverlayItem } from './map-features';
import { DEPARTMENT_CIRCLES_LAYER } from './layers';
import { addMissingImages } from './images';

interface DrawInputs {
  map: MapLibreMap | null;
  clusterOverlay: ClusterOverlay | null;
  items: readonly OverlayItem[];
  /** Already given to their source by MapLayers in this render. */
  circles: FeatureCollection<Point, CircleProperties>;
  /** The data or its index is not ready: the map stays busy. */
  pending: boolean;
  /** A basemap swap redraws everything. */
  basemapMode: string;
}

/**
 * Draws the items in view on the cluster canvas and says when the map shows them: the map is
 * "busy" until they and the département circles are on screen (data-map-status, for automated
 * checks), with what is on screen once idle.
 */
export function useDraw({ map, clusterOverlay, items, circles, pending, basemapMode }: DrawInputs) {
  const [mapStatus, setMapStatus] = useState<'busy' | 'idle'>('busy');
  const [rendered, setRendered] = useState({ initiatives: 0, circles: 0 });
  const generation = useRef(0);
  // Only what changed is sent: new items redraw the canvas, new circles re-tile in the worker.
  const sent = useRef(new WeakMap<MapLibreMap, { items: unknown; circles: unknown }>());

  // A layout effect: the new items are drawn in the same task as the click that asked for them.
  useLayoutEffect(() => {
    if (!map || !clusterOverlay) return;
    const previous = sent.current.get(map);
    if (previous?.items !== items) clusterOverlay.setItems(items);
    const circlesChanged = previous?.circles !== circles;
    if (circlesChanged) addMissingImages(map, circles.features.map((feature) => feature.properties.label));
    sent.current.set(map, { items, circles });
    setMapStatus('busy');
    if (pending) return;
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
    // when the circles changed or its basemap is still loading. A frame is asked for either way:
    // react-map-gl may have given the circles to a new source before this effect ran.
    const frame = requestAnimationFrame(() => {
      if (!circlesChanged && map.loaded()) finish();
      else {
        stop = onceDrawn(map, finish);
        map.triggerRepaint();
      }
    });
    return () => {
      cancelAnimationFrame(frame);
      stop();
    };
  }, [map, clusterOverlay, items, circles, pending, basemapMode]);

  return { mapStatus, rendered };
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

/** Département circles on screen. */
function circlesOnScreen(map: MapLibreMap): number {
  return new Set(map.queryRenderedFeatures({ layers: [DEPARTMENT_CIRCLES_LAYER] }).map((feature) => String(feature.properties.department))).size;
}
