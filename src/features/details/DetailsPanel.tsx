import './details.css';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../../state/store';
import { getDepartment } from '../../domain/departments';
import { getTheme } from '../../domain/themes';
import { getTerritory } from '../../domain/territories';
import { safeExternalUrl } from '../../domain/links';
import { printInitiative } from '../print/start-print';
import { ContactDetails } from './ContactDetails';
import { ReportErrorLink } from '../contribute/ReportErrorLink';

/** Zoom used by « Zoomer ici »: a commune fills the screen. */
const FOCUS_ZOOM = 13;

/** The selected initiative's details, as plain text; a region beside the map (a bottom sheet on a phone). */
export function DetailsPanel() {
  const selectedId = useAppStore((state) => state.selectedId);
  const initiatives = useAppStore((state) => state.initiatives);
  // With the compact data file, descriptions and contacts arrive after the map is drawn.
  const detailsStatus = useAppStore((state) => state.detailsStatus);
  const detailsError = useAppStore((state) => state.detailsError);
  const initiative = useMemo(
    () => (selectedId ? initiatives.find((candidate) => candidate.id === selectedId) : undefined),
    [selectedId, initiatives],
  );
  const headingId = useId();
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Where the focus was before the details opened: it goes back there on close.
  const returnFocusTo = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    if (!initiative) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !panel.current?.contains(active)) {
      returnFocusTo.current = active;
    }
    heading.current?.focus({ preventScroll: true });
  }, [initiative]);

  const close = useCallback(() => {
    useAppStore.getState().select(null);
    const target = returnFocusTo.current;
    returnFocusTo.current = null;
    if (target && target.isConnected) target.focus();
  }, []);

  useEffect(() => {
    if (!initiative) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as Node | null;
      // Escape belongs to the details when focus is in them, or nowhere in particular.
      if (target === document.body || (target && panel.current?.contains(target))) {
        event.preventDefault();
        close();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [initiative, close]);

  if (!initiative) return null;

  const department = getDepartment(initiative.department);
  const website = safeExternalUrl(initiative.website);
  const source = safeExternalUrl(initiative.source);

  return (
    <section ref={panel} className="details-panel" aria-labelledby={headingId}>
      <div className="details-header">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {initiative.name}
        </h2>
        <button type="button" className="details-close" onClick={close}>
          Fermer <span className="visually-hidden">les détails</span> <span className="details-close-symbol" aria-hidden="true">×</span>
        </button>
      </div>
      <p className="details-place">
        {initiative.commune}
        {department ? ` — ${department.name} (${department.code})` : ` — département ${initiative.department}`}
      </p>
      {initiative.approximate && <p className="details-approximate">Position approximative (centre de la commune)</p>}
      <dl className="details-facts">
        <dt>{initiative.themes.length > 1 ? 'Thèmes' : 'Thème'}</dt>
        <dd>
          <ul className="details-themes">
            {initiative.themes.map((themeId, index) => {
              const theme = getTheme(themeId);
              return (
                <li key={themeId}>
                  <span className="details-theme-symbol" style={{ background: theme.color }} aria-hidden="true">
                    {theme.symbol}
                  </span>
                  {theme.label}
                  {index === 0 && initiative.themes.length > 1 ? ' (principal)' : ''}
                </li>
              );
            })}
          </ul>
        </dd>
        <dt>Territoire</dt>
        <dd>{getTerritory(initiative.territory).label}</dd>
        {initiative.legalForm && (
          <>
            <dt>Forme juridique</dt>
            <dd>{initiative.legalForm}</dd>
          </>
        )}
      </dl>
      {detailsStatus === 'loading' ? (
        <p className="details-pending" aria-live="polite">Chargement de la description et des coordonnées…</p>
      ) : detailsStatus === 'error' ? (
        <p className="details-pending" role="alert">{detailsError}</p>
      ) : (
        <>
        {initiative.description && <p className="details-description">{initiative.description}</p>}
        <ContactDetails initiative={initiative} />
        <ReportErrorLink initiative={initiative} />
        <ul className="details-links">
          {initiative.website && (
            <li>
              {website ? (
                <a href={website} target="_blank" rel="noopener noreferrer">
                  Site web<span className="visually-hidden"> de {initiative.name} (nouvel onglet)</span>
                </a>
              ) : (
                <span>Site web : adresse non valide, non affichée</span>
              )}
            </li>
          )}
          {initiative.source && (
            <li>
              {source ? (
                <a href={source} target="_blank" rel="noopener noreferrer">
                  Source des informations<span className="visually-hidden"> (nouvel onglet)</span>
                </a>
              ) : (
                <span>Source : adresse non valide, non affichée</span>
              )}
            </li>
          )}
        </ul>
        </>
      )}
      <div className="details-actions">
        <button
          type="button"
          className="details-zoom button-primary"
          onClick={() => useAppStore.getState().moveCamera({ kind: 'fly-to', longitude: initiative.longitude, latitude: initiative.latitude, zoom: FOCUS_ZOOM })}
        >
          Zoomer ici
        </button>
        <button type="button" onClick={() => void printInitiative(initiative.id)}>
          Imprimer la fiche
        </button>
      </div>
    </section>
  );
}
