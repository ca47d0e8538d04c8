/**
 * The one home of the published feature (CONTRACT §3 plus our extensions) and of the
 * initiative the app holds. The pipeline's writer (src/pipeline/core/feature-json.ts), the
 * app's loader (geojson.ts), the exports (geojson-export.ts, csv-export.ts), the benchmark's
 * generator (bench/synthetic.ts) and the test builders all follow what is declared here.
 *
 * To add a plain-text property read from a column of the source CSV: add one entry to
 * TEXT_PROPERTIES (and its column to data/initiatives.schema.json, which a test ties to
 * SOURCE_COLUMNS). Everything else follows: the feature written, the check on load, the
 * Initiative type, the GeoJSON and CSV exports.
 */
import type { ThemeId } from './themes';
import type { TerritoryId } from './territories';
import { formatPhone } from './phone';
import { formatSiret } from './siret';

/** A plain-text property copied from one column of the source CSV into the published feature. */
export interface TextPropertySpec {
  /** Its name in the published GeoJSON's properties (CONTRACT §3). */
  readonly key: string;
  /** Its name on Initiative when that differs from `key` (`opening_hours` → `openingHours`). */
  readonly field?: string;
  /** The column of the source CSV it comes from (data/initiatives.schema.json). */
  readonly column: string;
  /** The header of its column in the CSV export (docs/export.md). */
  readonly exportHeader: string;
  /**
   * `always`: written even when empty (as ""), read as '' when a document lacks it.
   * `when-given`: written only when the row has a value, left out otherwise (CONTRACT §3's
   * optional properties); undefined on Initiative when absent.
   */
  readonly presence: 'always' | 'when-given';
  /**
   * The pipeline's check of a non-empty cell (CONTRACT §2), by name (src/pipeline/field-checks.ts
   * maps names to functions, so the app's bundle never carries the opening-hours grammar): the
   * value to publish, normalised, or the reason it is left out, reported as a warning while the
   * rest of the row is published.
   */
  readonly check?: FieldCheckName;
  /** How the CSV export writes the value, when not as published (a phone in its national form). */
  readonly exportText?: (value: string) => string;
}

/** The checks of the optional columns (CONTRACT §2). */
export type FieldCheckName = 'address' | 'email' | 'phone' | 'opening-hours' | 'siret' | 'verification-date';

/** In feature key order, which is also their order in the source CSV and the CSV export. */
export const TEXT_PROPERTIES = [
  { key: 'description', column: 'description', exportHeader: 'description', presence: 'always' },
  { key: 'legalForm', column: 'forme_juridique', exportHeader: 'forme juridique', presence: 'always' },
  { key: 'website', column: 'site_web', exportHeader: 'site web', presence: 'always' },
  { key: 'source', column: 'source', exportHeader: 'source', presence: 'always' },
  // Facts people can act on (CONTRACT §2–§3): optional, each checked, left out when absent or bad.
  { key: 'address', column: 'adresse', exportHeader: 'adresse', presence: 'when-given', check: 'address' },
  { key: 'email', column: 'email', exportHeader: 'e-mail', presence: 'when-given', check: 'email' },
  // E.164 in the data; « 04 75 00 00 00 » in a spreadsheet, where a leading + would read as a formula.
  { key: 'phone', column: 'telephone', exportHeader: 'téléphone', presence: 'when-given', check: 'phone', exportText: formatPhone },
  { key: 'opening_hours', field: 'openingHours', column: 'horaires', exportHeader: 'horaires', presence: 'when-given', check: 'opening-hours' },
  // Grouped, so that a spreadsheet keeps it as text instead of 1,30025E+13.
  { key: 'siret', column: 'siret', exportHeader: 'SIRET', presence: 'when-given', check: 'siret', exportText: formatSiret },
  { key: 'verified_at', field: 'verifiedAt', column: 'date_verification', exportHeader: 'vérifié en', presence: 'when-given', check: 'verification-date' },
] as const satisfies readonly TextPropertySpec[];

type TextProperty = (typeof TEXT_PROPERTIES)[number];
type FieldOf<Property> = Property extends { readonly field: infer Field extends string }
  ? Field
  : Property extends { readonly key: infer Key extends string } ? Key : never;
type TextField<Presence extends TextPropertySpec['presence']> = FieldOf<Extract<TextProperty, { presence: Presence }>>;

/** The text properties as Initiative carries them. */
export type InitiativeText = { [Field in TextField<'always'>]: string } & { [Field in TextField<'when-given'>]?: string };

/** The name of a text property on Initiative. */
export function fieldOf(property: TextPropertySpec): string {
  return property.field ?? property.key;
}

/** A text property of an initiative, read generically (undefined when an optional one is absent). */
export function textProperty(initiative: InitiativeText, property: TextPropertySpec): string | undefined {
  return (initiative as unknown as Record<string, string | undefined>)[fieldOf(property)];
}

/** The properties that are not plain text copied from a column: each has its own rule. */
export interface InitiativeCore {
  /** Stable identifier, unique (a slug in the source CSV). */
  id: string;
  name: string;
  /** One or more; the first is the main theme. */
  themes: ThemeId[];
  territory: TerritoryId;
  /** Official commune name and code (COG), set by the geocoder. */
  commune: string;
  insee: string;
  department: string;
  /** True when the commune point is an approximation (see pipeline gazetteer). */
  approximate: boolean;
}

/**
 * One initiative as the app holds it: the published feature's properties plus its point.
 * Immutable once loaded.
 */
export interface Initiative extends InitiativeCore, InitiativeText {
  longitude: number;
  latitude: number;
}

/**
 * A feature's `properties` as published: Initiative's, named by their published keys
 * (identical today; a text property with its own `field` is published under its `key`).
 */
export type PublishedProperties = InitiativeCore & InitiativeText;

/** One feature of the published GeoJSON. */
export interface PublishedFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: PublishedProperties;
}

/** Every property of a published feature, in the order the pipeline writes them. */
export const PUBLISHED_PROPERTY_KEYS: readonly string[] = [
  'id', 'name', 'themes', 'territory', 'commune', 'insee', 'department',
  ...TEXT_PROPERTIES.map((property) => property.key),
  'approximate',
];

/**
 * The columns of the source CSV (CONTRACT §2), in their documented order: those the core
 * properties are made from, then one per text property. `id` comes first (the pipeline's
 * report reads it by position).
 */
export const CORE_COLUMNS = ['id', 'nom', 'themes', 'territoire', 'commune', 'code_insee', 'code_postal', 'departement'] as const;
export const SOURCE_COLUMNS: readonly string[] = [...CORE_COLUMNS, ...TEXT_PROPERTIES.map((property) => property.column)];
