import { DEPARTMENTS, isDepartmentCode } from './departments';
import type { Filters } from './filters';
import { TERRITORY_IDS, isTerritoryId, type TerritoryId } from './territories';
import { THEME_IDS, isThemeId, type ThemeId } from './themes';

/** The part of the app state that lives in the query string (CONTRACT §4). */
export interface UrlState {
  filters: Filters;
  selectedId: string | null;
  embed: boolean;
}

/** Parameters this codec owns; any other parameter belongs to someone else and is kept as is. */
export const OWNED_PARAMETERS = ['themes', 'match', 'territoire', 'dep', 'q', 'id', 'embed'] as const;
const owned = new Set<string>(OWNED_PARAMETERS);

/** Longest text search or id kept from a URL: enough for any real query, bounded for hostile links. */
const MAX_TEXT_LENGTH = 200;

function listValues(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

function canonicalDepartment(value: string): string {
  const upper = value.toUpperCase();
  // « dep=5 » is a natural way to write 05.
  return /^[0-9]$/.test(upper) ? `0${upper}` : upper;
}

const departmentRank = new Map(DEPARTMENTS.map((department, rank) => [department.code, rank]));

/** Reads the query string; invalid or unknown values are ignored, never thrown on. */
export function parseUrlParams(search: string): UrlState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  } catch {
    params = new URLSearchParams();
  }
  const themeSet = new Set(listValues(params, 'themes').map((value) => value.toLowerCase()).filter(isThemeId));
  const themes: ThemeId[] = THEME_IDS.filter((id) => themeSet.has(id));
  const territorySet = new Set(listValues(params, 'territoire').map((value) => value.toLowerCase()).filter(isTerritoryId));
  const territories: TerritoryId[] = TERRITORY_IDS.filter((id) => territorySet.has(id));
  const departmentSet = new Set(listValues(params, 'dep').map(canonicalDepartment).filter(isDepartmentCode));
  const departments = [...departmentSet].sort((left, right) => (departmentRank.get(left) ?? 0) - (departmentRank.get(right) ?? 0));
  const match = params.get('match')?.toLowerCase() === 'all' ? 'all' : 'any';
  const query = (params.get('q') ?? '').slice(0, MAX_TEXT_LENGTH);
  const id = (params.get('id') ?? '').trim().slice(0, MAX_TEXT_LENGTH);
  const embedValue = params.get('embed');
  const embed = embedValue !== null && ['1', 'true', 'oui', ''].includes(embedValue.toLowerCase());
  return {
    filters: { themes, match, territories, departments, query },
    selectedId: id === '' ? null : id,
    embed,
  };
}

function encodeValue(value: string): string {
  // encodeURIComponent throws on a lone surrogate; a pasted broken character must not break the URL.
  return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

function encodeList(values: readonly string[]): string {
  // Commas stay readable in shared links (themes=mobilite,tiers-lieux).
  return values.map(encodeValue).join(',');
}

/**
 * Writes the query string, leading "?" included ("" when nothing to say). Owned parameters
 * come in a fixed order with their values in canonical order; `preserve` (the current query
 * string) keeps everyone else's parameters, in their place after ours.
 */
export function formatUrlParams(state: UrlState, preserve = ''): string {
  const { filters } = state;
  const parts: string[] = [];
  const themes = THEME_IDS.filter((id) => filters.themes.includes(id));
  if (themes.length > 0) parts.push(`themes=${encodeList(themes)}`);
  if (filters.match === 'all') parts.push('match=all');
  const territories = TERRITORY_IDS.filter((id) => filters.territories.includes(id));
  if (territories.length > 0) parts.push(`territoire=${encodeList(territories)}`);
  const departments = [...new Set(filters.departments)]
    .filter(isDepartmentCode)
    .sort((left, right) => (departmentRank.get(left) ?? 0) - (departmentRank.get(right) ?? 0));
  if (departments.length > 0) parts.push(`dep=${encodeList(departments)}`);
  if (filters.query !== '') parts.push(`q=${encodeValue(filters.query)}`);
  if (state.selectedId) parts.push(`id=${encodeValue(state.selectedId)}`);
  if (state.embed) parts.push('embed=1');
  const source = preserve.startsWith('?') ? preserve.slice(1) : preserve;
  for (const part of source.split('&')) {
    if (part === '') continue;
    const rawName = part.split('=', 1)[0] as string;
    let name: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
    } catch {
      name = rawName;
    }
    if (!owned.has(name)) parts.push(part);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
