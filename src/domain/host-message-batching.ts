import type { Filters } from './filters';
import { filtersMessage, heightMessage, selectMessage, type IncomingCommand, type OutgoingMessage } from './host-messages';

/*
 * A host page may post messages in bursts: 5,000 `set-filters` in a loop kept the iframe busy for
 * a minute (issue 21), each one refiltering every initiative and answered with a message of its
 * own. So commands received between two frames are folded into one, and reports to the host go
 * out at most every REPORT_INTERVAL_MS, each saying only what changed since the last.
 */

/** The commands received since the last frame, folded: applying them is the same as applying each in turn. */
export interface PendingCommands {
  /** The `set-filters` patches merged in arrival order (a later field replaces an earlier one). */
  filters: Partial<Filters> | null;
  /** The last `set-selection`. */
  selection: { id: string | null } | null;
}

export const NO_PENDING_COMMANDS: PendingCommands = Object.freeze({ filters: null, selection: null });

/**
 * Folds one more command into the pending ones. Filters and selection are independent in the
 * store, so only the order within each kind matters, and the merge keeps it.
 */
export function coalesceCommand(pending: PendingCommands, command: IncomingCommand): PendingCommands {
  if (command.type === 'set-filters') return { ...pending, filters: { ...pending.filters, ...command.filters } };
  return { ...pending, selection: { id: command.id } };
}

/** Minimum time between two reports to the host: a burst of changes reaches it as a few messages. */
export const REPORT_INTERVAL_MS = 200;

/** How long to wait before the next report, given when the last one went out (null: none yet). */
export function reportDelay(now: number, lastReportAt: number | null): number {
  return lastReportAt === null ? 0 : Math.max(0, lastReportAt + REPORT_INTERVAL_MS - now);
}

/** What the map shows now, as far as the host is told; null while the data is not ready. */
export interface HostView {
  filters: Filters;
  count: number;
  selectedId: string | null;
  /** The name of the selected initiative (asked only when the selection changed). */
  nameOf: (id: string) => string | null;
}

/** What the host was last told. */
export interface SentToHost {
  /** The last `carte-ess:filters` message's content, as JSON; null before the first. */
  filters: string | null;
  /** The last selection told; undefined before the first report (which is silent when nothing is selected). */
  selectedId: string | null | undefined;
  height: number | null;
}

export const NOTHING_SENT: SentToHost = Object.freeze({ filters: null, selectedId: undefined, height: null });

/**
 * The messages a report sends: the filters and count when either changed in content (a host
 * setting the filters already shown hears nothing new), the selection when it changed, the
 * height when it changed; in that order.
 */
export function reportMessages(sent: SentToHost, view: HostView | null, height: number | null): { messages: OutgoingMessage[]; sent: SentToHost } {
  const messages: OutgoingMessage[] = [];
  const next = { ...sent };
  if (view) {
    const filters = filtersMessage(view.filters, view.count);
    const key = JSON.stringify(filters);
    if (key !== sent.filters) {
      next.filters = key;
      messages.push(filters);
    }
    if (view.selectedId !== sent.selectedId) {
      next.selectedId = view.selectedId;
      if (!(sent.selectedId === undefined && view.selectedId === null)) {
        messages.push(selectMessage(view.selectedId, view.selectedId === null ? null : view.nameOf(view.selectedId)));
      }
    }
  }
  if (height !== null && height !== sent.height) {
    next.height = height;
    messages.push(heightMessage(height));
  }
  return { messages, sent: next };
}
