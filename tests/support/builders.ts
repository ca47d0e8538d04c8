/**
 * The test kit's builders: one initiative, one published feature, one collection. Each result
 * is deep-frozen, so a test (or the code under test) that mutates shared data fails loudly
 * instead of leaking into the next test. Synthetic data in bulk comes from bench/synthetic.ts.
 */
import { initiativeToFeature } from '../../src/domain/geojson-export';
import type { Initiative, PublishedFeature } from '../../src/domain/initiative';

/** Freezes `value` and everything it holds. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A plain, valid initiative (Collectif GARE at Vaillant, 52), with `overrides` applied; deep-frozen. */
export function anInitiative(overrides: Partial<Initiative> = {}): Initiative {
  return deepFreeze({
    id: 'collectif-gare',
    name: 'Collectif GARE',
    themes: ['tiers-lieux'],
    territory: 'rural',
    commune: 'Vaillant',
    insee: '52499',
    department: '52',
    description: '',
    legalForm: '',
    website: '',
    source: '',
    approximate: false,
    longitude: 5.15915,
    latitude: 47.71715,
    ...overrides,
    // A copy, so freezing never reaches an array the caller still holds.
    ...(overrides.themes ? { themes: [...overrides.themes] } : {}),
  });
}

/** The published feature of anInitiative(overrides), as the pipeline writes it; deep-frozen. */
export function aFeature(overrides: Partial<Initiative> = {}): PublishedFeature {
  return deepFreeze(initiativeToFeature(anInitiative(overrides)));
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: PublishedFeature[];
}

/** A FeatureCollection of these features (or of features built from these overrides); deep-frozen. */
export function aCollection(features: readonly (PublishedFeature | Partial<Initiative>)[]): FeatureCollection {
  return deepFreeze({
    type: 'FeatureCollection',
    features: features.map((feature) => ('type' in feature && feature.type === 'Feature' ? feature : aFeature(feature as Partial<Initiative>))),
  });
}
