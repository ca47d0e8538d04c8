/* global L */
// The usual way to show many points with Leaflet: one marker per point in a chunked
// markerClusterGroup. No basemap tiles (offline): only the markers are drawn.
window.__bench = { doneAt: null, error: null, markers: 0 };

function afterNextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function main() {
  const response = await fetch('../data/initiatives.geojson');
  const collection = await response.json();
  const map = L.map('map', { maxZoom: 18 }).setView([46.6, 2.5], 6);
  const group = L.markerClusterGroup({ chunkedLoading: true, chunkProgress: onProgress });
  map.addLayer(group);
  const markers = collection.features.map((feature) => {
    const [longitude, latitude] = feature.geometry.coordinates;
    return L.marker([latitude, longitude], { title: feature.properties.name });
  });
  let finished = false;
  async function onProgress(processed, total) {
    if (finished || processed < total) return;
    finished = true;
    await afterNextPaint();
    window.__bench.markers = group.getLayers().length;
    window.__bench.doneAt = performance.now();
  }
  group.addLayers(markers);
}

main().catch((error) => {
  window.__bench.error = String(error && error.stack ? error.stack : error);
});
