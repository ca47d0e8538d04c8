import { z } from 'zod';
import { DEPARTMENT_CODE_PATTERN } from './departments';
import { THEME_IDS, type ThemeId } from './themes';
import { TERRITORY_IDS, type TerritoryId } from './territories';
import { fieldOf, TEXT_PROPERTIES, type Initiative, type InitiativeText } from './initiative';

// Zod's JIT probes `new Function`, which a strict Content-Security-Policy (no 'unsafe-eval')
// reports as a violation; the interpreted path is fast enough for the few features it sees.
z.config({ jitless: true });

/** Shared by the schema and the fast check below, so the two cannot disagree on codes. */
export const INSEE_PATTERN = /^[0-9][0-9AB][0-9]{3}$/;
/** The départements of CONTRACT §3 (departments.ts). */
export const DEPARTMENT_PATTERN = DEPARTMENT_CODE_PATTERN;

/** Schema of one published feature (CONTRACT §3). Extra properties are allowed. */
const featureSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.object({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number()),
  }),
  properties: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    themes: z.array(z.enum(THEME_IDS as [ThemeId, ...ThemeId[]])).min(1),
    territory: z.enum(TERRITORY_IDS as [TerritoryId, ...TerritoryId[]]),
    commune: z.string(),
    insee: z.string().regex(INSEE_PATTERN),
    department: z.string().regex(DEPARTMENT_PATTERN),
    approximate: z.boolean().optional().default(false),
    ...textPropertiesShape(),
  }),
});

/** The text properties' rules (initiative.ts): a string or absent, '' when absent if always published. */
function textPropertiesShape() {
  const shape: Record<string, z.ZodType> = {};
  for (const property of TEXT_PROPERTIES) {
    // GIS tools write null for an empty field: an optional property that is null is absent.
    shape[property.key] = property.presence === 'always' ? z.string().default('') : z.string().nullish().transform((value) => value ?? undefined);
  }
  return shape as Record<string, z.ZodDefault<z.ZodString>>;
}

const collectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

export interface ParsedCollection {
  initiatives: Initiative[];
  /** Features that did not match the schema, with a readable reason; they are skipped. */
  invalid: { index: number; reason: string }[];
}

const themeIds = new Set<string>(THEME_IDS);
const territoryIds = new Set<string>(TERRITORY_IDS);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text properties of `properties` as Initiative holds them, or null when one is not a string. */
function readTextProperties(properties: Record<string, unknown>): InitiativeText | null {
  // Absent optional properties are set to undefined all the same: every initiative gets one shape.
  const text: Record<string, string | undefined> = {};
  for (const property of TEXT_PROPERTIES) {
    const value = properties[property.key];
    if (value === undefined || (value === null && property.presence === 'when-given')) {
      text[fieldOf(property)] = property.presence === 'always' ? '' : undefined;
    } else if (typeof value === 'string') {
      text[fieldOf(property)] = value;
    } else {
      return null;
    }
  }
  return text as unknown as InitiativeText;
}

/** A valid coordinate pair, further positions (altitude) being numbers too, as the schema says. */
function isPosition(value: unknown): value is [number, number, ...number[]] {
  if (!Array.isArray(value) || value.length < 2) return false;
  const longitude: unknown = value[0];
  const latitude: unknown = value[1];
  if (typeof longitude !== 'number' || !(longitude >= -180 && longitude <= 180)) return false;
  if (typeof latitude !== 'number' || !(latitude >= -90 && latitude <= 90)) return false;
  for (let position = 2; position < value.length; position += 1) {
    const extra: unknown = value[position];
    if (typeof extra !== 'number' || !Number.isFinite(extra)) return false;
  }
  return true;
}

function isThemeList(value: unknown): value is ThemeId[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (let position = 0; position < value.length; position += 1) {
    const theme: unknown = value[position];
    if (typeof theme !== 'string' || !themeIds.has(theme)) return false;
  }
  return true;
}

