import { useEffect, useState } from 'react';
import type { Initiative } from '../../domain/initiative';
import type { OpeningState } from '../../domain/opening-hours';

type OpeningHoursModule = typeof import('../../domain/opening-hours');

let loading: Promise<OpeningHoursModule> | undefined;

/** The opening_hours grammar weighs about 160 kB gzipped: loaded with the first details that have hours. */
export function loadOpeningHours(): Promise<OpeningHoursModule> {
  loading ??= import('../../domain/opening-hours').catch((error: unknown) => {
    loading = undefined; // a later panel may try again (a lost connection comes back)
    throw error;
  });
  return loading;
}

export type OpeningHoursView =
  | { status: 'loading' }
  /** The hours in French, and whether the initiative is open now when the hours can tell. */
  | { status: 'ready'; lines: string[]; now: OpeningState | null }
  /** The grammar could not be loaded or read the value: the raw value is all there is to show. */
  | { status: 'raw' };

/** What the details show of an initiative's opening hours; null when it has none. */
export function useOpeningHours(initiative: Initiative): OpeningHoursView | null {
  const { openingHours, department, longitude, latitude } = initiative;
  const [view, setView] = useState<{ value: string; view: OpeningHoursView } | null>(null);
  useEffect(() => {
    if (!openingHours) return undefined;
    let current = true;
    loadOpeningHours().then(
      (module) => {
        if (!current) return;
        try {
          const lines = module.frenchOpeningHours(openingHours);
          const now = module.openingStateAt(openingHours, new Date(), { department, longitude, latitude });
          setView({ value: openingHours, view: { status: 'ready', lines, now } });
        } catch {
          setView({ value: openingHours, view: { status: 'raw' } });
        }
      },
      () => {
        if (current) setView({ value: openingHours, view: { status: 'raw' } });
      },
    );
    return () => {
      current = false;
    };
  }, [openingHours, department, longitude, latitude]);
  if (!openingHours) return null;
  // A view computed for the previous initiative's hours is never shown for this one.
  return view && view.value === openingHours ? view.view : { status: 'loading' };
}
