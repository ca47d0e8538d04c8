import { useEffect, useRef, type KeyboardEvent, type SyntheticEvent } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';

/**
 * A native `<dialog>` used as a modal: opened with showModal (the rest of the page is inert)
 * with the focus on `initialFocusId`, closed on unmount. Escape and the focus trap are handled
 * here too, so it behaves the same where showModal is missing (it then only gets `open` and a
 * `data-fallback-modal` attribute for the styles). The owner restores the focus on close.
 */
export function useModalDialog(initialFocusId: string, onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
      dialog.setAttribute('data-fallback-modal', '');
    }
    dialog.querySelector<HTMLElement>('#' + CSS.escape(initialFocusId))?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
    // Opening happens once per mount (the id is stable).
  }, [initialFocusId]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = Array.from(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
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

  // Native Escape handling fires "cancel": route it through the same close path.
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onClose();
  };

  return { ref, onKeyDown, onCancel };
}
