import { create } from 'zustand';
import type { Initiative } from '../domain/initiative';
import { EMPTY_FILTERS, type Filters } from '../domain/filters';
import { applyFilters, type FacetCounts } from '../domain/filtering';
import { indexFor, type InitiativeIndex } from '../domain/initiative-index';
import { DEPARTMENTS } from '../domain/departments';
import { TERRITORIES } from '../domain/territories';
import { THEMES } from '../domain/themes';
import { REGIONS, epciMembership, type EpciMembership, type EpciTable } from '../domain/places';
import type { MapSnapshot } from './map-snapshot';
import { hurryDetails } from './compact-blocks';
import { nextIntent, selectionIntent, type CameraBounds, type CameraIntent, type CameraMove, type SelectionCamera } from './camera-intent';

export type LoadStatus = 'loading' | 'ready' | 'error';

export type DetailsStatus = 'loading' | 'complete' | 'error';

/** What the list and the map say when the data holds no initiative at all (no filter is to blame). */
export const EMPTY_DATA_MESSAGE = 'Aucune initiative dans les données.';

/** « 33 initiatives ignorées : données invalides », for the maintainers' notice and the console. */
export function ignoredNotice(count: number): string {
  return count === 1 ? '1 initiative ignorée : données invalides' : `${count.toLocaleString('fr-FR')} initiatives ignorées : données invalides`;
}

export interface AppState {
  status: LoadStatus;
  /** Readable French message when status is 'error'. */
  errorMessage: string | null;
  initiatives: Initiative[];
  /**
   * 'loading' while the compact data file's details (descriptions, contacts) are still arriving:
   * the map, list and filters work, the details panel, exports and print wait for them.
   */
  detailsStatus: DetailsStatus;
  /** Why the details could not be loaded, when detailsStatus is 'error'. */
  detailsError: string | null;
  /** Features of the data left out because they are invalid (a notice for maintainers says how many). */
  ignoredCount: number;
  filters: Filters;
  /** Indices into `initiatives` of those the filters keep, in data order. */
  visibleIndices: number[];
  /** For each filter option, how many initiatives it would give with the other facets applied. */
  facetCounts: FacetCounts;
  /** Columnar index of `initiatives`, rebuilt when the data changes; null before loading. */
  initiativeIndex: InitiativeIndex | null;
  /** Compact chrome for iframes (`embed=1` in the URL). */
  embed: boolean;
  selectedId: string | null;
  /** A commune the user picked (commune search or geolocation): the list is ordered by distance from it. */
  origin: GeoOrigin | null;
  sort: ListSort;
  /** 'in-view' keeps in the list only what the map shows. */
  listScope: 'all' | 'in-view';
  /** The map's current bounds [west, south, east, north], reported by the map (the viewport's one home). */
  viewBounds: CameraBounds | null;
  /** The map's current zoom, reported with the bounds. */
  viewZoom: number;
  /** The last camera move asked of the map; the map performs each `seq` once and never clears it. */
  cameraIntent: CameraIntent | null;
  /** On a phone, what fills the screen under the count: the map or the list (« Carte » / « Liste »). */
  phoneView: PhoneView;
  /** On a phone, whether the filters sheet is open. */
  filtersSheetOpen: boolean;
  /** What the printed page holds while printing (the filtered list, or one initiative's sheet). */
  printJob: PrintJob | null;
  /** Each initiative's EPCI, once data/epci.json is loaded (the EPCI filter asks for it). */
  epci: EpciMembership | null;

  setLoading: () => void;
  /** `details`: the initiatives' text properties still arriving (the compact file); resolves once written into them. */
  setInitiatives: (initiatives: Initiative[], ignoredCount?: number, details?: Promise<void>) => void;
  setError: (message: string) => void;
  setFilters: (patch: Partial<Filters>) => void;
  resetFilters: () => void;
  /** Selects an initiative; `camera` says how the map follows (default: brought into view if off screen). */
  select: (id: string | null, camera?: SelectionCamera) => void;
  setOrigin: (origin: GeoOrigin | null) => void;
  setSort: (sort: ListSort) => void;
  setListScope: (scope: 'all' | 'in-view') => void;
  /** The map reports what it shows after each move. */
  setViewport: (bounds: CameraBounds | null, zoom?: number) => void;
  moveCamera: (move: CameraMove) => void;
  setEmbed: (embed: boolean) => void;
  setPhoneView: (view: PhoneView) => void;
  setFiltersSheetOpen: (open: boolean) => void;
  setPrintJob: (job: PrintJob | null) => void;
  setEpciTable: (table: EpciTable) => void;
  /** Applies what the URL says (at start and on back/forward) in one update. */
  applyUrlState: (state: { filters: Filters; selectedId: string | null; embed: boolean }) => void;
}

export interface GeoOrigin {
  label: string;
  longitude: number;
  latitude: number;
}

export type ListSort = 'name' | 'commune' | 'distance';

export type PhoneView = 'map' | 'list';

/** The filtered list (with a picture of the map) or one initiative, for a flyer. */
export type PrintJob = { kind: 'list'; snapshot: MapSnapshot | null } | { kind: 'initiative'; id: string };

function emptyFacetCounts(): FacetCounts {
  return { themes: THEMES.map(() => 0), territories: TERRITORIES.map(() => 0), departments: DEPARTMENTS.map(() => 0), regions: REGIONS.map(() => 0), epcis: [] };
}

function filtered(index: InitiativeIndex | null, filters: Filters, epci: EpciMembership | null = null): { visibleIndices: number[]; facetCounts: FacetCounts } {
  if (!index) return { visibleIndices: [], facetCounts: emptyFacetCounts() };
  const { indices, counts } = applyFilters(index, filters, epci);
  return { visibleIndices: indices, facetCounts: counts };
}

