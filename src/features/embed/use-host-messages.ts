import { useEffect, useMemo } from 'react';
import { useAppStore } from '../../state/store';
import { readPageOptions } from '../../state/use-url-sync';
import {
  filtersMessage,
  heightMessage,
  isPublicMessage,
  isTrustedHostEvent,
  parseIncomingMessage,
  resolveHostOrigin,
  selectMessage,
  type OutgoingMessage,
} from '../../domain/host-messages';

function hasParentWindow(): boolean {
  return window.parent !== window;
}

/**
 * Talks with the page that frames the map (docs/embed.md): tells it the filters, the
 * selection and the content height, and obeys `carte-ess:set-filters` / `carte-ess:set-selection`
 * from it. Filters and selection only ever go to the host's known origin; with no known
 * origin, only the height is posted (to any origin, it reveals nothing) and nothing is obeyed.
 */
export function useHostMessages(enabled: boolean): void {
  const hostOrigin = useMemo(() => resolveHostOrigin(readPageOptions().parentOrigin, document.referrer), []);

  useEffect(() => {
    if (!enabled || !hasParentWindow()) return;
    const post = (message: OutgoingMessage) => {
      if (hostOrigin) window.parent.postMessage(message, hostOrigin);
      else if (isPublicMessage(message)) window.parent.postMessage(message, '*');
    };

    let lastFilters: unknown = null;
    let lastCount = -1;
    let lastSelected: string | null | undefined;
    const report = () => {
      const state = useAppStore.getState();
      if (state.status !== 'ready') return;
      if (state.filters !== lastFilters || state.visibleIndices.length !== lastCount) {
        lastFilters = state.filters;
        lastCount = state.visibleIndices.length;
        post(filtersMessage(state.filters, lastCount));
      }
      if (state.selectedId !== lastSelected) {
        // The first report says nothing when nothing is selected.
        const first = lastSelected === undefined;
        lastSelected = state.selectedId;
        if (!(first && state.selectedId === null)) {
          const name = state.initiatives.find((initiative) => initiative.id === state.selectedId)?.name ?? null;
          post(selectMessage(state.selectedId, name));
        }
      }
    };
    report();
    const unsubscribe = useAppStore.subscribe(report);

    let lastHeight = -1;
    const reportHeight = () => {
      // The body's own box (auto height in embed mode), not the viewport: it can shrink too.
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === lastHeight) return;
      lastHeight = height;
      post(heightMessage(height));
    };
    reportHeight();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(reportHeight);
    observer?.observe(document.body);

    const onMessage = (event: MessageEvent) => {
      if (!isTrustedHostEvent(event.origin, hostOrigin, event.source === window.parent)) return;
      const command = parseIncomingMessage(event.data);
      if (!command) return;
      const store = useAppStore.getState();
      if (command.type === 'set-filters') store.setFilters(command.filters);
      else store.select(command.id);
    };
    window.addEventListener('message', onMessage);

    return () => {
      unsubscribe();
      observer?.disconnect();
      window.removeEventListener('message', onMessage);
    };
  }, [enabled, hostOrigin]);
}
