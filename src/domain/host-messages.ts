import { z } from 'zod';
import type { Filters } from './filters';
import { isThemeId, type ThemeId } from './themes';
import { isTerritoryId, type TerritoryId } from './territories';
import { isDepartmentCode, isRegionCode } from './departments';
import { httpOrigin } from './url-params';
import { isEpciSiren } from './places';

/**
 * Messages between the embedded map and its host page (docs/embed.md).
 * Every message carries `source: 'carte-ess'` so hosts can tell ours from other frames'.
 */
export const MESSAGE_SOURCE = 'carte-ess';

/** The filters as they appear in the URL (CONTRACT §4), the vocabulary hosts already know. */
export interface PublicFilters {
  themes: string[];
  match: 'any' | 'all';
  territoire: string[];
  dep: string[];
  /** Région codes (COG), as `region=`. */
  region: string[];
  /** EPCI SIREN numbers, as `epci=`. */
  epci: string[];
  q: string;
}

export type OutgoingMessage =
  | { source: typeof MESSAGE_SOURCE; type: 'carte-ess:filters'; filters: PublicFilters; count: number }
  | { source: typeof MESSAGE_SOURCE; type: 'carte-ess:select'; id: string | null; name: string | null }
  | { source: typeof MESSAGE_SOURCE; type: 'carte-ess:height'; height: number };

export function toPublicFilters(filters: Filters): PublicFilters {
  return {
    themes: [...filters.themes],
    match: filters.match,
    territoire: [...filters.territories],
    dep: [...filters.departments],
    region: [...filters.regions],
    epci: [...filters.epcis],
    q: filters.query,
  };
}

export function filtersMessage(filters: Filters, count: number): OutgoingMessage {
  return { source: MESSAGE_SOURCE, type: 'carte-ess:filters', filters: toPublicFilters(filters), count };
}

export function selectMessage(id: string | null, name: string | null): OutgoingMessage {
  return { source: MESSAGE_SOURCE, type: 'carte-ess:select', id, name };
}

export function heightMessage(height: number): OutgoingMessage {
  return { source: MESSAGE_SOURCE, type: 'carte-ess:height', height: Math.max(0, Math.ceil(height)) };
}

/**
 * The host page's origin, the only one the map talks to and listens to: the `parentOrigin`
 * URL parameter (read by the URL codec) when the host gave it, else the origin of
 * `document.referrer` (browsers send the host's origin to a cross-origin iframe by default). Null when neither is known: then only
 * the height, which reveals nothing, is posted (to any origin).
 */
export function resolveHostOrigin(parentOrigin: string | null, referrer: string): string | null {
  return parentOrigin ?? httpOrigin(referrer);
}

/** Whether a message of this type may go to an unknown origin (`'*'`). */
export function isPublicMessage(message: OutgoingMessage): boolean {
  return message.type === 'carte-ess:height';
}

const shortString = z.string().max(200);
const stringList = z.array(shortString).max(200);

const setFiltersSchema = z.object({
  source: z.literal(MESSAGE_SOURCE).optional(),
  type: z.literal('carte-ess:set-filters'),
  filters: z
    .object({
      themes: stringList.optional(),
      match: z.enum(['any', 'all']).optional(),
      territoire: stringList.optional(),
      dep: stringList.optional(),
      region: stringList.optional(),
      epci: stringList.optional(),
      q: shortString.optional(),
    })
    .strict(),
});

const setSelectionSchema = z.object({
  source: z.literal(MESSAGE_SOURCE).optional(),
  type: z.literal('carte-ess:set-selection'),
  id: shortString.nullable(),
});

const incomingSchema = z.discriminatedUnion('type', [setFiltersSchema, setSelectionSchema]);

export type IncomingCommand = { type: 'set-filters'; filters: Partial<Filters> } | { type: 'set-selection'; id: string | null };

/**
 * Validates a message from the host. Returns null for anything malformed; unknown theme,
 * territory or département values are dropped, as in the URL. Listed fields replace the
 * current ones; absent fields are left as they are.
 */
export function parseIncomingMessage(data: unknown): IncomingCommand | null {
  const parsed = incomingSchema.safeParse(data);
  if (!parsed.success) return null;
  const message = parsed.data;
  if (message.type === 'carte-ess:set-selection') return { type: 'set-selection', id: message.id };
  const { themes, match, territoire, dep, region, epci, q } = message.filters;
  const filters: Partial<Filters> = {};
  if (themes) filters.themes = unique(themes.filter(isThemeId)) as ThemeId[];
  if (match) filters.match = match;
  if (territoire) filters.territories = unique(territoire.filter(isTerritoryId)) as TerritoryId[];
  if (dep) filters.departments = unique(dep.map((code) => code.toUpperCase()).filter(isDepartmentCode));
  if (region) filters.regions = unique(region.filter(isRegionCode));
  if (epci) filters.epcis = unique(epci.filter(isEpciSiren));
  if (q !== undefined) filters.query = q;
  return { type: 'set-filters', filters };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Whether a `message` event may be obeyed: it must come from the host window itself and from
 * the host's known origin. With no known origin, nothing is accepted.
 */
export function isTrustedHostEvent(eventOrigin: string, hostOrigin: string | null, fromParentWindow: boolean): boolean {
  return hostOrigin !== null && fromParentWindow && eventOrigin === hostOrigin;
}
