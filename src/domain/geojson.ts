import { z } from 'zod';
import { THEME_IDS, type ThemeId } from './themes';
import { TERRITORY_IDS, type TerritoryId } from './territories';
import type { Initiative } from './initiative';

// Zod's JIT probes `new Function`, which a strict Content-Security-Policy (no 'unsafe-eval')
// reports as a violation; the interpreted path is fast enough for our data.
z.config({ jitless: true });

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
    insee: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/),
    department: z.string().regex(/^([0-9]{2}|2A|2B|97[1-6])$/),
    description: z.string().default(''),
    source: z.string().default(''),
    website: z.string().optional().default(''),
    legalForm: z.string().optional().default(''),
    approximate: z.boolean().optional().default(false),
  }),
});

const collectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

export interface ParsedCollection {
  initiatives: Initiative[];
  /** Features that did not match the schema, with a readable reason; they are skipped. */
  invalid: { index: number; reason: string }[];
}

/**
 * Validates a published GeoJSON. Throws when the document is not a FeatureCollection at all;
 * otherwise keeps every valid feature and lists the invalid ones.
 */
export function parseInitiativesCollection(document: unknown): ParsedCollection {
  const collection = collectionSchema.safeParse(document);
  if (!collection.success) {
    throw new Error('Le fichier de données n’est pas une FeatureCollection GeoJSON.');
  }
  const initiatives: Initiative[] = [];
  const invalid: ParsedCollection['invalid'] = [];
  const seen = new Set<string>();
  collection.data.features.forEach((candidate, index) => {
    const parsed = featureSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      invalid.push({ index, reason: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalide' });
      return;
    }
    const { properties, geometry } = parsed.data;
    if (seen.has(properties.id)) {
      invalid.push({ index, reason: `id en double : ${properties.id}` });
      return;
    }
    seen.add(properties.id);
    initiatives.push({
      id: properties.id,
      name: properties.name,
      themes: properties.themes,
      territory: properties.territory,
      commune: properties.commune,
      insee: properties.insee,
      department: properties.department,
      description: properties.description,
      source: properties.source,
      website: properties.website,
      legalForm: properties.legalForm,
      longitude: geometry.coordinates[0],
      latitude: geometry.coordinates[1],
      approximate: properties.approximate,
    });
  });
  return { initiatives, invalid };
}
