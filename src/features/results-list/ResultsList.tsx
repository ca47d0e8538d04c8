import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { formatInitiativeCount } from '../../domain/count-text';
import { formatDistance } from '../../domain/distance';
import { getDepartment } from '../../domain/departments';
import type { Initiative } from '../../domain/initiative';
import { getTheme } from '../../domain/themes';
import { useListOrder } from '../../state/list-order';
import { EMPTY_DATA_MESSAGE, useAppStore, type ListSort } from '../../state/store';
import { ResultsHeader } from './ResultsHeader';
import './results-list.css';

/** Rows have a fixed height (long texts are cut with an ellipsis) so 100,000 rows need no measuring. */
const ROW_HEIGHT = 56;

// jsdom and a hidden panel report a zero-height box; rendering a screenful anyway keeps
// the first rows reachable instead of an empty list.
const FALLBACK_RECT = { width: 360, height: 640 };
function observeRectWithFallback(instance: Virtualizer<HTMLDivElement, Element>, callback: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : FALLBACK_RECT));
}

/** Every initiative the filters keep, sortable, virtualised; a name selects it and flies the map there. */
export function ResultsList() {
  const initiatives = useAppStore((state) => state.initiatives);
  const selectedId = useAppStore((state) => state.selectedId);
  const sort = useAppStore((state) => state.sort);
  const origin = useAppStore((state) => state.origin);
  const listScope = useAppStore((state) => state.listScope);
  const viewBounds = useAppStore((state) => state.viewBounds);
  const setSort = useAppStore((state) => state.setSort);
  const setListScope = useAppStore((state) => state.setListScope);
  const select = useAppStore((state) => state.select);
  const setPhoneView = useAppStore((state) => state.setPhoneView);
  const visibleCount = useAppStore((state) => state.visibleIndices.length);
  const dataIsEmpty = useAppStore((state) => state.status === 'ready' && state.initiatives.length === 0);
  const { indices: order, distancesKm } = useListOrder();
  const titleId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);
  const [activePosition, setActivePosition] = useState(0);

  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRectWithFallback,
  });

  // A selection made elsewhere (map, URL) brings its row into view.
  useEffect(() => {
    if (!selectedId) return;
    for (let position = 0; position < order.length; position += 1) {
      if (initiatives[order[position] as number]?.id === selectedId) {
        virtualizer.scrollToIndex(position, { align: 'auto' });
        return;
      }
    }
  }, [selectedId, order, initiatives, virtualizer]);

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    const current = Number(target.getAttribute('data-position'));
    if (!target.hasAttribute('data-position') || Number.isNaN(current)) return;
    const last = order.length - 1;
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
  }, [order.length, virtualizer]);

  const choose = (initiative: Initiative) => {
    // One intent: the map flies to the row's initiative, once.
    select(initiative.id, { kind: 'fly-to', longitude: initiative.longitude, latitude: initiative.latitude, zoom: 11 });
    // On a phone the details open over the map: show it.
    setPhoneView('map');
  };

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

  // One row button is in the Tab order (roving tabindex): Tab enters the list, arrows move inside it.
  const tabbablePosition = virtualItems.some((row) => row.index === activePosition) ? activePosition : virtualItems[0]?.index;

  const inViewNote = listScope === 'in-view' && viewBounds
    ? `${formatInitiativeCount(order.length)} dans la zone visible de la carte`
    : listScope === 'in-view' ? 'La zone visible de la carte n’est pas encore connue : toute la liste est affichée.' : null;

  return (
    <section className="results" aria-labelledby={titleId}>
      <ResultsHeader titleId={titleId} />
      <div className="results-controls">
        <label className="results-sort">
          Trier par{' '}
          <select value={sort === 'distance' && !origin ? 'name' : sort} onChange={(event) => setSort(event.target.value as ListSort)}>
            <option value="name">nom</option>
            <option value="commune">commune</option>
            {origin && <option value="distance">distance depuis {origin.label}</option>}
          </select>
        </label>
        <label className="results-scope">
          <input type="checkbox" checked={listScope === 'in-view'} onChange={(event) => setListScope(event.target.checked ? 'in-view' : 'all')} />
          Uniquement la zone visible de la carte
        </label>
        {inViewNote && <p className="results-scope-note">{inViewNote}</p>}
      </div>
      <div id="results" className="results-scroller" ref={scrollRef} tabIndex={-1}>
        {order.length === 0 && visibleCount === 0 && initiatives.length > 0 && (
          <p className="results-empty">Aucune initiative ne correspond à ces filtres.</p>
        )}
        {dataIsEmpty && <p className="results-empty">{EMPTY_DATA_MESSAGE}</p>}
        <ul
          role="list"
          className="results-items"
          aria-labelledby={titleId}
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
        >
          {virtualItems.map((row) => {
            const index = order[row.index] as number;
            const initiative = initiatives[index];
            if (!initiative) return null;
            const mainTheme = initiative.themes[0] ? getTheme(initiative.themes[0]) : null;
            const department = getDepartment(initiative.department);
            const distance = distancesKm ? distancesKm[row.index] : undefined;
            const selected = initiative.id === selectedId;
            return (
              <li
                key={initiative.id}
                className={`results-item${selected ? ' results-item--selected' : ''}`}
                aria-setsize={order.length}
                aria-posinset={row.index + 1}
                style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              >
                {mainTheme && (
                  <span className="results-theme" style={{ backgroundColor: mainTheme.color }} aria-hidden="true">{mainTheme.symbol}</span>
                )}
                <div className="results-text">
                  <button
                    type="button"
                    className="results-name"
                    data-position={row.index}
                    aria-current={selected ? 'true' : undefined}
                    tabIndex={row.index === tabbablePosition ? 0 : -1}
                    onFocus={() => setActivePosition(row.index)}
                    onClick={() => choose(initiative)}
                  >
                    {initiative.name}
                  </button>
                  <span className="results-meta">
                    {initiative.commune}
                    {department ? ` (${department.code} ${department.name})` : ` (${initiative.department})`}
                    {mainTheme ? ` · ${mainTheme.shortLabel}` : ''}
                    {distance !== undefined ? ` · ${formatDistance(distance)}` : ''}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
