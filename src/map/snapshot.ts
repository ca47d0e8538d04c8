import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { setMapSnapshotProvider, type MapSnapshot } from '../state/map-snapshot';

/**
 * Pictures the map for printing: a synchronous redraw, then, in the same task (before the
 * browser clears the WebGL drawing buffer), the map canvas and the cluster canvas laid over it
 * are copied into one image. No preserveDrawingBuffer, which would slow every frame.
 */
export function pictureMap(map: MapLibreMap): MapSnapshot | null {
  map.redraw();
  const source = map.getCanvas();
  if (source.width === 0 || source.height === 0) return null;
  const picture = document.createElement('canvas');
  picture.width = source.width;
  picture.height = source.height;
  const context = picture.getContext('2d');
  if (!context) return null;
  context.drawImage(source, 0, 0);
  const clusters = map.getCanvasContainer().querySelector<HTMLCanvasElement>('canvas.carte-ess-clusters');
  if (clusters && clusters.width > 0) context.drawImage(clusters, 0, 0, picture.width, picture.height);
  // What the attribution control says: the data's and the basemap's sources, as shown on screen.
  const attribution = (map.getContainer().querySelector('.maplibregl-ctrl-attrib-inner')?.textContent ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);
  return { image: picture.toDataURL('image/png'), width: source.clientWidth, height: source.clientHeight, attribution };
}

/** Offers the map's picture to the print view while the map lives. */
export function useMapSnapshotProvider(map: MapLibreMap | null): void {
  useEffect(() => (map ? setMapSnapshotProvider(() => pictureMap(map)) : undefined), [map]);
}
