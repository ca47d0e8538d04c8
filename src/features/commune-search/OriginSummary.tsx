import { useMemo } from 'react';
import { formatDistance, nearestInitiative } from '../../domain/distance';
import { useAppStore } from '../../state/store';

/**
 * What choosing a starting point changed: the list's order, and the nearest initiative the
 * filters keep, named so the answer to « what is near me? » needs no scrolling.
 */
export function OriginSummary() {
  const origin = useAppStore((state) => state.origin);
  const initiatives = useAppStore((state) => state.initiatives);
  const visibleIndices = useAppStore((state) => state.visibleIndices);
  const nearest = useMemo(() => (origin ? nearestInitiative(origin, initiatives, visibleIndices) : null), [origin, initiatives, visibleIndices]);
  if (!origin) return null;
  const nearestName = nearest ? initiatives[nearest.index]?.name : undefined;
  return (
    <div className="commune-search-origin">
      <p>Initiatives triées par distance depuis <strong>{origin.label}</strong>.</p>
      <p>
        {nearest && nearestName !== undefined
          ? <>La plus proche : <strong>{nearestName}</strong>, à {formatDistance(nearest.distanceKm)}.</>
          : 'Aucune initiative ne correspond aux filtres actuels.'}
      </p>
    </div>
  );
}
