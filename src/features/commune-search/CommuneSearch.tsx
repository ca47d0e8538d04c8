import { useId, useState } from 'react';
import { communeLabel, type CommuneIndex } from '../../domain/commune-search';
import { useAppStore } from '../../state/store';
import { loadCommuneIndex } from './load-communes';
import { locateUser } from './geolocation';
import { OriginSummary } from './OriginSummary';
import { suggestionId, useCommuneCombobox } from './use-commune-combobox';
import './commune-search.css';

/** Zoom at which a commune and its neighbours fill the map. */
const COMMUNE_ZOOM = 10;

export interface CommuneSearchProps {
  /** Where the communes come from; the app fetches data/communes.json on first use. */
  loadIndex?: () => Promise<CommuneIndex>;
  /** The browser's geolocation; absent when the browser has none. */
  geolocation?: Geolocation;
}

/**
 * Offline commune search, following the ARIA 1.2 combobox pattern (list autocomplete; its
 * state and keys in use-commune-combobox.ts): choosing a commune, or « Autour de moi », makes
 * it the origin the list is ordered from, and centres the map on it.
 */
export function CommuneSearch({ loadIndex = loadCommuneIndex, geolocation = globalThis.navigator?.geolocation }: CommuneSearchProps) {
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listboxId = `${baseId}-listbox`;
  const hintId = `${baseId}-hint`;
  const locateMessageId = `${baseId}-locate-message`;

  const origin = useAppStore((state) => state.origin);
  const setOrigin = useAppStore((state) => state.setOrigin);
  const moveCamera = useAppStore((state) => state.moveCamera);
  const [locating, setLocating] = useState(false);
  const [locateMessage, setLocateMessage] = useState('');

  const startFrom = (label: string, longitude: number, latitude: number) => {
    setOrigin({ label, longitude, latitude });
    moveCamera({ kind: 'fly-to', longitude, latitude, zoom: COMMUNE_ZOOM });
  };

  const combobox = useCommuneCombobox({
    baseId,
    loadIndex,
    onChoose: (commune, label) => {
      setLocateMessage('');
      startFrom(label, commune.longitude, commune.latitude);
    },
  });

  function clearOrigin() {
    setOrigin(null);
    combobox.clearText();
    combobox.close();
    setLocateMessage('');
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
    combobox.clearText();
    startFrom('Ma position', result.longitude, result.latitude);
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
          aria-controls={listboxId}
          aria-describedby={hintId}
          placeholder="Ex. : Vaillant, Saint-Dizier, 52499"
          {...combobox.inputProps}
        />
        <ul id={listboxId} role="listbox" aria-label="Communes proposées" className="commune-search-listbox" hidden={!combobox.expanded}>
          {combobox.matches.map((match, position) => (
            <li
              key={match.commune.code}
              id={suggestionId(baseId, position)}
              role="option"
              aria-selected={position === combobox.active}
              className={position === combobox.active ? 'commune-option commune-option-active' : 'commune-option'}
              // Keeps focus in the field so the click lands before the list closes on blur.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => combobox.choose(match)}
            >
              {communeLabel(match.commune)}
            </li>
          ))}
        </ul>
      </div>
      {/* The standing instructions are read with the field, shown only once there is something to say. */}
      <p id={hintId} className={combobox.hint.shown ? 'commune-search-hint' : 'commune-search-hint visually-hidden'} aria-live="polite">{combobox.hint.text}</p>
      <div className="commune-search-actions">
        <button type="button" onClick={() => void locate()} disabled={locating} aria-describedby={locateMessage ? locateMessageId : undefined}>
          {locating ? 'Localisation en cours…' : 'Autour de moi'}
        </button>
        {origin && (
          <button type="button" onClick={clearOrigin}>Effacer le point de départ</button>
        )}
      </div>
      {locateMessage && (
        <p id={locateMessageId} className="commune-search-error" role="alert">{locateMessage}</p>
      )}
      <OriginSummary />
    </div>
  );
}