/**
 * The schema's rules written out by hand: at 100,000 features zod costs seconds and a lot of
 * garbage, this a few milliseconds. Returns the initiative, or null for zod to explain why not.
 * tests/unit/domain/geojson-guard.test.ts checks both accept exactly the same features.
 */
export function initiativeFromFeature(candidate: unknown): Initiative | null {
  if (!isPlainObject(candidate) || candidate.type !== 'Feature') return null;
  const geometry = candidate.geometry;
  if (!isPlainObject(geometry) || geometry.type !== 'Point') return null;
  const coordinates = geometry.coordinates;
  if (!isPosition(coordinates)) return null;
  const properties = candidate.properties;
  if (!isPlainObject(properties)) return null;
  const { id, name, themes, territory, commune, insee, department, approximate } = properties;
  if (typeof id !== 'string' || id.length === 0) return null;
  if (typeof name !== 'string' || name.length === 0) return null;
  if (!isThemeList(themes)) return null;
  if (typeof territory !== 'string' || !territoryIds.has(territory)) return null;
  if (typeof commune !== 'string') return null;
  if (typeof insee !== 'string' || !INSEE_PATTERN.test(insee)) return null;
  if (typeof department !== 'string' || !DEPARTMENT_PATTERN.test(department)) return null;
  if (approximate !== undefined && typeof approximate !== 'boolean') return null;
  const text = readTextProperties(properties);
  if (text === null) return null;
  return {
    id,
    name,
    // A copy, as zod makes: the loaded data never shares arrays with the parsed document.
    themes: themes.slice(),
    territory: territory as TerritoryId,
    commune,
    insee,
    department,
    approximate: approximate ?? false,
    ...text,
    longitude: coordinates[0],
    latitude: coordinates[1],
  };
}

/** The schema's verdict on one feature: the initiative, or the first issue in readable form. */
export function validateFeatureWithSchema(candidate: unknown): { initiative: Initiative } | { reason: string } {
  const parsed = featureSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalide' };
  }
  const { properties, geometry } = parsed.data;
  const { id, name, themes, territory, commune, insee, department, approximate } = properties;
  return {
    initiative: {
      id, name, themes, territory, commune, insee, department, approximate,
      // The schema has checked them: this only names them as Initiative does.
      ...(readTextProperties(properties) as InitiativeText),
      longitude: geometry.coordinates[0],
      latitude: geometry.coordinates[1],
    },
  };
}

/**
 * Validates a published GeoJSON. Throws when the document is not a FeatureCollection at all;
 * otherwise keeps every valid feature and lists the invalid ones.
 */
export function parseInitiativesCollection(document: unknown): ParsedCollection {
  if (!isPlainObject(document) || document.type !== 'FeatureCollection' || !Array.isArray(document.features)) {
    // The schema stays the authority on what a collection is; the check above only skips it when it would agree.
    if (!collectionSchema.safeParse(document).success) {
      throw new Error('Le fichier de données n’est pas une FeatureCollection GeoJSON.');
    }
  }
  const features = (document as { features: unknown[] }).features;
  const initiatives: Initiative[] = [];
  const invalid: ParsedCollection['invalid'] = [];
  const seen = new Set<string>();
  for (let index = 0; index < features.length; index += 1) {
    const candidate: unknown = features[index];
    let initiative = initiativeFromFeature(candidate);
    if (initiative === null) {
      const verdict = validateFeatureWithSchema(candidate);
      if ('reason' in verdict) {
        invalid.push({ index, reason: verdict.reason });
        continue;
      }
      // Only reached if the hand-written check were stricter than the schema: the schema wins.
      initiative = verdict.initiative;
    }
    if (seen.has(initiative.id)) {
      invalid.push({ index, reason: `id en double : ${initiative.id}` });
      continue;
    }
    seen.add(initiative.id);
    initiatives.push(initiative);
  }
  return { initiatives, invalid };
}
