/**
 * A published record's feature, as the JSON text the GeoJSON file carries (CONTRACT §3).
 * Written by hand with a cached per-commune part: JSON.stringify of a whole feature was the
 * main cost at a million rows. Key order is fixed, so the output is byte-stable. The id
 * (a validated slug) and the territory (a validated enum value) need no JSON escaping.
 */
import { TEXT_PROPERTIES, type TextPropertySpec } from '../../domain/initiative';
import type { Commune } from './communes';
import type { RowNotes, SourceRow } from './row-batch';
import type { GeocodedPlace } from './row-checks';

/** The feature's text around its own properties: the same for every initiative of a commune. */
interface FeatureFragments {
  head: string;
  commune: string;
  tail: string;
}

/**
 * Writes a checked record's feature. Positional arguments, not an object: no per-record
 * allocation that V8 could pretenure and that would keep the CSV chunk's strings alive (rows.ts).
 * `themesJson` is the themes' JSON array (row-checks.ts, createThemesJson).
 */
export type FeatureWriter = (row: SourceRow, themesJson: string, territory: string, place: GeocodedPlace, notes: RowNotes) => string;

/** The optional columns' check (row-checks.ts, createOptionalValueCheck). */
type OptionalValueCheck = (property: TextPropertySpec, value: string, notes: RowNotes) => string;

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

function buildFragments(longitude: number, latitude: number, commune: Commune, approximate: boolean): FeatureFragments {
  const coordinates = JSON.stringify([round5(longitude), round5(latitude)]);
  return {
    head: `{"type":"Feature","geometry":{"type":"Point","coordinates":${coordinates}},"properties":{`,
    commune: `"commune":${JSON.stringify(commune.name)},"insee":${JSON.stringify(commune.code)},"department":${JSON.stringify(commune.departmentCode)},`,
    tail: `"approximate":${approximate}}}`,
  };
}

/**
 * Compiles the feature writer of one file: it returns a record's feature as `,\n{…}`, ready to
 * follow the previous one. Every initiative of a commune gets the commune's point, unchanged,
 * even when several share it: positions stay stable so clustering is computed once, and the
 * map lists the initiatives stacked on one point instead of spreading them artificially
 * (docs/pipeline.md).
 */
export function createFeatureWriter(checkOptionalValue: OptionalValueCheck): FeatureWriter {
  /** Per commune object; a result whose point is not its commune's own (an arrondissement) is not cached. */
  const fragmentsByCommune = new Map<Commune, FeatureFragments>();
  const communeFragments = (place: GeocodedPlace): FeatureFragments => {
    const { commune } = place;
    if (place.longitude !== commune.longitude || place.latitude !== commune.latitude || place.approximate !== commune.approximate) {
      return buildFragments(place.longitude, place.latitude, commune, place.approximate);
    }
    let fragments = fragmentsByCommune.get(commune);
    if (!fragments) {
      fragments = buildFragments(commune.longitude, commune.latitude, commune, commune.approximate);
      fragmentsByCommune.set(commune, fragments);
    }
    return fragments;
  };
  // Each text property's key, JSON-encoded once, and its column.
  const textProperties = (TEXT_PROPERTIES as readonly TextPropertySpec[]).map((property) => ({ ...property, prefix: `${JSON.stringify(property.key)}:` }));

  return (row, themesJson, territory, place, notes) => {
    const fragments = communeFragments(place);
    let text = '';
    for (const property of textProperties) {
      const value = checkOptionalValue(property, row[property.column] as string, notes);
      // An optional property is left out when the row has no value for it (CONTRACT §3).
      if (value || property.presence === 'always') text += `${property.prefix}${JSON.stringify(value)},`;
    }
    return (
      `,\n${fragments.head}"id":"${row.id}","name":${JSON.stringify(row.nom)},` +
      `"themes":${themesJson},"territory":"${territory}",${fragments.commune}${text}${fragments.tail}`
    );
  };
}
