import { useCallback, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapLayerMouseEvent } from 'react-map-gl/maplibre';
import type { Initiative } from '../domain/initiative';
import { useAppStore } from '../state/store';
import { membersAt, type ClusterHierarchy, type FilteredCounts } from './clustering';
import type { ClusterOverlay } from './cluster-overlay';
import type { OverlayItem } from './map-features';
import { clusterExpansion } from './camera';

export interface OpenStack {
  position: number;
  longitude: number;
  latitude: number;
}

/** What a click on the map does: nothing hit, a cluster opened, a stack listed, an initiative selected. */
export type MapClick =
  | { kind: 'none' }
  | { kind: 'expand'; item: OverlayItem }
  | { kind: 'stack'; stack: OpenStack }
  | { kind: 'select'; initiative: number };

export function mapClick(item: OverlayItem | null | undefined): MapClick {
  if (!item) return { kind: 'none' };
  if (item.kind === 'cluster') return { kind: 'expand', item };
  if (item.kind === 'stack') return { kind: 'stack', stack: { position: item.position, longitude: item.longitude, latitude: item.latitude } };
  return { kind: 'select', initiative: item.initiative };
}

interface PointerInputs {
  map: MapLibreMap | null;
  clusterOverlay: ClusterOverlay | null;
  hierarchy: ClusterHierarchy | null;
  counts: FilteredCounts | null;
  initiatives: readonly Initiative[];
}

/** Clicks and the pointer cursor over the cluster canvas, and the stack list a click opens. */
export function useMapPointer({ map, clusterOverlay, hierarchy, counts, initiatives }: PointerInputs) {
  const [cursor, setCursor] = useState('');
  const [openStack, setOpenStack] = useState<OpenStack | null>(null);

  const onClick = useCallback(
    (event: MapLayerMouseEvent) => {
      const click = mapClick(clusterOverlay?.itemAt(event.point.x, event.point.y));
      setOpenStack(click.kind === 'stack' ? click.stack : null);
      const store = useAppStore.getState();
      if (click.kind === 'expand' && map && hierarchy) {
        const { item } = click;
        store.moveCamera(clusterExpansion(item, hierarchy.expansionZoom(item.clusterId), hierarchy.maxZoom, map.getZoom()));
      } else if (click.kind === 'select') {
        const initiative = initiatives[click.initiative];
        // Chosen on the map: it is on screen already, the camera stays.
        if (initiative) store.select(initiative.id, 'stay');
      }
    },
    [map, hierarchy, initiatives, clusterOverlay],
  );

  const onMouseMove = useCallback(
    (event: MapLayerMouseEvent) => {
      const next = clusterOverlay?.itemAt(event.point.x, event.point.y) ? 'pointer' : '';
      setCursor((before) => (before === next ? before : next));
    },
    [clusterOverlay],
  );
  const onMouseOut = useCallback(() => setCursor(''), []);

  // A stack whose initiatives are all filtered out has nothing left to list.
  const stackMembers = useMemo(() => {
    if (!openStack || !hierarchy || !counts) return [];
    return membersAt(hierarchy.positions, openStack.position, counts.visible)
      .map((index) => initiatives[index])
      .filter((item) => item !== undefined);
  }, [openStack, hierarchy, counts, initiatives]);

  const closeStack = useCallback(() => setOpenStack(null), []);
  return { cursor, openStack, stackMembers, closeStack, onClick, onMouseMove, onMouseOut };
}
