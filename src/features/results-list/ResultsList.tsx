import { useEffect, useId } from 'react';
import type { Initiative } from '../../domain/initiative';
import { useListOrder } from '../../state/list-order';
import { EMPTY_DATA_MESSAGE, useAppStore } from '../../state/store';
import { ResultRow } from './ResultRow';
import { ResultsControls } from './ResultsControls';
import { ResultsHeader } from './ResultsHeader';
import { useVirtualRows } from './use-virtual-rows';
import './results-list.css';

/** Every initiative the filters keep, sortable, virtualised; a name selects it and flies the map there. */
export function ResultsList() {
  const initiatives = useAppStore((state) => state.initiatives);
  const selectedId = useAppStore((state) => state.selectedId);
  const select = useAppStore((state) => state.select);
  const setPhoneView = useAppStore((state) => state.setPhoneView);
  const visibleCount = useAppStore((state) => state.visibleIndices.length);
  const dataIsEmpty = useAppStore((state) => state.status === 'ready' && state.initiatives.length === 0);
  const { indices: order, distancesKm } = useListOrder();
  const titleId = useId();
  const { scrollRef, virtualizer, virtualItems, onKeyDown, tabbablePosition, setActivePosition } = useVirtualRows(order.length);

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

  const choose = (initiative: Initiative) => {
    // One intent: the map flies to the row's initiative, once.
    select(initiative.id, { kind: 'fly-to', longitude: initiative.longitude, latitude: initiative.latitude, zoom: 11 });
    // On a phone the details open over the map: show it.
    setPhoneView('map');
  };

  return (
    <section className="results" aria-labelledby={titleId}>
      <ResultsHeader titleId={titleId} />
      <ResultsControls shownCount={order.length} />
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
            const initiative = initiatives[order[row.index] as number];
            if (!initiative) return null;
            return (
              <ResultRow
                key={initiative.id}
                initiative={initiative}
                position={row.index}
                rowCount={order.length}
                top={row.start}
                distanceKm={distancesKm ? distancesKm[row.index] : undefined}
                selected={initiative.id === selectedId}
                tabbable={row.index === tabbablePosition}
                onFocus={() => setActivePosition(row.index)}
                onChoose={() => choose(initiative)}
              />
            );
          })}
        </ul>
      </div>
    </section>
  );
}
