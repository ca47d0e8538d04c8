/**
 * « Y aller »: links that find a street address, built by the app (never taken from the
 * data), with the address URL-encoded into a fixed https or geo: prefix.
 */
import { normalizePlaceName } from './place-names';

/** The text a map searches for: the address, followed by the commune unless it already names it. */
export function placeQuery(address: string, commune: string): string {
  const words = ` ${normalizePlaceName(address)} `;
  const communeWords = normalizePlaceName(commune);
  return communeWords && words.includes(` ${communeWords} `) ? address : `${address}, ${commune}`;
}

/** OpenStreetMap's route planner with the place as destination (the visitor picks the start). */
export function directionsUrl(query: string): string {
  return `https://www.openstreetmap.org/directions?to=${encodeURIComponent(query)}`;
}

/**
 * A `geo:` URI (RFC 5870) searching for the place, which phones open in their maps app; the
 * `q` parameter is the Android convention, read by the common maps apps. 0,0 says « no point »:
 * the commune point would be wrong here.
 */
export function geoUri(query: string): string {
  return `geo:0,0?q=${encodeURIComponent(query)}`;
}
