// The plain MapLibre way: a clustered GeoJSON source, and on each filter change
// setData with the filtered collection, then wait for the map to be idle.
import { Map as MapLibreMap, setWorkerUrl } from '/node_modules/maplibre-gl/dist/maplibre-gl.mjs';

setWorkerUrl('/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs');

window.__bench = { doneAt: null, error: null, toggle: null, phases: {} };

function onceIdle(map) {
  return new Promise((resolve) => map.once('idle', resolve));
}

async function main() {
  const response = await fetch('../data/initiatives.geojson');
  const collection = await response.json();
  window.__bench.phases.parsedAt = performance.now();
  const map = new MapLibreMap({
    container: 'map',
    center: [2.5, 46.6],
    zoom: 5,
    attributionControl: false,
    style: {
      version: 8,
      sources: {
        initiatives: { type: 'geojson', data: collection, cluster: true, clusterRadius: 50, clusterMaxZoom: 14 },
      },
      // Circles only: no glyphs are needed, so nothing is fetched from outside.
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#eef2f0' } },
        {
          id: 'clusters',
          type: 'circle',
          source: 'initiatives',
          filter: ['has', 'point_count'],
          paint: {
            'circle-color': '#2e7d32',
            'circle-opacity': 0.8,
            'circle-radius': ['step', ['get', 'point_count'], 12, 100, 18, 1000, 24, 10000, 32],
          },
        },
        {
          id: 'points',
          type: 'circle',
          source: 'initiatives',
          filter: ['!', ['has', 'point_count']],
          paint: { 'circle-color': '#c2185b', 'circle-radius': 5, 'circle-stroke-width': 1, 'circle-stroke-color': '#fff' },
        },
      ],
    },
  });
  map.once('load', () => { window.__bench.phases.styleLoadedAt = performance.now(); });
  await onceIdle(map);
  window.__bench.doneAt = performance.now();

  const selected = new Set();
  // Same semantics as the app's default theme filter: keep features having any selected theme.
  window.__bench.toggle = async (themeId) => {
    const started = performance.now();
    if (selected.has(themeId)) selected.delete(themeId);
    else selected.add(themeId);
    const features = selected.size === 0
      ? collection.features
      : collection.features.filter((feature) => feature.properties.themes.some((theme) => selected.has(theme)));
    map.getSource('initiatives').setData({ type: 'FeatureCollection', features });
    await onceIdle(map);
    return { elapsed: performance.now() - started, count: features.length };
  };
}

main().catch((error) => {
  window.__bench.error = String(error && error.stack ? error.stack : error);
});
