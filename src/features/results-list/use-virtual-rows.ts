import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';

/** Rows have a fixed height (long texts are cut with an ellipsis) so 100,000 rows need no measuring. */
export const ROW_HEIGHT = 56;

// jsdom and a hidden panel report a zero-height box; rendering a screenful anyway keeps
// the first rows reachable instead of an empty list.
const FALLBACK_RECT = { width: 360, height: 640 };
function observeRectWithFallback(instance: Virtualizer<HTMLDivElement, Element>, callback: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : FALLBACK_RECT));
}

/**
 * A virtualised list of `rowCount` rows whose row buttons carry `data-position`, walked with the
 * keyboard: one row button is in the Tab order (roving tabindex), arrows, Page Up/Down, Home and
 * End move the focus, scrolling first when the target row is not drawn yet.
 */
export function useVirtualRows(rowCount: number) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);
  const [activePosition, setActivePosition] = useState(0);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRectWithFallback,
  });

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    const current = Number(target.getAttribute('data-position'));
    if (!target.hasAttribute('data-position') || Number.isNaN(current)) return;
    const last = rowCount - 1;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight || FALLBACK_RECT.height) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, current + 1),
      ArrowUp: Math.max(0, current - 1),
      PageDown: Math.min(last, current + page),
      PageUp: Math.max(0, current - page),
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    setPendingFocus(next);
  }, [rowCount, virtualizer]);

  const virtualItems = virtualizer.getVirtualItems();

  // Arrow keys may move to a row that is not rendered yet: scroll there, then focus once drawn
  // (the rows drawn change with the virtualizer's range).
  useEffect(() => {
    if (pendingFocus === null) return;
    const button = scrollRef.current?.querySelector<HTMLButtonElement>(`button[data-position="${pendingFocus}"]`);
    if (button) {
      button.focus();
      setPendingFocus(null);
    }
  }, [pendingFocus, virtualItems]);

  // The row focused last keeps the Tab stop while it is drawn; otherwise the first drawn row has it.
  const tabbablePosition = virtualItems.some((row) => row.index === activePosition) ? activePosition : virtualItems[0]?.index;

  return { scrollRef, virtualizer, virtualItems, onKeyDown, tabbablePosition, setActivePosition };
}
