import { flushSync } from 'react-dom';
import { takeMapSnapshot } from '../../state/map-snapshot';
import { useAppStore, type PrintJob } from '../../state/store';

type Encode = typeof import('uqr')['encode'];

let qrModule: Promise<Encode | null> | null = null;
let encode: Encode | null = null;

/** Loads the QR code encoder (its own small chunk) once; printing without it prints no QR code. */
export function preloadPrinting(): Promise<Encode | null> {
  qrModule ??= import('uqr').then(
    (module) => (encode = module.encode),
    () => {
      qrModule = null;
      return null;
    },
  );
  return qrModule;
}

/** The QR code of a link as rows of dark (true) and light modules, quiet zone included; null before the encoder loaded. */
export function qrModules(text: string): boolean[][] | null {
  return encode ? encode(text, { ecc: 'M', border: 4 }).data : null;
}

async function imagesDecoded(): Promise<void> {
  const images = Array.from(document.querySelectorAll<HTMLImageElement>('.print-view img'));
  await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
}

async function print(job: PrintJob): Promise<void> {
  await preloadPrinting();
  // Rendered now, not at the next frame: window.print() lays out the page as it is.
  flushSync(() => useAppStore.getState().setPrintJob(job));
  await imagesDecoded();
  window.print();
}

/** « Imprimer »: the title, the filters in words, the map, the legend and every initiative of the list. */
export function printFilteredList(): Promise<void> {
  return print({ kind: 'list', snapshot: takeMapSnapshot() });
}

/** « Imprimer la fiche »: one initiative's details and the QR code of its link, for a flyer. */
export function printInitiative(id: string): Promise<void> {
  return print({ kind: 'initiative', id });
}

/**
 * The browser's own Print command (Ctrl+P) also prints the whole list: the print view is
 * rendered synchronously before the page is laid out for paper, and removed afterwards.
 */
export function listenToBrowserPrint(): () => void {
  const before = () => {
    if (useAppStore.getState().printJob) return;
    flushSync(() => useAppStore.getState().setPrintJob({ kind: 'list', snapshot: takeMapSnapshot() }));
  };
  const after = () => useAppStore.getState().setPrintJob(null);
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  };
}
