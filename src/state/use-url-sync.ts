import { useLayoutEffect } from 'react';
import { formatUrlParams, parsePageOptions, parseUrlParams, type PageOptions, type UrlState } from '../domain/url-params';
import { useAppStore, type AppState } from './store';

function urlStateOf(state: AppState): UrlState {
  return { filters: state.filters, selectedId: state.selectedId, embed: state.embed };
}

/**
 * The page's settings (basemap, embed panel, host origin), fixed for its life: the one place
 * besides the sync below that reads the query string. Callers read it once, at mount.
 */
export function readPageOptions(): PageOptions {
  return parsePageOptions(window.location.search);
}

/** Applies the current query string to the store (at start and after back/forward). */
export function applyLocationToStore(): void {
  useAppStore.getState().applyUrlState(parseUrlParams(window.location.search));
}

function onlyQueryChanged(previous: UrlState, current: UrlState): boolean {
  const { query: _previousQuery, ...previousLists } = previous.filters;
  const { query: _currentQuery, ...currentLists } = current.filters;
  return previous.selectedId === current.selectedId
    && previous.embed === current.embed
    && (Object.keys(currentLists) as (keyof typeof currentLists)[]).every((name) => previousLists[name] === currentLists[name]);
}

/**
 * Writes the store's filters and selection to the query string, when it differs. Other
 * parameters and the hash (the map's camera) are left as they are.
 */
export function writeStoreToLocation(mode: 'push' | 'replace'): void {
  const state = urlStateOf(useAppStore.getState());
  const { search, pathname, hash } = window.location;
  const next = formatUrlParams(state, search);
  if (next === search || (next === '' && search === '?')) return;
  const url = `${pathname}${next}${hash}`;
  if (mode === 'push') window.history.pushState(window.history.state, '', url);
  else window.history.replaceState(window.history.state, '', url);
}

// History calls cost several milliseconds in Chromium: they wait until the toggled filter
// has painted, so the count, list and map update first.
function afterNextPaint(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(callback, 0));
  else setTimeout(callback, 0);
}

/**
 * Keeps the URL and the store in step (CONTRACT §4). Call once, in the app shell.
 * A change of filters or selection is a new history entry, so back/forward walk through
 * them; typing in the text search only replaces the entry, or every keystroke would be one.
 * Embedded (`embed=1`), every change replaces the entry.
 */
export function useUrlSync(): void {
  useLayoutEffect(() => {
    applyLocationToStore();
    // Canonical form at start (sorted lists, invalid values dropped) without a new entry.
    writeStoreToLocation('replace');
    let previous = urlStateOf(useAppStore.getState());
    let pendingPush = false;
    let scheduled = false;
    let generation = 0;
    let applyingLocation = false;
    const flush = (token: number) => {
      if (token !== generation) return;
      scheduled = false;
      const mode = pendingPush ? 'push' : 'replace';
      pendingPush = false;
      writeStoreToLocation(mode);
    };
    const unsubscribe = useAppStore.subscribe((state) => {
      const current = urlStateOf(state);
      if (current.filters === previous.filters && current.selectedId === previous.selectedId && current.embed === previous.embed) return;
      const wasOnlyQuery = onlyQueryChanged(previous, current);
      previous = current;
      if (applyingLocation) return;
      // Embedded, the history is the host page's: its Back button must leave the page, not
      // walk back through our filters, so every change replaces the entry.
      if (!wasOnlyQuery && !current.embed) pendingPush = true;
      if (!scheduled) {
        scheduled = true;
        const token = generation;
        afterNextPaint(() => flush(token));
      }
    });
    const onPopState = () => {
      // The URL now says what to show: a write still waiting would overwrite it.
      generation += 1;
      scheduled = false;
      pendingPush = false;
      applyingLocation = true;
      try {
        applyLocationToStore();
      } finally {
        applyingLocation = false;
      }
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      generation += 1;
      unsubscribe();
      window.removeEventListener('popstate', onPopState);
    };
  }, []);
}
