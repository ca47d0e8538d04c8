import { create } from 'zustand';
import type { Initiative } from '../domain/initiative';
import { EMPTY_FILTERS, type Filters } from '../domain/filters';
import { filterInitiatives } from '../domain/filtering';

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface AppState {
  status: LoadStatus;
  /** Readable French message when status is 'error'. */
  errorMessage: string | null;
  initiatives: Initiative[];
  filters: Filters;
  /** Indices into `initiatives` of those the filters keep, in data order. */
  visibleIndices: number[];
  selectedId: string | null;
  /** A commune the user picked (commune search or geolocation): the list is ordered by distance from it. */
  origin: GeoOrigin | null;
  sort: ListSort;
  /** 'in-view' keeps in the list only what the map shows. */
  listScope: 'all' | 'in-view';
  /** The map's current bounds [west, south, east, north], reported by the map. */
  viewBounds: [number, number, number, number] | null;
  /** A camera request for the map (zoom here, commune chosen); the map consumes it. */
  mapFocus: MapFocus | null;

  setLoading: () => void;
  setInitiatives: (initiatives: Initiative[]) => void;
  setError: (message: string) => void;
  setFilters: (patch: Partial<Filters>) => void;
  resetFilters: () => void;
  select: (id: string | null) => void;
  setOrigin: (origin: GeoOrigin | null) => void;
  setSort: (sort: ListSort) => void;
  setListScope: (scope: 'all' | 'in-view') => void;
  setViewBounds: (bounds: [number, number, number, number] | null) => void;
  focusMap: (focus: MapFocus | null) => void;
}

export interface GeoOrigin {
  label: string;
  longitude: number;
  latitude: number;
}

export type ListSort = 'name' | 'commune' | 'distance';

export interface MapFocus {
  longitude: number;
  latitude: number;
  zoom: number;
}

const initialData = {
  status: 'loading' as LoadStatus,
  errorMessage: null,
  initiatives: [] as Initiative[],
  filters: EMPTY_FILTERS,
  visibleIndices: [] as number[],
  selectedId: null as string | null,
  origin: null as GeoOrigin | null,
  sort: 'name' as ListSort,
  listScope: 'all' as 'all' | 'in-view',
  viewBounds: null as [number, number, number, number] | null,
  mapFocus: null as MapFocus | null,
};

export const useAppStore = create<AppState>()((set, get) => ({
  ...initialData,
  setLoading: () => set({ status: 'loading', errorMessage: null }),
  setInitiatives: (initiatives) =>
    set({ status: 'ready', errorMessage: null, initiatives, visibleIndices: filterInitiatives(initiatives, get().filters) }),
  setError: (message) => set({ status: 'error', errorMessage: message }),
  setFilters: (patch) => {
    const filters = { ...get().filters, ...patch };
    set({ filters, visibleIndices: filterInitiatives(get().initiatives, filters) });
  },
  resetFilters: () => set({ filters: EMPTY_FILTERS, visibleIndices: filterInitiatives(get().initiatives, EMPTY_FILTERS) }),
  select: (id) => set({ selectedId: id }),
  setOrigin: (origin) => set({ origin, sort: origin ? 'distance' : get().sort === 'distance' ? 'name' : get().sort }),
  setSort: (sort) => set({ sort }),
  setListScope: (listScope) => set({ listScope }),
  setViewBounds: (viewBounds) => set({ viewBounds }),
  focusMap: (mapFocus) => set({ mapFocus }),
}));

/** Restores the initial state; tests call it in beforeEach. */
export function resetAppStore(): void {
  useAppStore.setState(initialData);
}
