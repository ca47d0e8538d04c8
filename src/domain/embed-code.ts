import type { Filters } from './filters';

/** How the filter panel looks inside the iframe. */
export type EmbedFiltersPanel = 'folded' | 'open' | 'locked';

/**
 * How the filter panel of an embedded map looks, from the page's URL (docs/embed.md):
 * `filters=open` unfolds it at load, `lock=1` hides it (the filters are fixed). Whether the
 * page is embedded at all (`embed=1`) is read with the other view parameters (url-params.ts).
 */
export interface EmbedSettings {
  filtersPanel: EmbedFiltersPanel;
}

export function parseEmbedSettings(search: string): EmbedSettings {
  const params = new URLSearchParams(search);
  const filtersPanel: EmbedFiltersPanel = params.get('lock') === '1' ? 'locked' : params.get('filters') === 'open' ? 'open' : 'folded';
  return { filtersPanel };
}

/** Parameters that only make sense inside an iframe; the full map drops them. */
export const EMBED_ONLY_PARAMETERS = ['embed', 'lock', 'filters', 'parentOrigin'] as const;

/** Query parameters the view (filters and selection) is written to. */
const VIEW_PARAMETERS = ['themes', 'match', 'territoire', 'dep', 'q', 'id'] as const;

/**
 * The same view outside the iframe: same filters, selection and camera, normal chrome.
 * With `view`, the filters and selection come from it rather than from `currentUrl`'s query.
 */
export function fullMapUrl(currentUrl: string, view?: { filters: Filters; selectedId: string | null }): string {
  const url = new URL(currentUrl);
  for (const name of EMBED_ONLY_PARAMETERS) url.searchParams.delete(name);
  if (view) {
    for (const name of VIEW_PARAMETERS) url.searchParams.delete(name);
    const params = filtersToSearchParams(view.filters, view.selectedId);
    for (const [name, value] of url.searchParams) params.append(name, value);
    url.search = params.toString().replace(/%2C/gi, ',');
  }
  return url.toString();
}

/** The filters and selection as the page's query parameters (CONTRACT §4), empty ones left out. */
export function filtersToSearchParams(filters: Filters, selectedId: string | null = null): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.themes.length > 0) params.set('themes', filters.themes.join(','));
  if (filters.themes.length > 1 && filters.match === 'all') params.set('match', 'all');
  if (filters.territories.length > 0) params.set('territoire', filters.territories.join(','));
  if (filters.departments.length > 0) params.set('dep', filters.departments.join(','));
  if (filters.query.trim() !== '') params.set('q', filters.query.trim());
  if (selectedId) params.set('id', selectedId);
  return params;
}

export const MIN_EMBED_HEIGHT = 250;
export const MAX_EMBED_HEIGHT = 2000;
export const DEFAULT_EMBED_HEIGHT = 600;

export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox';
export const EMBED_ALLOW = 'geolocation; clipboard-write; fullscreen';
export const DEFAULT_EMBED_TITLE = 'Carte ESS : initiatives de l’économie sociale et solidaire';

export interface EmbedCodeOptions {
  /** The app page, e.g. `https://carte.example.org/` (its own query and hash are ignored). */
  pageUrl: string;
  filters: Filters;
  selectedId?: string | null;
  /** Camera position, MapLibre's `zoom/lat/lon`, without `#`. */
  hash?: string;
  height?: number;
  filtersPanel?: EmbedFiltersPanel;
  /** The iframe's title (RGAA: every frame has a title describing its content). */
  title?: string;
  /** Adds the helper script that sets the iframe's height to the map's content. */
  autoHeight?: boolean;
}

export function clampEmbedHeight(height: number): number {
  if (!Number.isFinite(height)) return DEFAULT_EMBED_HEIGHT;
  return Math.min(MAX_EMBED_HEIGHT, Math.max(MIN_EMBED_HEIGHT, Math.round(height)));
}

/** The iframe's `src`: the app page with the filters, `embed=1` and the panel options. */
export function buildEmbedUrl(options: EmbedCodeOptions): string {
  const url = new URL(options.pageUrl);
  const params = filtersToSearchParams(options.filters, options.selectedId ?? null);
  params.set('embed', '1');
  if (options.filtersPanel === 'open') params.set('filters', 'open');
  if (options.filtersPanel === 'locked') params.set('lock', '1');
  // Commas are legal in a query (RFC 3986 sub-delims); left as is, the code stays readable.
  url.search = params.toString().replace(/%2C/gi, ',');
  const hash = (options.hash ?? '').replace(/^#/, '');
  url.hash = hash;
  return url.toString();
}

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeHtmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The helper script's address, beside the app page. */
export function helperScriptUrl(pageUrl: string): string {
  return new URL('embed.js', new URL(pageUrl)).toString();
}

/** The HTML a partner pastes into their page. */
export function buildEmbedCode(options: EmbedCodeOptions): string {
  const height = clampEmbedHeight(options.height ?? DEFAULT_EMBED_HEIGHT);
  const title = (options.title ?? '').trim() || DEFAULT_EMBED_TITLE;
  const attributes: [string, string][] = [
    ['src', buildEmbedUrl(options)],
    ['title', title],
    ['width', '100%'],
    ['height', String(height)],
    ['style', `border: 0; width: 100%; height: ${height}px;`],
    ['loading', 'lazy'],
    ['sandbox', EMBED_SANDBOX],
    ['allow', EMBED_ALLOW],
    // The app learns the host's origin from the referrer (host messages); keep it even if the host page strips referrers.
    ['referrerpolicy', 'strict-origin-when-cross-origin'],
  ];
  const iframe = `<iframe ${attributes.map(([name, value]) => `${name}="${escapeHtmlAttribute(value)}"`).join(' ')}></iframe>`;
  if (!options.autoHeight) return iframe;
  return `${iframe}\n<script src="${escapeHtmlAttribute(helperScriptUrl(options.pageUrl))}" async></script>`;
}
