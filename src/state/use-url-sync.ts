import { useLayoutEffect } from 'react';
import { formatUrlParams, parseUrlParams, type UrlState } from '../domain/url-params';
import { useAppStore, type AppState } from './store';

function urlStateOf(state: AppState): UrlState {
  return { filters: state.filters, selectedId: state.selectedId, embed: state.embed };
}

/** Applies the current query string to the store (at start and after back/forward). */
export function applyLocationToStore(): void {
  useAppStore.getState().applyUrlState(parseUrlParams(window.location.search));
}

/**
 * Writes the store's filters and selection to the query string. A change of filters or
 * selection is a new history entry, so back/forward walk through them; typing in the text
 * search only replaces the entry, or every keystroke would be one. Other parameters and
 * the hash (the map's camera) are left as they are.
 */
export function writeStoreToLocation(previous: UrlState | null): void {
  const state = urlStateOf(useAppStore.getState());
  const { search, pathname, hash } = window.location;
  const next = formatUrlParams(state, search);
  if (next === search || (next === '' && search === '?')) return;
  const onlyQueryChanged = previous !== null
    && previous.selectedId === state.selectedId
    && previous.embed === state.embed
    && previous.filters.themes === state.filters.themes
    && previous.filters.match === state.filters.match
    && previous.filters.territories === state.filters.territories
    && previous.filters.departments === state.filters.departments;
  const url = `${pathname}${next}${hash}`;
  if (previous === null || onlyQueryChanged) window.history.replaceState(window.history.state, '', url);
  else window.history.pushState(window.history.state, '', url);
}

/** Keeps the URL and the store in step (CONTRACT §4). Call once, in the app shell. */
export function useUrlSync(): void {
  useLayoutEffect(() => {
    applyLocationToStore();
    // Canonical form at start (sorted lists, invalid values dropped) without a new entry.
    writeStoreToLocation(null);
    let previous = urlStateOf(useAppStore.getState());
    const unsubscribe = useAppStore.subscribe((state) => {
      const current = urlStateOf(state);
      if (current.filters === previous.filters && current.selectedId === previous.selectedId && current.embed === previous.embed) return;
      writeStoreToLocation(previous);
      previous = current;
    });
    const onPopState = () => {
      applyLocationToStore();
      previous = urlStateOf(useAppStore.getState());
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPopState);
    };
  }, []);
}
