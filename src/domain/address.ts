/**
 * Street addresses of initiatives: the check of the `adresse` column, and « Y aller », links
 * that find the address, built by the app (never taken from the data), with the address
 * URL-encoded into a fixed https or geo: prefix.
 */
import { accepted, quoted, refused, type FieldCheck } from './field-check';
import { normalizePlaceName } from './place-names';

export const ADDRESS_MAX_LENGTH = 300;

/** Checks an address: one line (line breaks of a multi-line cell become « , »), 300 characters at most. */
export function checkAddress(raw: string): FieldCheck {
  const text = raw
    .split(/\r\n|[\r\n]/)
    .map((line) => line.replace(/[\s\p{Cc}]+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join(', ');
  if (text.length > ADDRESS_MAX_LENGTH) return refused(`adresse trop longue : ${text.length} caractères (maximum ${ADDRESS_MAX_LENGTH}) : ${quoted(text)}`);
  if (!/[\p{L}\p{N}]/u.test(text)) return refused(`adresse sans lettre ni chiffre : ${quoted(text)}`);
  return accepted(text);
}

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
