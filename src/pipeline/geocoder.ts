/**
 * The CLI's geocoder: the pure one (core/geocoder.ts) on the compact commune index of the
 * gazetteer, the very data the browser receives (core/communes.ts).
 */
import { communeIndexOf, gazetteerFromIndex } from './core/communes';
import { Geocoder } from './core/geocoder';
import { getGazetteer } from './gazetteer';

export { Geocoder, type GeocodeColumn, type GeocodeQuery, type GeocodeResult } from './core/geocoder';

let memoised: Geocoder | undefined;

/** One geocoder per run: its indexes are built once from the gazetteer. */
export function getGeocoder(): Geocoder {
  memoised ??= new Geocoder(gazetteerFromIndex(communeIndexOf(getGazetteer())));
  return memoised;
}
