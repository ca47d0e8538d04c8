import { useEpciName } from '../../state/load-epci';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../state/store';
import {
  buildEmbedCode,
  buildEmbedUrl,
  clampEmbedHeight,
  DEFAULT_EMBED_HEIGHT,
  DEFAULT_EMBED_TITLE,
  EMBED_ALLOW,
  EMBED_SANDBOX,
  MAX_EMBED_HEIGHT,
  MIN_EMBED_HEIGHT,
  type EmbedFiltersPanel,
} from '../../domain/embed-code';
import { describeFilters } from './describe-filters';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';

/** The page's own address without query or hash: where partners' iframes point. */
function currentPageUrl(): string {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = '';
  return url.toString();
}

/**
 * The modal « Intégrer cette carte »: a native `<dialog>` opened with showModal (the rest of
 * the page is inert), with its own Escape handling and focus trap so it behaves the same where
 * showModal is missing. The owner restores the focus to the opening button on close.
 */
export function EmbedDialog({ onClose }: { onClose: () => void }) {
  const filters = useAppStore((state) => state.filters);
  const epciName = useEpciName();
  const selectedId = useAppStore((state) => state.selectedId);
  const count = useAppStore((state) => state.visibleIndices.length);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [height, setHeight] = useState(String(DEFAULT_EMBED_HEIGHT));
  const [filtersPanel, setFiltersPanel] = useState<EmbedFiltersPanel>('folded');
  const [keepCamera, setKeepCamera] = useState(true);
  const [autoHeight, setAutoHeight] = useState(false);
  const [title, setTitle] = useState(DEFAULT_EMBED_TITLE);
  const [copyFeedback, setCopyFeedback] = useState('');
  const [showPreview, setShowPreview] = useState(false);
  const ids = { title: useId(), height: useId(), frameTitle: useId(), code: useId(), summary: useId() };
  // Read once when the dialog opens: the camera does not move while the modal is up.
  const hash = useMemo(() => window.location.hash.replace(/^#/, ''), []);

  const options = {
    pageUrl: currentPageUrl(),
    filters,
    selectedId,
    hash: keepCamera ? hash : '',
    height: clampEmbedHeight(Number(height)),
    filtersPanel,
    title,
    autoHeight,
  };
  const code = buildEmbedCode(options);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
      dialog.setAttribute('data-fallback-modal', '');
    }
    dialog.querySelector<HTMLElement>('#' + CSS.escape(ids.height))?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
    // Opening happens once per mount (the ids are stable).
  }, [ids.height]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = Array.from(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const copy = async () => {
    const textarea = textareaRef.current;
    try {
      await navigator.clipboard.writeText(code);
      setCopyFeedback('Code copié dans le presse-papiers.');
    } catch {
      // No clipboard access (permissions, sandbox): select the code so Ctrl+C copies it.
      textarea?.focus();
      textarea?.select();
      setCopyFeedback('Copie automatique impossible : le code est sélectionné, copiez-le avec Ctrl+C.');
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="embed-dialog"
      aria-labelledby={ids.title}
      aria-modal="true"
      onKeyDown={onKeyDown}
      // Native Escape handling fires "cancel": route it through the same close path.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={ids.title}>Intégrer cette carte</h2>
      <p id={ids.summary}>
        Copiez ce code dans votre site : la carte s’affichera avec les filtres actuels ({describeFilters(filters, epciName)}), soit{' '}
        {count.toLocaleString('fr-FR')} {count > 1 ? 'initiatives' : 'initiative'} aujourd’hui.
      </p>

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
          value={height}
          onChange={(event) => setHeight(event.target.value)}
        />
        <label htmlFor={ids.frameTitle}>Titre du cadre (lu par les lecteurs d’écran)</label>
        <input id={ids.frameTitle} type="text" value={title} onChange={(event) => setTitle(event.target.value)} />
      </fieldset>

      <fieldset>
        <legend>Panneau des filtres</legend>
        <label>
          <input type="radio" name="embed-filters-panel" checked={filtersPanel === 'folded'} onChange={() => setFiltersPanel('folded')} />
          Replié derrière un bouton « Filtres »
        </label>
        <label>
          <input type="radio" name="embed-filters-panel" checked={filtersPanel === 'open'} onChange={() => setFiltersPanel('open')} />
          Affiché
        </label>
        <label>
          <input type="radio" name="embed-filters-panel" checked={filtersPanel === 'locked'} onChange={() => setFiltersPanel('locked')} />
          Masqué : filtres verrouillés
        </label>
      </fieldset>

      <fieldset>
        <legend>Autres réglages</legend>
        <label>
          <input type="checkbox" checked={keepCamera} onChange={(event) => setKeepCamera(event.target.checked)} disabled={hash === ''} />
          Garder le cadrage actuel de la carte
        </label>
        <label>
          <input type="checkbox" checked={autoHeight} onChange={(event) => setAutoHeight(event.target.checked)} />
          Hauteur automatique (ajoute le script d’aide embed.js)
        </label>
      </fieldset>

      <label htmlFor={ids.code}>Code à copier</label>
      <textarea id={ids.code} ref={textareaRef} readOnly rows={6} value={code} onFocus={(event) => event.currentTarget.select()} />
      <div className="embed-dialog-actions">
        <button type="button" onClick={() => void copy()}>Copier le code</button>
        <button type="button" aria-expanded={showPreview} onClick={() => setShowPreview(!showPreview)}>
          {showPreview ? 'Masquer l’aperçu' : 'Afficher l’aperçu'}
        </button>
        <button type="button" onClick={onClose}>Fermer</button>
        <p className="embed-copy-feedback" aria-live="polite">{copyFeedback}</p>
      </div>

      {showPreview && (
        <div className="embed-preview">
          <iframe
            title={`Aperçu : ${title.trim() || DEFAULT_EMBED_TITLE}`}
            src={buildEmbedUrl(options)}
            height={options.height}
            loading="lazy"
            sandbox={EMBED_SANDBOX}
            allow={EMBED_ALLOW}
          />
        </div>
      )}
    </dialog>
  );
}
