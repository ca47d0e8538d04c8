import { useEffect, useId, useState } from 'react';
import { copyText } from './copy-text';
import { currentPermalink } from './permalink';
import { printFilteredList, preloadPrinting } from '../print/start-print';
import './share.css';

function useFullscreen(): { available: boolean; active: boolean; toggle: () => void } {
  const [active, setActive] = useState(() => document.fullscreenElement !== null && document.fullscreenElement !== undefined);
  useEffect(() => {
    const onChange = () => setActive(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  // Not offered where the browser refuses it (an iframe without allow="fullscreen", iPhone Safari).
  return { available: Boolean(document.fullscreenEnabled), active, toggle };
}

/** « Copier le lien », « Plein écran » and « Imprimer »: the view's page-wide actions. */
export function ShareActions({ print = true }: { print?: boolean }) {
  const [message, setMessage] = useState('');
  const [manualLink, setManualLink] = useState<string | null>(null);
  const fullscreen = useFullscreen();
  const manualId = useId();

  const copyLink = async () => {
    const link = currentPermalink();
    const copied = await copyText(link);
    setManualLink(copied ? null : link);
    setMessage(copied ? 'Lien copié' : 'Copie impossible : sélectionnez le lien ci-dessous et copiez-le.');
  };

  // The announcement fades after a while; a second copy announces again.
  useEffect(() => {
    if (message === '' || manualLink) return undefined;
    const timer = window.setTimeout(() => setMessage(''), 4000);
    return () => window.clearTimeout(timer);
  }, [message, manualLink]);

  return (
    <div className="share-actions">
      <button type="button" onClick={() => void copyLink()}>Copier le lien</button>
      {fullscreen.available && (
        <button type="button" aria-pressed={fullscreen.active} onClick={fullscreen.toggle}>Plein écran</button>
      )}
      {print && (
        <button type="button" onPointerEnter={preloadPrinting} onFocus={preloadPrinting} onClick={() => void printFilteredList()}>
          Imprimer
        </button>
      )}
      <span className="share-message" aria-live="polite">{message}</span>
      {manualLink && (
        <span className="share-manual">
          <label htmlFor={manualId} className="visually-hidden">Lien de la vue</label>
          <input id={manualId} type="text" readOnly value={manualLink} onFocus={(event) => event.currentTarget.select()} />
        </span>
      )}
    </div>
  );
}