const initialData = {
  status: 'loading' as LoadStatus,
  errorMessage: null,
  initiatives: [] as Initiative[],
  detailsStatus: 'complete' as DetailsStatus,
  detailsError: null as string | null,
  ignoredCount: 0,
  filters: EMPTY_FILTERS,
  visibleIndices: [] as number[],
  facetCounts: emptyFacetCounts(),
  initiativeIndex: null as InitiativeIndex | null,
  embed: false,
  selectedId: null as string | null,
  origin: null as GeoOrigin | null,
  sort: 'name' as ListSort,
  listScope: 'all' as 'all' | 'in-view',
  viewBounds: null as CameraBounds | null,
  viewZoom: 5,
  cameraIntent: null as CameraIntent | null,
  phoneView: 'map' as PhoneView,
  filtersSheetOpen: false,
  printJob: null as PrintJob | null,
  epci: null as EpciMembership | null,
};

/** A slice of search preparation when no idle time came within SEARCH_SLICE_WAIT_MS. */
const SEARCH_SLICE_MS = 8;
const SEARCH_SLICE_WAIT_MS = 50;

/**
 * The text search's folded texts are built in slices: in one piece they held up the map's first
 * frames. Idle time first, but never starved by the map's frames (the timeout), so they are
 * ready when a person starts typing; a search typed before the end finishes them at once.
 */
function prepareSearchWhenIdle(initiativeIndex: InitiativeIndex, get: () => AppState): void {
  if (typeof requestIdleCallback !== 'function') return;
  const prepareSlice = (deadline: IdleDeadline) => {
    if (get().initiativeIndex !== initiativeIndex) return;
    const budget = deadline.didTimeout ? SEARCH_SLICE_MS : Math.max(1, deadline.timeRemaining());
    if (!initiativeIndex.prepareSearchStep(budget)) requestIdleCallback(prepareSlice, { timeout: SEARCH_SLICE_WAIT_MS });
  };
  requestIdleCallback(prepareSlice, { timeout: SEARCH_SLICE_WAIT_MS });
}

export const useAppStore = create<AppState>()((set, get) => ({
  ...initialData,
  setLoading: () => set({ status: 'loading', errorMessage: null }),
  setInitiatives: (initiatives, ignoredCount = 0, details) => {
    const initiativeIndex = indexFor(initiatives);
    // Folded while the descriptions are missing (names and communes: a quick first search), the
    // search texts are folded again once they came.
    prepareSearchWhenIdle(initiativeIndex, get);
    const table = get().epci?.table;
    const epci = table ? epciMembership(table, initiatives) : null;
    const detailsStatus: DetailsStatus = details ? 'loading' : 'complete';
    set({ status: 'ready', errorMessage: null, initiatives, detailsStatus, detailsError: null, ignoredCount, initiativeIndex, epci, ...filtered(initiativeIndex, get().filters, epci) });
    details?.then(
      () => {
        if (get().initiativeIndex !== initiativeIndex) return;
        // Written into the same objects: the map and the list stay as they are; what reads the
        // text properties (search, statistics, details, exports) reads them again.
        initiativeIndex.resetSearch();
        prepareSearchWhenIdle(initiativeIndex, get);
        set({ detailsStatus: 'complete', ...(get().filters.query ? filtered(initiativeIndex, get().filters, get().epci) : {}) });
      },
      (error: unknown) => {
        if (get().initiativeIndex !== initiativeIndex) return;
        set({ detailsStatus: 'error', detailsError: error instanceof Error ? error.message : String(error) });
      },
    );
  },
  setError: (message) => set({ status: 'error', errorMessage: message }),
  setFilters: (patch) => {
    const filters = { ...get().filters, ...patch };
    // A search before the descriptions are in: they are fetched now rather than when the page is idle.
    if (filters.query && get().detailsStatus === 'loading') hurryDetails();
    set({ filters, ...filtered(get().initiativeIndex, filters, get().epci) });
  },
  resetFilters: () => set({ filters: EMPTY_FILTERS, ...filtered(get().initiativeIndex, EMPTY_FILTERS, get().epci) }),
  select: (id, camera = 'reveal') => set({ selectedId: id, cameraIntent: selectionIntent(get().cameraIntent, id, camera) }),
  setOrigin: (origin) => set({ origin, sort: origin ? 'distance' : get().sort === 'distance' ? 'name' : get().sort }),
  setSort: (sort) => set({ sort }),
  setListScope: (listScope) => set({ listScope }),
  setViewport: (viewBounds, viewZoom = get().viewZoom) => set({ viewBounds, viewZoom }),
  moveCamera: (move) => set({ cameraIntent: nextIntent(get().cameraIntent, move) }),
  setEmbed: (embed) => set({ embed }),
  setPhoneView: (phoneView) => set({ phoneView }),
  setFiltersSheetOpen: (filtersSheetOpen) => set({ filtersSheetOpen }),
  setPrintJob: (printJob) => set({ printJob }),
  setEpciTable: (table) => {
    const epci = epciMembership(table, get().initiatives);
    set({ epci, ...filtered(get().initiativeIndex, get().filters, epci) });
  },
  applyUrlState: ({ filters, selectedId, embed }) => {
    // A selection the URL brings (a shared link, back/forward) is brought into view.
    const cameraIntent = selectedId === get().selectedId ? get().cameraIntent : selectionIntent(get().cameraIntent, selectedId, 'reveal');
    set({ filters, selectedId, embed, cameraIntent, ...filtered(get().initiativeIndex, filters, get().epci) });
  },
}));

/** Restores the initial state; tests call it in beforeEach. */
export function resetAppStore(): void {
  useAppStore.setState(initialData);
}
