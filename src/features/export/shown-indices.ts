import { orderByDistance, orderIndices } from '../../domain/filtering';
import type { AppState } from '../../state/store';

/**
 * The initiatives the count announces (the store's `visibleIndices`), in the order the list
 * shows them: by name, by commune, or by distance from the chosen commune.
 */
export function shownIndices(state: Pick<AppState, 'initiatives' | 'initiativeIndex' | 'visibleIndices' | 'sort' | 'origin'>): ArrayLike<number> {
  const { initiatives, initiativeIndex, visibleIndices, sort, origin } = state;
  if (sort === 'distance' && origin) {
    return orderByDistance(initiatives, visibleIndices, origin.longitude, origin.latitude).order;
  }
  if (!initiativeIndex) return visibleIndices;
  const order = sort === 'commune' ? initiativeIndex.communeOrder : initiativeIndex.nameOrder;
  return orderIndices(order, visibleIndices, initiativeIndex.size);
}
