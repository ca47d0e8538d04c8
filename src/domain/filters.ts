import type { ThemeId } from './themes';
import type { TerritoryId } from './territories';

export type ThemeMatch = 'any' | 'all';

/** The user's filters (CONTRACT §4). Empty arrays mean "no constraint". */
export interface Filters {
  themes: ThemeId[];
  match: ThemeMatch;
  territories: TerritoryId[];
  departments: string[];
  /** COG region codes (`region=`); the filtering itself comes with issue 18. */
  regions: string[];
  /** EPCI SIREN numbers (`epci=`); the filtering itself comes with issue 18. */
  epcis: string[];
  query: string;
}

export const EMPTY_FILTERS: Filters = Object.freeze({
  themes: [],
  match: 'any',
  territories: [],
  departments: [],
  regions: [],
  epcis: [],
  query: '',
}) as Filters;
