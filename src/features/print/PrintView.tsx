import { useEffect, useMemo } from 'react';
import { selectListOrder } from '../../state/list-order';
import { useAppStore } from '../../state/store';
import { currentPermalink } from '../share/permalink';
import { useEpciName } from '../../state/load-epci';
import { InitiativeSheet, ListSheet } from './PrintSheets';
import { listenToBrowserPrint, preloadPrinting } from './start-print';
import './print.css';

/** The page as printed: hidden on screen, the only thing on paper while a print job is set. */
export function PrintView() {
  const job = useAppStore((state) => state.printJob);
  const initiatives = useAppStore((state) => state.initiatives);
  // Sheets show descriptions: drawn again once the compact data's details came.
  useAppStore((state) => state.detailsStatus);
  const filters = useAppStore((state) => state.filters);
  const epciName = useEpciName();
  const order = useAppStore((state) => (state.printJob ? selectListOrder(state).indices : null));

  useEffect(() => listenToBrowserPrint(), []);
  // The QR encoder is small: fetched when the page is idle, so Ctrl+P prints the QR code too.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return undefined;
    const handle = requestIdleCallback(() => void preloadPrinting());
    return () => cancelIdleCallback(handle);
  }, []);

  const title = document.title;
  const link = useMemo(() => (job ? currentPermalink(job.kind === 'initiative' ? job.id : null) : ''), [job]);
  if (!job) return null;
  if (job.kind === 'initiative') {
    const initiative = initiatives.find((candidate) => candidate.id === job.id);
    return initiative ? (
      <div className="print-view"><InitiativeSheet title={title} initiative={initiative} link={link} /></div>
    ) : null;
  }
  return (
    <div className="print-view">
      <ListSheet title={title} filters={filters} epciName={epciName} initiatives={initiatives} order={order ?? []} snapshot={job.snapshot} link={link} />
    </div>
  );
}
