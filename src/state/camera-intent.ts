/**
 * Camera intents: what the rest of the app asks of the map's camera. The store keeps the last
 * one with a sequence number; the map performs each number once (src/map/use-camera.ts) and
 * never writes back, so an intent is neither a command to clear nor a flag to break a loop.
 */

/** [west, south, east, north] in degrees. */
export type CameraBounds = [number, number, number, number];

export type CameraMove =
  /** Fly to a place (commune chosen, « Zoomer ici », a row of the list). */
  | { kind: 'fly-to'; longitude: number; latitude: number; zoom: number }
  /** Ease to a place, at least one zoom level closer (a cluster opened on the map). */
  | { kind: 'ease-to'; longitude: number; latitude: number; zoom: number }
  /** Show a whole area (« Aller à »). */
  | { kind: 'fit'; bounds: CameraBounds; maxZoom: number }
  /** Bring an initiative into view if it is off screen (selection from the URL or the host page). */
  | { kind: 'reveal'; id: string };

export interface CameraIntent {
  /** Increases with each intent; the map performs each number once. */
  seq: number;
  move: CameraMove;
}

/** How a selection moves the camera: bring it into view (default), leave the camera, or an explicit move. */
export type SelectionCamera = 'reveal' | 'stay' | CameraMove;

/** The intent that follows `previous`, or `previous` itself when the selection asks for no move. */
export function selectionIntent(previous: CameraIntent | null, id: string | null, camera: SelectionCamera): CameraIntent | null {
  if (id === null || camera === 'stay') return previous;
  const move: CameraMove = camera === 'reveal' ? { kind: 'reveal', id } : camera;
  return nextIntent(previous, move);
}

export function nextIntent(previous: CameraIntent | null, move: CameraMove): CameraIntent {
  return { seq: (previous?.seq ?? 0) + 1, move };
}
