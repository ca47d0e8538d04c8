import { MAX_EMBED_HEIGHT, MIN_EMBED_HEIGHT, type EmbedFiltersPanel } from '../../domain/embed-code';

/** What the person chooses about the iframe, as the form holds it (the height as typed). */
export interface EmbedChoices {
  height: string;
  filtersPanel: EmbedFiltersPanel;
  keepCamera: boolean;
  autoHeight: boolean;
  title: string;
}

interface EmbedChoicesFieldsProps {
  choices: EmbedChoices;
  onChange: (change: Partial<EmbedChoices>) => void;
  /** Ids of the height field (focused when the dialog opens) and of the title field. */
  ids: { height: string; frameTitle: string };
  /** Whether the page has a camera position to keep (a hash in its URL). */
  cameraKnown: boolean;
}

const PANEL_CHOICES: readonly { value: EmbedFiltersPanel; label: string }[] = [
  { value: 'folded', label: 'Replié derrière un bouton « Filtres »' },
  { value: 'open', label: 'Affiché' },
  { value: 'locked', label: 'Masqué : filtres verrouillés' },
];

/** The options of « Intégrer cette carte »: size and title, the filter panel, camera and height helper. */
export function EmbedChoicesFields({ choices, onChange, ids, cameraKnown }: EmbedChoicesFieldsProps) {
  return (
    <>
      <fieldset>
        <legend>Options</legend>
        <label htmlFor={ids.height}>Hauteur (en pixels, de {MIN_EMBED_HEIGHT} à {MAX_EMBED_HEIGHT})</label>
        <input
          id={ids.height}
          type="number"
          inputMode="numeric"
          min={MIN_EMBED_HEIGHT}
          max={MAX_EMBED_HEIGHT}
          step={10}
          value={choices.height}
          onChange={(event) => onChange({ height: event.target.value })}
        />
        <label htmlFor={ids.frameTitle}>Titre du cadre (lu par les lecteurs d’écran)</label>
        <input id={ids.frameTitle} type="text" value={choices.title} onChange={(event) => onChange({ title: event.target.value })} />
      </fieldset>

      <fieldset>
        <legend>Panneau des filtres</legend>
        {PANEL_CHOICES.map(({ value, label }) => (
          <label key={value}>
            <input type="radio" name="embed-filters-panel" checked={choices.filtersPanel === value} onChange={() => onChange({ filtersPanel: value })} />
            {label}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Autres réglages</legend>
        <label>
          <input type="checkbox" checked={choices.keepCamera} onChange={(event) => onChange({ keepCamera: event.target.checked })} disabled={!cameraKnown} />
          Garder le cadrage actuel de la carte
        </label>
        <label>
          <input type="checkbox" checked={choices.autoHeight} onChange={(event) => onChange({ autoHeight: event.target.checked })} />
          Hauteur automatique (ajoute le script d’aide embed.js)
        </label>
      </fieldset>
    </>
  );
}
