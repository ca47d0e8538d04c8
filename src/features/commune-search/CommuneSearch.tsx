import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { communeLabel, searchCommunes, type CommuneIndex, type CommuneMatch } from '../../domain/commune-search';
import { formatDistance, nearestInitiative } from '../../domain/distance';
import { useAppStore } from '../../state/store';
import { loadCommuneIndex } from './load-communes';
import { locateUser } from './geolocation';
import './commune-search.css';

const MAX_SUGGESTIONS = 10;
/** Zoom at which a commune and its neighbours fill the map. */
const COMMUNE_ZOOM = 10;

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface CommuneSearchProps {
  /** Where the communes come from; the app fetches data/communes.json on first use. */
  loadIndex?: () => Promise<CommuneIndex>;
  /** The browser's geolocation; absent when the browser has none. */
  geolocation?: Geolocation;
}

/**
 * Offline commune search, following the ARIA 1.2 combobox pattern (list autocomplete):
 * choosing a commune makes it the origin the list is ordered from, and centres the map on it.
 */
export function CommuneSearch({ loadIndex = loadCommuneIndex, geolocation = globalThis.navigator?.geolocation }: CommuneSearchProps) {
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listboxId = `${baseId}-listbox`;
  const hintId = `${baseId}-hint`;
  const optionId = (position: number) => `${baseId}-option-${position}`;

  const origin = useAppStore((state) => state.origin);
  const initiatives = useAppStore((state) => state.initiatives);
  const visibleIndices = useAppStore((state) => state.visibleIndices);
  const setOrigin = useAppStore((state) => state.setOrigin);
  const moveCamera = useAppStore((state) => state.moveCamera);

  const [query, setQuery] = useState('');
  const [index, setIndex] = useState<CommuneIndex | null>(null);
  const [loadState, setLoadState] = useState<LoadState>('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [locating, setLocating] = useState(false);
  const [locateMessage, setLocateMessage] = useState('');
  const chosenLabel = useRef<string | null>(null);

  const matches: CommuneMatch[] = useMemo(() => (index ? searchCommunes(index, query, MAX_SUGGESTIONS) : []), [index, query]);
  const expanded = open && matches.length > 0;

  // When something else clears the starting point, the field stops showing the old commune.
  useEffect(() => {
    if (origin === null) setQuery((current) => (current === chosenLabel.current ? '' : current));
  }, [origin]);

  useEffect(() => {
    if (!expanded || active < 0) return;
    // Long suggestion lists scroll: keep the highlighted commune in sight.
    document.getElementById(`${baseId}-option-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [expanded, active, baseId]);

  const nearest = useMemo(() => (origin ? nearestInitiative(origin, initiatives, visibleIndices) : null), [origin, initiatives, visibleIndices]);
  const nearestName = nearest ? initiatives[nearest.index]?.name : undefined;

  function ensureLoaded() {
    if (loadState === 'loading' || loadState === 'ready') return;
    setLoadState('loading');
    loadIndex().then(
      (loaded) => {
        setIndex(loaded);
        setLoadState('ready');
      },
      () => setLoadState('error'),
    );
  }

  function choose(match: CommuneMatch) {
    const { commune } = match;
    const label = communeLabel(commune);
    chosenLabel.current = label;
    setQuery(label);
    setOpen(false);
    setActive(-1);
    setLocateMessage('');
    setOrigin({ label, longitude: commune.longitude, latitude: commune.latitude });
    moveCamera({ kind: 'fly-to', longitude: commune.longitude, latitude: commune.latitude, zoom: COMMUNE_ZOOM });
  }

  function clearOrigin() {
    setOrigin(null);
    setQuery('');
    setOpen(false);
    setActive(-1);
    setLocateMessage('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = matches.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(event.altKey ? -1 : 0);
        } else {
          setActive((current) => (current + 1) % count);
        }
        return;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive((current) => (!expanded || current <= 0 ? count - 1 : current - 1));
        return;
      case 'Enter': {
        if (!expanded) return;
        event.preventDefault();
        // With nothing highlighted, Enter takes the best suggestion: what people expect from a place search.
        const match = matches[active >= 0 ? active : 0];
        if (match) choose(match);
        return;
      }
      case 'Escape':
        event.preventDefault();
        if (expanded) {
          setOpen(false);
          setActive(-1);
        } else {
          setQuery('');
        }
        return;
      default:
    }
  }

  async function locate() {
    setLocating(true);
    setLocateMessage('');
    const result = await locateUser(geolocation);
    setLocating(false);
    if (!result.ok) {
      setLocateMessage(result.message);
      return;
    }
    setQuery('');
    setOrigin({ label: 'Ma position', longitude: result.longitude, latitude: result.latitude });
    moveCamera({ kind: 'fly-to', longitude: result.longitude, latitude: result.latitude, zoom: COMMUNE_ZOOM });
  }

  const trimmed = query.trim();
  let hint = 'Tapez le nom ou le code INSEE d’une commune, puis choisissez-la avec les flèches et Entrée.';
  if (trimmed && open) {
    if (loadState === 'loading') hint = 'Chargement de la liste des communes…';
    else if (loadState === 'error') hint = 'La liste des communes n’a pas pu être chargée. Réessayez en revenant dans le champ.';
    else if (loadState === 'ready' && matches.length === 0) hint = 'Aucune commune ne correspond.';
    else if (matches.length > 0) hint = `${matches.length} commune${matches.length > 1 ? 's' : ''} proposée${matches.length > 1 ? 's' : ''} : flèches haut et bas pour choisir, Entrée pour valider.`;
  }

  return (
    <div className="commune-search">
      <label htmlFor={inputId} className="commune-search-label">Rechercher une commune</label>
      <div className="commune-search-field">
        <input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={hintId}
          placeholder="Ex. : Vaillant, Saint-Dizier, 52499"
          value={query}
          onFocus={ensureLoaded}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(event.target.value.trim().length > 0);
            setActive(-1);
            ensureLoaded();
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
        />
        <ul id={listboxId} role="listbox" aria-label="Communes proposées" className="commune-search-listbox" hidden={!expanded}>
          {expanded &&
            matches.map((match, position) => (
              <li
                key={match.commune.code}
                id={optionId(position)}
                role="option"
                aria-selected={position === active}
                className={position === active ? 'commune-option commune-option-active' : 'commune-option'}
                // Keeps focus in the field so the click lands before the list closes on blur.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(match)}
              >
                {communeLabel(match.commune)}
              </li>
            ))}
        </ul>
      </div>
      {/* The standing instructions are read with the field, shown only once there is something to say. */}
      <p id={hintId} className={trimmed && open ? 'commune-search-hint' : 'commune-search-hint visually-hidden'} aria-live="polite">{hint}</p>
      <div className="commune-search-actions">
        <button type="button" onClick={() => void locate()} disabled={locating} aria-describedby={locateMessage ? `${baseId}-locate-message` : undefined}>
          {locating ? 'Localisation en cours…' : 'Autour de moi'}
        </button>
        {origin && (
          <button type="button" onClick={clearOrigin}>Effacer le point de départ</button>
        )}
      </div>
      {locateMessage && (
        <p id={`${baseId}-locate-message`} className="commune-search-error" role="alert">{locateMessage}</p>
      )}
      {origin && (
        <div className="commune-search-origin">
          <p>Initiatives triées par distance depuis <strong>{origin.label}</strong>.</p>
          <p>
            {nearest && nearestName !== undefined
              ? <>La plus proche : <strong>{nearestName}</strong>, à {formatDistance(nearest.distanceKm)}.</>
              : 'Aucune initiative ne correspond aux filtres actuels.'}
          </p>
        </div>
      )}
    </div>
  );
}
