/**
 * The checks of a record's columns that the table schema (row-schema.ts) cannot express:
 * codes Excel damaged, which themes are unknown, the territory against the density grid,
 * the geocoder's warnings, and the optional columns' own checks (CONTRACT §2). Each adds to
 * the record's problems or notes in report order; the caller (rows.ts) decides what follows.
 */
import type { FieldCheck } from '../../domain/field-check';
import { FIELD_CHECKS } from '../../domain/field-checks';
import type { FieldCheckName, TextPropertySpec } from '../../domain/initiative';
import { THEME_IDS } from '../../domain/themes';
import { flatCopy } from './flat-copy';
import type { GeocodeResult } from './geocoder';
import type { RowNotes, SourceRow } from './row-batch';
import type { FieldProblem } from './row-schema';

/** What people put between themes in one cell. */
const THEME_SEPARATORS = /[|,;]/;
/**
 * Distinct values remembered per file by each cache below: real files repeat a few values
 * many times; a file of all-distinct values must not keep a million strings alive.
 */
const CACHE_LIMIT = 10_000;
/** The columns the geocoder reads: when one is already wrong, geocoding would only add noise. */
const COMMUNE_COLUMNS: readonly string[] = ['commune', 'code_insee', 'code_postal', 'departement'];
/** From this level of INSEE's density grid on, a commune is rural. */
const FIRST_RURAL_DENSITY_LEVEL = 5;

export type GeocodedPlace = Extract<GeocodeResult, { ok: true }>;

/** Excel drops leading zeros from codes it takes for numbers (01001 → 1001): put them back. */
export function restoreLeadingZeros(row: SourceRow): void {
  if (/^[0-9]{4}$/.test(row.code_insee ?? '')) row.code_insee = `0${row.code_insee}`;
  if (/^[0-9]{4}$/.test(row.code_postal ?? '')) row.code_postal = `0${row.code_postal}`;
  if (/^[1-9]$/.test(row.departement ?? '')) row.departement = `0${row.departement}`;
}

/** The schema only says the themes are wrong: name the unknown ones and list those allowed. */
export function explainUnknownThemes(problems: FieldProblem[], themes: string | undefined): void {
  for (const problem of problems) {
    if (problem.column === 'themes' && themes) {
      const unknown = themes.split(THEME_SEPARATORS).map((theme) => theme.trim()).filter((theme) => theme && !(THEME_IDS as readonly string[]).includes(theme));
      problem.reason = `thème(s) inconnu(s) : ${unknown.map((theme) => `« ${theme} »`).join(', ') || '(vide)'} ; thèmes permis : ${THEME_IDS.join(', ')}`;
    }
  }
}

/** A theme cell as the feature's JSON array: distinct themes, in order. A file uses few distinct lists, so each is split and serialised once. */
export function createThemesJson(): (text: string) => string {
  const jsonByText = new Map<string, string>();
  return (text) => {
    let json = jsonByText.get(text);
    if (json === undefined) {
      const themes: string[] = [];
      for (const theme of text.split(THEME_SEPARATORS)) {
        const trimmed = theme.trim();
        if (trimmed && !themes.includes(trimmed)) themes.push(trimmed);
      }
      json = JSON.stringify(themes);
      if (jsonByText.size < CACHE_LIMIT) jsonByText.set(flatCopy(text), json);
    }
    return json;
  };
}

/** Whether the record is worth geocoding: none of the columns the geocoder reads has a problem yet. */
export function communeColumnsValid(problems: readonly FieldProblem[]): boolean {
  return problems.length === 0 || !problems.some((problem) => COMMUNE_COLUMNS.includes(problem.column));
}

/**
 * The record's territory: an empty cell becomes « rural » when the density grid says so; a
 * value the grid contradicts is kept (the person who knows the place decides) with a warning.
 */
export function territoryFromDensity(given: string, geocoded: GeocodeResult | undefined, densityGrid: ReadonlyMap<string, number> | undefined, notes: RowNotes): string {
  if (!densityGrid || !geocoded?.ok) return given;
  const level = densityGrid.get(geocoded.commune.code);
  if (level === undefined) return given;
  const rural = level >= FIRST_RURAL_DENSITY_LEVEL;
  if (!given && rural) return 'rural';
  if (given === 'rural' && !rural) {
    (notes.warnings ??= []).push({ column: 'territoire', message: `« rural » alors que la grille de densité classe ${geocoded.commune.name} au niveau ${level} (urbain)` });
  } else if (given === 'urbain' && rural) {
    (notes.warnings ??= []).push({ column: 'territoire', message: `« urbain » alors que la grille de densité classe ${geocoded.commune.name} au niveau ${level} (rural)` });
  }
  return given;
}

/** A territory is required; said once, unless the schema already reported that column. */
export function requireTerritory(territory: string, problems: FieldProblem[]): void {
  if (!territory && (problems.length === 0 || !problems.some((problem) => problem.column === 'territoire'))) {
    problems.push({ column: 'territoire', reason: 'territoire manquant (qpv, rural, centre-ville ou urbain)' });
  }
}

/** The geocoder's doubts about a place it found, reported only if the row is published. */
export function noteGeocodingWarnings(geocoded: GeocodedPlace, notes: RowNotes): void {
  if (geocoded.warnings.length === 0 && !geocoded.approximate) return;
  const warningsIfWritten = geocoded.warnings.map((message) => ({ column: 'commune', message }));
  if (geocoded.approximate) {
    warningsIfWritten.push({ column: 'commune', message: `position approximative pour ${geocoded.commune.name} (${geocoded.commune.code}) : point de repli, pas le bourg` });
  }
  notes.warningsIfWritten = warningsIfWritten;
}

/**
 * An optional column's value as published: normalised by its check, or left out ('') with a
 * warning when refused; the rest of the row is published all the same (CONTRACT §2). Rows
 * repeat the same hours or e-mail domain, and reading opening hours is costly: each distinct
 * value is checked once per file.
 */
export function createOptionalValueCheck(): (property: TextPropertySpec, value: string, notes: RowNotes) => string {
  const verdicts = new Map<string, FieldCheck>();
  const check = (name: FieldCheckName, value: string): FieldCheck => {
    const key = `${name}\u0000${value}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = FIELD_CHECKS[name](value);
      if (verdicts.size < CACHE_LIMIT) verdicts.set(flatCopy(key), verdict);
    }
    return verdict;
  };
  return (property, value, notes) => {
    if (!value || !property.check) return value;
    const verdict = check(property.check, value);
    if (verdict.ok) return verdict.value;
    (notes.warningsIfWritten ??= []).push({ column: property.column, message: verdict.reason });
    return '';
  };
}
