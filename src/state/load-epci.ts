import { useEffect } from 'react';
import { EpciTable, parseEpciRows } from '../domain/places';
import { useAppStore } from './store';

/** The EPCI membership (scripts/build-epci-index.ts): about 100 kB compressed, so fetched only when needed. */
export const EPCI_URL = 'data/epci.json';

let loading: Promise<void> | null = null;

/** Loads the EPCI table once; a failure is retried on the next call (the filter then keeps everything). */
export function ensureEpciTable(url: string = EPCI_URL): Promise<void> {
  loading ??= fetch(url)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((document: unknown) => useAppStore.getState().setEpciTable(new EpciTable(parseEpciRows(document))))
    .catch(() => {
      loading = null;
    });
  return loading;
}

/** An `epci=` in the URL (or chosen in the picker) needs the table: load it then. */
export function useEpciTableWhenFiltered(): void {
  const wanted = useAppStore((state) => state.filters.epcis.length > 0);
  useEffect(() => {
    if (wanted) void ensureEpciTable();
  }, [wanted]);
}

/** An EPCI's name by SIREN, once the table is loaded (for the filters in words). */
export function useEpciName(): (siren: string) => string | undefined {
  const table = useAppStore((state) => state.epci?.table);
  return (siren) => (table ? table.epcis[table.slotOfSiren(siren)]?.name : undefined);
}
