import type { Map as MapLibreMap } from 'maplibre-gl';
import { describeIcon } from './icons';
import { drawIcon } from './draw-icon';

/** Draws and adds our images that the map does not have yet (basemap sprites are left alone). */
export function addMissingImages(target: MapLibreMap, names: Iterable<string>): void {
  for (const name of new Set(names)) {
    if (target.hasImage(name)) continue;
    const spec = describeIcon(name);
    const drawn = spec ? drawIcon(spec, window.devicePixelRatio || 1) : null;
    if (drawn) target.addImage(name, drawn.image, { pixelRatio: drawn.pixelRatio });
  }
}
