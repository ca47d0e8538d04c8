import { useEffect, useMemo } from 'react';
import { useAppStore, type AppState } from '../../state/store';
import { readPageOptions } from '../../state/use-url-sync';
import { isPublicMessage, isTrustedHostEvent, parseIncomingMessage, resolveHostOrigin, type OutgoingMessage } from '../../domain/host-messages';
import {
  coalesceCommand,
  NO_PENDING_COMMANDS,
  NOTHING_SENT,
  reportDelay,
  reportMessages,
  type HostView,
  type PendingCommands,
} from '../../domain/host-message-batching';

function hasParentWindow(): boolean {
  return window.parent !== window;
}

function hostViewOf(state: AppState): HostView | null {
  if (state.status !== 'ready') return null;
  return {
    filters: state.filters,
    count: state.visibleIndices.length,
    selectedId: state.selectedId,
    nameOf: (id) => state.initiatives.find((initiative) => initiative.id === id)?.name ?? null,
  };
}

/** Runs `callback` at the next frame, or after `fallbackMs` when frames do not come (a hidden or throttled frame). */
function atNextFrame(callback: () => void, fallbackMs: number): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, fallbackMs);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Talks with the page that frames the map (docs/embed.md): tells it the filters, the
 * selection and the content height, and obeys `carte-ess:set-filters` / `carte-ess:set-selection`
 * from it. Filters and selection only ever go to the host's known origin; with no known
 * origin, only the height is posted (to any origin, it reveals nothing) and nothing is obeyed.
 * Both ways are batched (domain/host-message-batching.ts), so a flood of messages costs a few frames.
 */
export function useHostMessages(enabled: boolean): void {
  const hostOrigin = useMemo(() => resolveHostOrigin(readPageOptions().parentOrigin, document.referrer), []);

  useEffect(() => {
    if (!enabled || !hasParentWindow()) return;
    const post = (message: OutgoingMessage) => {
      if (hostOrigin) window.parent.postMessage(message, hostOrigin);
      else if (isPublicMessage(message)) window.parent.postMessage(message, '*');
    };

    // Outgoing: one report now, then at most one every REPORT_INTERVAL_MS with what changed.
    let sent = NOTHING_SENT;
    let lastReportAt: number | null = null;
    let reportTimer: ReturnType<typeof setTimeout> | null = null;
    const report = () => {
      reportTimer = null;
      lastReportAt = performance.now();
      // The body's own box (auto height in embed mode), not the viewport: it can shrink too.
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      const result = reportMessages(sent, hostViewOf(useAppStore.getState()), height);
      sent = result.sent;
      result.messages.forEach(post);
    };
    const scheduleReport = () => {
      if (reportTimer === null) reportTimer = setTimeout(report, reportDelay(performance.now(), lastReportAt));
    };
    report();
    // Only the changes a report carries schedule one (the map's moves change the store often).
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.status !== previous.status || state.filters !== previous.filters || state.visibleIndices !== previous.visibleIndices || state.selectedId !== previous.selectedId) {
        scheduleReport();
      }
    });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(scheduleReport);
    observer?.observe(document.body);

    // Incoming: commands folded until the next frame, then applied once.
    let pending: PendingCommands = NO_PENDING_COMMANDS;
    let cancelApply: (() => void) | null = null;
    const apply = () => {
      cancelApply = null;
      const { filters, selection } = pending;
      pending = NO_PENDING_COMMANDS;
      const store = useAppStore.getState();
      if (filters) store.setFilters(filters);
      if (selection) store.select(selection.id);
    };
    const onMessage = (event: MessageEvent) => {
      if (!isTrustedHostEvent(event.origin, hostOrigin, event.source === window.parent)) return;
      const command = parseIncomingMessage(event.data);
      if (!command) return;
      pending = coalesceCommand(pending, command);
      cancelApply ??= atNextFrame(apply, 100);
    };
    window.addEventListener('message', onMessage);

    return () => {
      unsubscribe();
      observer?.disconnect();
      window.removeEventListener('message', onMessage);
      cancelApply?.();
      if (reportTimer !== null) clearTimeout(reportTimer);
    };
  }, [enabled, hostOrigin]);
}
