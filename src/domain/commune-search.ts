import { DEPARTMENT_CODE_SOURCE, getDepartment } from './departments';
import { foldText } from './text-folding';
import { normalizePlaceName } from './place-names';

/**
 * One row of `data/communes.json` (written by scripts/build-commune-index.ts):
 * `[code INSEE, nom, code département, longitude, latitude, population]`.
 */
export type CommuneRecord = readonly [string, string, string, number, number, number];

export interface Commune {
  code: string;
  name: string;
  departmentCode: string;
  longitude: number;
  latitude: number;
  population: number;
}

/** Communes ready to search: their canonical names computed once, in flat arrays. */
export interface CommuneIndex {
  communes: readonly Commune[];
  /** Canonical name (normalizePlaceName), aligned with `communes`. */
  keys: readonly string[];
  /** The canonical name without spaces, so « labergement » or « saintdizier » still match. */
  compactKeys: readonly string[];
}

const INSEE_CODE = /^[0-9][0-9ab][0-9]{3}$/;
const DEPARTMENT_SUFFIX = new RegExp(`^(.*?)\\s*\\(?\\s*(${DEPARTMENT_CODE_SOURCE.toLowerCase()})\\s*\\)?$`);

/**
 * Turns the downloaded JSON into communes, skipping any malformed row rather than failing:
 * a partly damaged file still lets people find most communes.
 */
export function parseCommuneRecords(document: unknown): Commune[] {
  if (!Array.isArray(document)) throw new Error('La liste des communes est illisible.');
  const communes: Commune[] = [];
  for (const row of document as unknown[]) {
    if (!Array.isArray(row) || row.length < 5) continue;
    const [code, name, departmentCode, longitude, latitude, population] = row as unknown[];
    if (typeof code !== 'string' || typeof name !== 'string' || typeof departmentCode !== 'string') continue;
    if (typeof longitude !== 'number' || typeof latitude !== 'number' || !Number.isFinite(longitude) || !Number.isFinite(latitude)) continue;
    if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90 || name.length === 0) continue;
    communes.push({
      code,
      name,
      departmentCode,
      longitude,
      latitude,
      population: typeof population === 'number' && Number.isFinite(population) ? population : 0,
    });
  }
  return communes;
}

export function createCommuneIndex(communes: readonly Commune[]): CommuneIndex {
  const keys = communes.map((commune) => normalizePlaceName(commune.name));
  return { communes, keys, compactKeys: keys.map((key) => key.replace(/ /g, '')) };
}

/** How well a commune matches; lower is better. */
export const MATCH_RANK = {
  /** The INSEE code, or the whole name. */
  exact: 0,
  /** The name starts with what was typed. */
  prefix: 1,
  /** A later word of the name starts with what was typed (« Abergement » → « L'Abergement-de-Varey »). */
  word: 2,
} as const;

export interface CommuneMatch {
  commune: Commune;
  rank: number;
}

interface QueryForms {
  /** Canonical forms of the typed name: with « st » read as saint, and as typed (« St » may begin « Strasbourg »). */
  spaced: string[];
  /** The same, each behind a space: a word boundary inside a name. */
  wordStarts: string[];
  compact: string[];
  departmentCode: string | null;
  code: string | null;
}

function readQuery(query: string): QueryForms | null {
  let text = foldText(query);
  if (text.length === 0) return null;
  const code = INSEE_CODE.test(text) ? text.toUpperCase() : null;
  let departmentCode: string | null = null;
  // « Sainte-Colombe 77 » or « Vaillant (52) »: a trailing département code narrows homonyms.
  const suffix = code ? null : DEPARTMENT_SUFFIX.exec(text);
  if (suffix && suffix[2] !== undefined) {
    departmentCode = suffix[2].toUpperCase();
    text = suffix[1] ?? '';
  }
  const spaced = [...new Set([normalizePlaceName(text), text])].filter((form) => form.length > 0);
  return { spaced, wordStarts: spaced.map((form) => ` ${form}`), compact: [...new Set(spaced.map((form) => form.replace(/ /g, '')))], departmentCode, code };
}

function rankName(key: string, compactKey: string, forms: QueryForms): number {
  let best = Number.POSITIVE_INFINITY;
  for (let variant = 0; variant < forms.spaced.length; variant += 1) {
    const form = forms.spaced[variant] as string;
    if (key === form) return MATCH_RANK.exact;
    if (key.startsWith(form)) best = MATCH_RANK.prefix;
    else if (best > MATCH_RANK.word && key.includes(forms.wordStarts[variant] as string)) best = MATCH_RANK.word;
  }
  if (best > MATCH_RANK.prefix) {
    for (const form of forms.compact) {
      if (compactKey === form) return MATCH_RANK.exact;
      if (compactKey.startsWith(form)) best = MATCH_RANK.prefix;
    }
  }
  return best;
}

/**
 * The communes matching what was typed, best first: exact name or code, then names starting
 * with it, then names with a word starting with it; within each, most populous first, then
 * alphabetical. Accents, case, hyphens and apostrophes are ignored; « st »/« ste » read as
 * saint/sainte; a trailing département code (« Vaillant 52 ») keeps that département only.
 */
export function searchCommunes(index: CommuneIndex, query: string, limit = 10): CommuneMatch[] {
  const forms = readQuery(query);
  if (!forms || limit <= 0) return [];
  const { communes, keys, compactKeys } = index;
  // Only the best `limit` are kept, in order, as the scan goes: a one-letter query matches
  // thousands of communes, and sorting them all on every keystroke would be wasted work.
  const best: CommuneMatch[] = [];
  for (let position = 0; position < communes.length; position += 1) {
    const commune = communes[position] as Commune;
    let rank: number;
    if (forms.code !== null) {
      if (commune.code !== forms.code) continue;
      rank = MATCH_RANK.exact;
    } else {
      if (forms.departmentCode !== null && commune.departmentCode !== forms.departmentCode) continue;
      rank = forms.spaced.length === 0 ? MATCH_RANK.prefix : rankName(keys[position] as string, compactKeys[position] as string, forms);
      if (rank === Number.POSITIVE_INFINITY) continue;
    }
    const candidate = { commune, rank };
    if (best.length === limit && compareMatches(candidate, best[limit - 1] as CommuneMatch) >= 0) continue;
    let slot = best.length === limit ? limit - 1 : best.length;
    while (slot > 0 && compareMatches(candidate, best[slot - 1] as CommuneMatch) < 0) {
      best[slot] = best[slot - 1] as CommuneMatch;
      slot -= 1;
    }
    best[slot] = candidate;
  }
  return best;
}

function compareMatches(left: CommuneMatch, right: CommuneMatch): number {
  return (
    left.rank - right.rank ||
    right.commune.population - left.commune.population ||
    collator.compare(left.commune.name, right.commune.name) ||
    (left.commune.code < right.commune.code ? -1 : left.commune.code > right.commune.code ? 1 : 0)
  );
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** « Vaillant (52 — Haute-Marne) »: the département tells homonyms apart. */
export function communeLabel(commune: Pick<Commune, 'name' | 'departmentCode'>): string {
  const department = getDepartment(commune.departmentCode);
  return department ? `${commune.name} (${department.code} — ${department.name})` : `${commune.name} (${commune.departmentCode})`;
}
