import { orderByDistance } from '../domain/distance';
import { isInBounds } from '../domain/bounds';
import { orderIndices } from '../domain/sort-orders';
import type { Initiative } from '../domain/initiative';
import { useAppStore, type AppState } from './store';

export type ListOrderState = Pick<
  AppState,
  'initiatives' | 'initiativeIndex' | 'visibleIndices' | 'sort' | 'origin' | 'listScope' | 'viewBounds'
>;

/** The initiatives the results list shows, in its order: what the export must hold too. */
export interface ListOrder {
  /** Indices into `initiatives`, in list order. */
  indices: ArrayLike<number>;
  /** Kilometres from the chosen commune, aligned with `indices`; null unless ordered by distance. */
  distancesKm: Float64Array | null;
}

// One store, so one remembered answer per step: the list and the export (and repeated renders)
// get the same object back until an input changes, and panning the map does not re-sort.
let lastSorted: { inputs: unknown[]; result: ListOrder } | null = null;
let lastScoped: { inputs: unknown[]; result: ListOrder } | null = null;

function sameInputs(previous: unknown[] | undefined, next: unknown[]): boolean {
  return previous !== undefined && previous.length === next.length && previous.every((value, position) => value === next[position]);
}

function sortShown(state: ListOrderState): ListOrder {
  const { initiatives, initiativeIndex, visibleIndices, sort, origin } = state;
  if (sort === 'distance' && origin) {
    const { indices, distancesKm } = orderByDistance(origin, initiatives, visibleIndices);
    return { indices, distancesKm };
  }
  if (!initiativeIndex) return { indices: visibleIndices, distancesKm: null };
  const order = sort === 'commune' ? initiativeIndex.communeOrder : initiativeIndex.nameOrder;
  return { indices: orderIndices(order, visibleIndices, initiativeIndex.size), distancesKm: null };
}

function keepInView(initiatives: readonly Initiative[], sorted: ListOrder, bounds: NonNullable<AppState['viewBounds']>): ListOrder {
  const { indices, distancesKm } = sorted;
  const keptIndices = new Uint32Array(indices.length);
  const keptDistances = distancesKm ? new Float64Array(indices.length) : null;
  let kept = 0;
  for (let position = 0; position < indices.length; position += 1) {
    const index = indices[position] as number;
    const { longitude, latitude } = initiatives[index] as Initiative;
    if (!isInBounds(longitude, latitude, bounds)) continue;
    keptIndices[kept] = index;
    if (keptDistances && distancesKm) keptDistances[kept] = distancesKm[position] as number;
    kept += 1;
  }
  return { indices: keptIndices.slice(0, kept), distancesKm: keptDistances ? keptDistances.slice(0, kept) : null };
}

/**
 * The shown initiatives in list order: those the filters keep (the announced count), ordered by
 * name, commune or distance from the chosen commune, and, with « Uniquement la zone visible de
 * la carte », only those inside the map's bounds.
 */
export function selectListOrder(state: ListOrderState): ListOrder {
  const sortInputs = [state.initiatives, state.initiativeIndex, state.visibleIndices, state.sort, state.origin];
  if (!lastSorted || !sameInputs(lastSorted.inputs, sortInputs)) lastSorted = { inputs: sortInputs, result: sortShown(state) };
  const sorted = lastSorted.result;
  const scopeInputs = [sorted, state.listScope, state.viewBounds];
  if (!lastScoped || !sameInputs(lastScoped.inputs, scopeInputs)) {
    // Until the map reports its bounds, the whole list is shown (and the list says so).
    const bounds = state.listScope === 'in-view' ? state.viewBounds : null;
    lastScoped = { inputs: scopeInputs, result: bounds ? keepInView(state.initiatives, sorted, bounds) : sorted };
  }
  return lastScoped.result;
}

/** The list order, re-rendering when it changes. */
export function useListOrder(): ListOrder {
  return useAppStore(selectListOrder);
}
