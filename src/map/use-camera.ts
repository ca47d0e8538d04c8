import { useEffect, useRef } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useAppStore } from '../state/store';
import { cameraCommand, runCameraCommand, viewOf } from './camera';

/**
 * The one place the camera moves: performs each camera intent of the store once, in order of
 * `seq`. The map never writes the intent back; an intent waiting for the data (a shared link's
 * initiative) is performed when the data arrives.
 */
export function useCamera(map: MapLibreMap | null): void {
  const intent = useAppStore((state) => state.cameraIntent);
  const initiatives = useAppStore((state) => state.initiatives);
  const dataReady = useAppStore((state) => state.status !== 'loading');
  const performed = useRef(0);

  useEffect(() => {
    if (!map || !intent || intent.seq <= performed.current) return;
    const command = cameraCommand(intent.move, {
      view: viewOf(map),
      locate: (id) => initiatives.find((initiative) => initiative.id === id),
      dataReady,
    });
    if (command === 'wait') return;
    performed.current = intent.seq;
    if (command) runCameraCommand(map, command);
  }, [map, intent, initiatives, dataReady]);
}
