/**
 * The camera's decisions, pure: what a camera intent (src/state/camera-intent.ts) or a click on
 * the map does to the camera. `runCameraCommand` is the only code that moves the MapLibre camera.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CameraBounds, CameraMove } from '../state/camera-intent';
import type { MapItem } from './clustering';

/** Zoom an initiative brought into view is shown at, at least. */
export const REVEAL_MIN_ZOOM = 8;
/** Margin around an area shown with « Aller à », in pixels. */
export const FIT_PADDING = 20;

export type CameraCommand =
  | { method: 'flyTo'; center: [number, number]; zoom: number }
  | { method: 'easeTo'; center: [number, number]; zoom: number }
  | { method: 'fitBounds'; bounds: CameraBounds; maxZoom: number };

export interface CameraView {
  bounds: CameraBounds;
  zoom: number;
}

export interface CameraContext {
  view: CameraView;
  /** Where an initiative is, when the data has it. */
  locate: (id: string) => { longitude: number; latitude: number } | undefined;
  /** The data is loaded: an id it does not have will never be found. */
  dataReady: boolean;
}

function contains(bounds: CameraBounds, longitude: number, latitude: number): boolean {
  const [west, south, east, north] = bounds;
  return longitude >= west && longitude <= east && latitude >= south && latitude <= north;
}

/**
 * What the camera does for a move: a command, nothing (`null`), or `'wait'` when the move
 * names an initiative the data does not have yet (a shared link read before the data arrived).
 */
export function cameraCommand(move: CameraMove, context: CameraContext): CameraCommand | null | 'wait' {
  switch (move.kind) {
    case 'fly-to':
      return { method: 'flyTo', center: [move.longitude, move.latitude], zoom: move.zoom };
    case 'ease-to':
      return { method: 'easeTo', center: [move.longitude, move.latitude], zoom: move.zoom };
    case 'fit':
      return { method: 'fitBounds', bounds: move.bounds, maxZoom: move.maxZoom };
    case 'reveal': {
      const target = context.locate(move.id);
      if (!target) return context.dataReady ? null : 'wait';
      // Already on screen: the camera stays where the user put it.
      if (contains(context.view.bounds, target.longitude, target.latitude)) return null;
      return { method: 'easeTo', center: [target.longitude, target.latitude], zoom: Math.max(context.view.zoom, REVEAL_MIN_ZOOM) };
    }
  }
}

/** A cluster clicked on the map opens to the zoom where it splits, at least one level closer. */
export function clusterExpansion(item: MapItem, expansionZoom: number, maxZoom: number, currentZoom: number): CameraMove {
  const zoom = Math.min(expansionZoom, maxZoom + 1);
  return { kind: 'ease-to', longitude: item.longitude, latitude: item.latitude, zoom: Math.max(zoom, currentZoom + 1) };
}

export function viewOf(map: MapLibreMap): CameraView {
  const bounds = map.getBounds();
  return { bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom: map.getZoom() };
}

export function runCameraCommand(map: MapLibreMap, command: CameraCommand): void {
  if (command.method === 'flyTo') map.flyTo({ center: command.center, zoom: command.zoom, essential: true });
  else if (command.method === 'easeTo') map.easeTo({ center: command.center, zoom: command.zoom });
  else map.fitBounds(command.bounds, { padding: FIT_PADDING, maxZoom: command.maxZoom, essential: true });
}
