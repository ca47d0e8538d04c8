/**
 * French telephone numbers (ARCEP numbering plan): what people type in a spreadsheet
 * (« 04 75 00 00 00 », « 04.75.00.00.00 », « +33 4 75… », « 0033 (0)4… », a DROM number)
 * becomes E.164 for the data and `tel:` links, and the national form for display.
 */
import { accepted, quoted, refused, type FieldCheck } from './field-check';

/**
 * National prefixes of the overseas départements and Saint-Pierre-et-Miquelon, which have
 * their own country codes: 0262 12 34 56 is +262 262 12 34 56, not +33 262…
 */
const OVERSEAS_CODES: readonly (readonly [prefix: string, countryCode: string])[] = [
  ['0590', '590'], ['0690', '590'], ['0691', '590'], // Guadeloupe, Saint-Martin, Saint-Barthélemy
  ['0596', '596'], ['0696', '596'], ['0697', '596'], // Martinique
  ['0594', '594'], ['0694', '594'], // Guyane
  ['0262', '262'], ['0263', '262'], ['0692', '262'], ['0693', '262'], // La Réunion
  ['0269', '262'], ['0639', '262'], // Mayotte
  ['0508', '508'], // Saint-Pierre-et-Miquelon
];

const COUNTRY_CODES = ['33', '262', '590', '594', '596', '508'];

/** Separators people put between digit groups; anything else is not a phone number. */
const SEPARATORS = /[\s.\-/\u00a0\u202f]/g;

/** The ten-digit national number (0 + 9 digits) of what was typed, or null. */
function nationalDigits(typed: string): string | null {
  let text = typed.replace(/^tel:/i, '').replace(/\(0\)/g, '').replace(SEPARATORS, '');
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  if (text.startsWith('+')) {
    const code = COUNTRY_CODES.find((candidate) => text.startsWith(`+${candidate}`));
    if (!code) return null;
    const rest = text.slice(1 + code.length);
    // Overseas numbers repeat their code: +262 262 12 34 56 is 0262 12 34 56.
    text = `0${rest}`;
    if (code !== '33' && countryCodeOf(text) !== code) return null;
  }
  return /^0[1-9][0-9]{8}$/.test(text) ? text : null;
}

function countryCodeOf(national: string): string {
  for (const [prefix, code] of OVERSEAS_CODES) if (national.startsWith(prefix)) return code;
  return '33';
}

/** Checks and normalises a French number to E.164 (`+33475000000`, `+262262123456`). */
export function checkPhone(raw: string): FieldCheck {
  const typed = raw.trim();
  if (/^(\+|00)(?!33|262|590|594|596|508)[1-9]/.test(typed.replace(SEPARATORS, ''))) {
    return refused(`numéro étranger non pris en charge : ${quoted(typed)} (numéro français attendu)`);
  }
  const national = nationalDigits(typed);
  if (national === null) {
    return refused(`numéro de téléphone invalide : ${quoted(typed)} (10 chiffres attendus, comme 04 75 00 00 00 ou +33 4 75 00 00 00)`);
  }
  return accepted(`+${countryCodeOf(national)}${national.slice(1)}`);
}

/** The national form of an E.164 number, in pairs: « 04 75 00 00 00 », « 02 62 12 34 56 ». */
export function formatPhone(e164: string): string {
  const code = COUNTRY_CODES.find((candidate) => e164.startsWith(`+${candidate}`));
  if (!code) return e164;
  const national = `0${e164.slice(1 + code.length)}`;
  return national.length === 10 ? national.replace(/(\d{2})(?=\d)/g, '$1 ') : e164;
}

/** The `tel:` link of an E.164 number. */
export function phoneHref(e164: string): string {
  return `tel:${e164}`;
}
