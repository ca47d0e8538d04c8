import { useMemo } from 'react';
import { useAppStore } from '../state/store';
import { overlayCollection, type OverlayPoint } from './map-features';

/** The selection ring and the origin marker (commune chosen or « Ma position »). */
export function useOverlayPoints() {
  const initiatives = useAppStore((state) => state.initiatives);
  const selectedId = useAppStore((state) => state.selectedId);
  const origin = useAppStore((state) => state.origin);
  return useMemo(() => {
    const points: OverlayPoint[] = [];
    const selected = selectedId ? initiatives.find((initiative) => initiative.id === selectedId) : undefined;
    if (selected) points.push({ role: 'selection', longitude: selected.longitude, latitude: selected.latitude });
    if (origin) points.push({ role: 'origin', longitude: origin.longitude, latitude: origin.latitude });
    return overlayCollection(points);
  }, [selectedId, initiatives, origin]);
}
