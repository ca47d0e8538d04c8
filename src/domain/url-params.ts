/**
 * The one URL contract: every query parameter the app reads or writes (CONTRACT §4 and ours),
 * parsed and written here and nowhere else. The URL sync (state/use-url-sync.ts), the embed-code
 * generator (embed-code.ts) and the page's settings (basemap, embed panel, host origin) all go
 * through this codec. A new parameter: add it to the state or the options below, to `parsePageUrl`
 * and `viewParts`/`optionParts`; the property test (tests/unit/domain/url-params.test.ts) checks
 * that what is written reads back the same.
 */
import { DEPARTMENTS, isDepartmentCode, isRegionCode } from './departments';
import type { Filters } from './filters';
import { isEpciSiren } from './places';
import { TERRITORY_IDS, isTerritoryId, type TerritoryId } from './territories';
import { THEME_IDS, isThemeId, type ThemeId } from './themes';

/** The view: the part of the app state that lives in the query string and follows the user (CONTRACT §4). */
export interface UrlState {
  filters: Filters;
  selectedId: string | null;
  embed: boolean;
}

/** How the filter panel of an embedded map looks: `filters=open` unfolds it, `lock=1` hides it. */
export type EmbedFiltersPanel = 'folded' | 'open' | 'locked';

/** Settings fixed for the page's life: read once at start, written only by the embed-code generator. */
export interface PageOptions {
  /** `basemap=`: a basemap name (src/map/basemaps.ts says which exist), or null for the default. */
  basemap: string | null;
  filtersPanel: EmbedFiltersPanel;
  /** `parentOrigin=`: the host page's origin (http or https only), or null. */
  parentOrigin: string | null;
}

/** Everything the query string says. */
export interface PageUrl extends UrlState {
  options: PageOptions;
}

export const DEFAULT_PAGE_OPTIONS: PageOptions = Object.freeze({ basemap: null, filtersPanel: 'folded', parentOrigin: null });

/** Parameters of the view, written by the URL sync; any other parameter is kept as it is. */
export const OWNED_PARAMETERS = ['themes', 'match', 'territoire', 'dep', 'region', 'epci', 'q', 'id', 'embed'] as const;
/** Parameters of the page's settings. */
export const OPTION_PARAMETERS = ['filters', 'lock', 'basemap', 'parentOrigin'] as const;
/** Parameters that only make sense inside an iframe; the full map drops them. */
export const EMBED_ONLY_PARAMETERS = ['embed', 'lock', 'filters', 'parentOrigin'] as const;

/** Longest text search or id kept from a URL: enough for any real query, bounded for hostile links. */
const MAX_TEXT_LENGTH = 200;
const BASEMAP_NAME = /^[a-z0-9-]{1,32}$/;

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

function canonicalDepartments(values: readonly string[]): string[] {
  return [...new Set(values.filter(isDepartmentCode))].sort((left, right) => (departmentRank.get(left) ?? 0) - (departmentRank.get(right) ?? 0));
}

/** Valid codes, each once, in ascending order. */
function canonicalCodes(values: readonly string[], isValid: (value: string) => boolean): string[] {
  return [...new Set(values.filter(isValid))].sort();
}

/** The origin of an http(s) URL, or null for anything else (javascript:, file:, "*", junk). */
export function httpOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

function searchParams(search: string): URLSearchParams {
  try {
    return new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  } catch {
    return new URLSearchParams();
  }
}

/** Reads the whole query string; invalid or unknown values are ignored, never thrown on. */
export function parsePageUrl(search: string): PageUrl {
  const params = searchParams(search);
  const themeSet = new Set(listValues(params, 'themes').map((value) => value.toLowerCase()).filter(isThemeId));
  const themes: ThemeId[] = THEME_IDS.filter((id) => themeSet.has(id));
  const territorySet = new Set(listValues(params, 'territoire').map((value) => value.toLowerCase()).filter(isTerritoryId));
  const territories: TerritoryId[] = TERRITORY_IDS.filter((id) => territorySet.has(id));
  const departments = canonicalDepartments(listValues(params, 'dep').map(canonicalDepartment));
  const regions = canonicalCodes(listValues(params, 'region').map((value) => value.padStart(2, '0')), isRegionCode);
  const epcis = canonicalCodes(listValues(params, 'epci'), isEpciSiren);
  const match = params.get('match')?.toLowerCase() === 'all' ? 'all' : 'any';
  const query = (params.get('q') ?? '').slice(0, MAX_TEXT_LENGTH);
  const id = (params.get('id') ?? '').trim().slice(0, MAX_TEXT_LENGTH);
  const embedValue = params.get('embed');
  const embed = embedValue !== null && ['1', 'true', 'oui', ''].includes(embedValue.toLowerCase());
  const basemap = params.get('basemap')?.toLowerCase() ?? '';
  const filtersPanel: EmbedFiltersPanel = params.get('lock') === '1' ? 'locked' : params.get('filters') === 'open' ? 'open' : 'folded';
  return {
    filters: { themes, match, territories, departments, regions, epcis, query },
    selectedId: id === '' ? null : id,
    embed,
    options: { basemap: BASEMAP_NAME.test(basemap) ? basemap : null, filtersPanel, parentOrigin: httpOrigin(params.get('parentOrigin')) },
  };
}

