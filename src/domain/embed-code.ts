import type { Filters } from './filters';
import { DEFAULT_PAGE_OPTIONS, formatPageUrl, parsePageUrl, type EmbedFiltersPanel } from './url-params';

export type { EmbedFiltersPanel } from './url-params';

/**
 * The same view outside the iframe: same filters, selection and camera, normal chrome.
 * With `view`, the filters and selection come from it rather than from `currentUrl`'s query.
 */
export function fullMapUrl(currentUrl: string, view?: { filters: Filters; selectedId: string | null }): string {
  const url = new URL(currentUrl);
  const current = parsePageUrl(url.search);
  // Outside the frame the embed-only settings (EMBED_ONLY_PARAMETERS) mean nothing: back to their defaults.
  const options = { ...current.options, filtersPanel: DEFAULT_PAGE_OPTIONS.filtersPanel, parentOrigin: null };
  url.search = formatPageUrl({ ...current, ...view, embed: false, options }, url.search);
  return url.toString();
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

/** The iframe's `src`: the app page with the filters, `embed=1` and the panel options, written by the URL codec. */
export function buildEmbedUrl(options: EmbedCodeOptions): string {
  const url = new URL(options.pageUrl);
  url.search = formatPageUrl({
    filters: options.filters,
    selectedId: options.selectedId ?? null,
    embed: true,
    options: { ...DEFAULT_PAGE_OPTIONS, filtersPanel: options.filtersPanel ?? 'folded' },
  });
  url.hash = (options.hash ?? '').replace(/^#/, '');
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
