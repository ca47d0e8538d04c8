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

  setLoading: () => void;
  setInitiatives: (initiatives: Initiative[]) => void;
  setError: (message: string) => void;
  setFilters: (patch: Partial<Filters>) => void;
  resetFilters: () => void;
  select: (id: string | null) => void;
}

const initialData = {
  status: 'loading' as LoadStatus,
  errorMessage: null,
  initiatives: [] as Initiative[],
  filters: EMPTY_FILTERS,
  visibleIndices: [] as number[],
  selectedId: null,
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
}));

/** Restores the initial state; tests call it in beforeEach. */
export function resetAppStore(): void {
  useAppStore.setState(initialData);
}