/** The view parameters of a query string. */
export function parseUrlParams(search: string): UrlState {
  const { filters, selectedId, embed } = parsePageUrl(search);
  return { filters, selectedId, embed };
}

/** The page's settings of a query string. */
export function parsePageOptions(search: string): PageOptions {
  return parsePageUrl(search).options;
}

function encodeValue(value: string): string {
  // encodeURIComponent throws on a lone surrogate; a pasted broken character must not break the URL.
  return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

function encodeList(values: readonly string[]): string {
  // Commas are legal in a query (RFC 3986 sub-delims): left as is, shared links stay readable (themes=mobilite,tiers-lieux).
  return values.map(encodeValue).join(',');
}

/** The view's parameters, in a fixed order with their values in canonical order. */
function viewParts(state: UrlState): string[] {
  const { filters } = state;
  const parts: string[] = [];
  const lists: [string, string[]][] = [
    ['themes', THEME_IDS.filter((id) => filters.themes.includes(id))],
    ['match', filters.match === 'all' ? ['all'] : []],
    ['territoire', TERRITORY_IDS.filter((id) => filters.territories.includes(id))],
    ['dep', canonicalDepartments(filters.departments)],
    ['region', canonicalCodes(filters.regions, isRegionCode)],
    ['epci', canonicalCodes(filters.epcis, isEpciSiren)],
  ];
  for (const [name, values] of lists) if (values.length > 0) parts.push(`${name}=${encodeList(values)}`);
  if (filters.query !== '') parts.push(`q=${encodeValue(filters.query)}`);
  if (state.selectedId) parts.push(`id=${encodeValue(state.selectedId)}`);
  if (state.embed) parts.push('embed=1');
  return parts;
}

function optionParts(options: PageOptions): string[] {
  const parts: string[] = [];
  if (options.filtersPanel === 'open') parts.push('filters=open');
  if (options.filtersPanel === 'locked') parts.push('lock=1');
  if (options.basemap && BASEMAP_NAME.test(options.basemap)) parts.push(`basemap=${options.basemap}`);
  const parentOrigin = httpOrigin(options.parentOrigin);
  if (parentOrigin) parts.push(`parentOrigin=${encodeValue(parentOrigin)}`);
  return parts;
}

/** The parts of `preserve` (a query string) whose names are not in `written`, in their order. */
function otherParts(preserve: string, written: ReadonlySet<string>): string[] {
  const source = preserve.startsWith('?') ? preserve.slice(1) : preserve;
  return source.split('&').filter((part) => {
    if (part === '') return false;
    const rawName = part.split('=', 1)[0] as string;
    let name: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
    } catch {
      name = rawName;
    }
    return !written.has(name);
  });
}

function queryString(parts: readonly string[]): string {
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

const ownedNames = new Set<string>(OWNED_PARAMETERS);
const allNames = new Set<string>([...OWNED_PARAMETERS, ...OPTION_PARAMETERS]);

/**
 * Writes the view to a query string, leading "?" included ("" when nothing to say). `preserve`
 * (the current query string) keeps every other parameter, the page's settings included, in
 * its place after the view's.
 */
export function formatUrlParams(state: UrlState, preserve = ''): string {
  return queryString([...viewParts(state), ...otherParts(preserve, ownedNames)]);
}

/** Writes everything: the view, then the page's settings, then the parameters of `preserve` that are neither. */
export function formatPageUrl(url: PageUrl, preserve = ''): string {
  return queryString([...viewParts(url), ...optionParts(url.options), ...otherParts(preserve, allNames)]);
}
