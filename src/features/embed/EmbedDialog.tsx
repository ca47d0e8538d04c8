import { useEpciName } from '../../state/load-epci';
import { useId, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../state/store';
import {
  buildEmbedCode,
  buildEmbedUrl,
  clampEmbedHeight,
  DEFAULT_EMBED_HEIGHT,
  DEFAULT_EMBED_TITLE,
  EMBED_ALLOW,
  EMBED_SANDBOX,
} from '../../domain/embed-code';
import { describeFilters } from './describe-filters';
import { EmbedChoicesFields, type EmbedChoices } from './EmbedChoicesFields';
import { useModalDialog } from './use-modal-dialog';

const INITIAL_CHOICES: EmbedChoices = {
  height: String(DEFAULT_EMBED_HEIGHT),
  filtersPanel: 'folded',
  keepCamera: true,
  autoHeight: false,
  title: DEFAULT_EMBED_TITLE,
};

/** The page's own address without query or hash: where partners' iframes point. */
function currentPageUrl(): string {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = '';
  return url.toString();
}

/**
 * The modal « Intégrer cette carte » (a native `<dialog>`, see use-modal-dialog.ts): the iframe
 * code for the current filters, selection and camera, with its options, a copy button and a
 * preview. The owner restores the focus to the opening button on close.
 */
export function EmbedDialog({ onClose }: { onClose: () => void }) {
  const filters = useAppStore((state) => state.filters);
  const epciName = useEpciName();
  const selectedId = useAppStore((state) => state.selectedId);
  const count = useAppStore((state) => state.visibleIndices.length);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [choices, setChoices] = useState(INITIAL_CHOICES);
  const [copyFeedback, setCopyFeedback] = useState('');
  const [showPreview, setShowPreview] = useState(false);
  const ids = { title: useId(), height: useId(), frameTitle: useId(), code: useId(), summary: useId() };
  const dialog = useModalDialog(ids.height, onClose);
  // Read once when the dialog opens: the camera does not move while the modal is up.
  const hash = useMemo(() => window.location.hash.replace(/^#/, ''), []);

  const options = {
    pageUrl: currentPageUrl(),
    filters,
    selectedId,
    hash: choices.keepCamera ? hash : '',
    height: clampEmbedHeight(Number(choices.height)),
    filtersPanel: choices.filtersPanel,
    title: choices.title,
    autoHeight: choices.autoHeight,
  };
  const code = buildEmbedCode(options);

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
      ref={dialog.ref}
      className="embed-dialog"
      aria-labelledby={ids.title}
      aria-modal="true"
      onKeyDown={dialog.onKeyDown}
      onCancel={dialog.onCancel}
    >
      <h2 id={ids.title}>Intégrer cette carte</h2>
      <p id={ids.summary}>
        Copiez ce code dans votre site : la carte s’affichera avec les filtres actuels ({describeFilters(filters, epciName)}), soit{' '}
        {count.toLocaleString('fr-FR')} {count > 1 ? 'initiatives' : 'initiative'} aujourd’hui.
      </p>

      <EmbedChoicesFields
        choices={choices}
        onChange={(change) => setChoices((current) => ({ ...current, ...change }))}
        ids={ids}
        cameraKnown={hash !== ''}
      />

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
            title={`Aperçu : ${choices.title.trim() || DEFAULT_EMBED_TITLE}`}
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
