import { useId, useState, type ReactNode } from 'react';
import { useEmbedMode } from './use-embed-settings';

/**
 * In embed mode, folds the filters behind a « Filtres » disclosure button so the map comes
 * first; with `lock=1` they are not shown at all. Outside embed mode, shows them as they are.
 */
export function EmbedFold({ children }: { children: ReactNode }) {
  const { embed, filtersPanel } = useEmbedMode();
  const [open, setOpen] = useState(filtersPanel === 'open');
  const contentId = useId();
  if (!embed) return <>{children}</>;
  if (filtersPanel === 'locked') return null;
  return (
    <div className="embed-fold">
      <button type="button" className="embed-fold-toggle" aria-expanded={open} aria-controls={contentId} onClick={() => setOpen(!open)}>
        Filtres
      </button>
      <div id={contentId} className="embed-fold-content" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
