import { useEffect, useMemo, useState } from 'react';
import type { Initiative } from '../domain/initiative';
import { ClusterHierarchy, countByPosition, indexPositions, itemsInView, type Bounds } from './clustering';
import { itemsToOverlay, type OverlayItem } from './map-features';

const NO_ITEMS: readonly OverlayItem[] = [];

function measured<T>(name: string, compute: () => T): T {
  const started = performance.now();
  const result = compute();
  performance.measure(name, { start: started, end: performance.now() });
  return result;
}

/**
 * The clusters, stacks and points in view. The spatial index is built once per dataset, in an
 * effect (after the count and the list have painted); filters only re-count typed arrays.
 */
export function useClusterItems(
  initiatives: readonly Initiative[],
  visibleIndices: readonly number[],
  view: { zoom: number; bounds: Bounds | null },
  circlesMode: boolean,
) {
  const [hierarchy, setHierarchy] = useState<ClusterHierarchy | null>(null);
  useEffect(() => {
    setHierarchy(initiatives.length === 0 ? null : measured('carte-ess:cluster-index', () => new ClusterHierarchy(indexPositions(initiatives))));
  }, [initiatives]);

  const counts = useMemo(
    () => (hierarchy ? measured('carte-ess:count-by-position', () => countByPosition(hierarchy.positions, visibleIndices)) : null),
    [hierarchy, visibleIndices],
  );

  const { zoom, bounds } = view;
  const items = useMemo(() => {
    // The circles replace the clusters: nothing else to compute while they are on.
    if (!hierarchy || !counts || circlesMode) return NO_ITEMS;
    return measured('carte-ess:clusters-in-view', () =>
      itemsToOverlay(itemsInView(hierarchy, counts, zoom, bounds), (index) => initiatives[index]?.themes[0]),
    );
  }, [hierarchy, counts, zoom, bounds, initiatives, circlesMode]);

  /** The index is not yet built for the current data. */
  const indexPending = initiatives.length > 0 && hierarchy?.positions.positionOfInitiative.length !== initiatives.length;
  return { hierarchy, counts, items, indexPending };
}
