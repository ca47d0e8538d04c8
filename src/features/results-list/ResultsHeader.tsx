import { formatInitiativeCount } from '../../domain/count-text';
import { useAppStore, type PhoneView } from '../../state/store';
import { activeFilterCount } from '../filters/active-filters';

/** The count, announced politely: the one role=status element holding it. */
function ResultCount() {
  const status = useAppStore((state) => state.status);
  const count = useAppStore((state) => state.visibleIndices.length);
  return (
    <p className="results-count" role="status" aria-live="polite" aria-atomic="true">
      {status === 'ready' ? formatInitiativeCount(count) : ''}
    </p>
  );
}

const VIEWS: { view: PhoneView; label: string }[] = [
  { view: 'list', label: 'Liste' },
  { view: 'map', label: 'Carte' },
];

/**
 * The phone's controls beside the count (hidden on a wide screen, where everything is in view):
 * « Filtres » opens the filters sheet, « Liste » and « Carte » choose what fills the screen.
 */
function PhoneControls() {
  const phoneView = useAppStore((state) => state.phoneView);
  const embed = useAppStore((state) => state.embed);
  const active = useAppStore((state) => activeFilterCount(state.filters));
  if (embed) return null;
  return (
    <div className="phone-controls">
      <button type="button" className="phone-filters" aria-haspopup="true" onClick={() => useAppStore.getState().setFiltersSheetOpen(true)}>
        Filtres{active > 0 && <span className="phone-filters-badge"> ({active}<span className="visually-hidden"> actifs</span>)</span>}
      </button>
      <div className="view-switch" role="group" aria-label="Affichage">
        {VIEWS.map(({ view, label }) => (
          <button
            key={view}
            type="button"
            aria-pressed={phoneView === view}
            onClick={() => useAppStore.getState().setPhoneView(view)}
          >
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The list's heading with the count, and on a phone the filters and view switch. */
export function ResultsHeader({ titleId }: { titleId: string }) {
  return (
    <div className="results-header">
      <h2 id={titleId} className="results-title">Initiatives</h2>
      <ResultCount />
      <PhoneControls />
    </div>
  );
}
