import { formatInitiativeCount } from '../../domain/count-text';
import { useAppStore, type ListSort } from '../../state/store';

/** The list's order and scope: sort by name, commune or distance; all results or the map's visible zone. */
export function ResultsControls({ shownCount }: { shownCount: number }) {
  const sort = useAppStore((state) => state.sort);
  const origin = useAppStore((state) => state.origin);
  const listScope = useAppStore((state) => state.listScope);
  const viewBounds = useAppStore((state) => state.viewBounds);
  const setSort = useAppStore((state) => state.setSort);
  const setListScope = useAppStore((state) => state.setListScope);

  const inViewNote = listScope === 'in-view' && viewBounds
    ? `${formatInitiativeCount(shownCount)} dans la zone visible de la carte`
    : listScope === 'in-view' ? 'La zone visible de la carte n’est pas encore connue : toute la liste est affichée.' : null;

  return (
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
  );
}
