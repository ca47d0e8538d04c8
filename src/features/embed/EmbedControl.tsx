import { useEffect, useRef, useState } from 'react';
import { EmbedDialog } from './EmbedDialog';
import './embed.css';

/** « Intégrer cette carte »: opens the dialog that gives the iframe code for the current view. */
export function EmbedControl() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus goes back to the button once the dialog is gone: while a modal is open the button is inert.
  useEffect(() => {
    if (wasOpen.current && !open) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="embed-control-open"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Intégrer cette carte
      </button>
      {open && (
        <EmbedDialog
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
