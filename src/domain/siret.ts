/**
 * SIRET numbers (INSEE's establishment identifier: the 9-digit SIREN of the legal entity and
 * a 5-digit NIC), checked with their Luhn key and linked to the public directory of companies.
 */
import { accepted, quoted, refused, type FieldCheck } from './field-check';

/**
 * La Poste's establishments outnumber what a Luhn key can number under one SIREN: INSEE
 * checks theirs by the sum of the digits being a multiple of 5. Its head office keeps the
 * Luhn key.
 */
const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE = '35600000000048';

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let position = 0; position < digits.length; position += 1) {
    let digit = Number(digits[digits.length - 1 - position]);
    if (position % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const digit of digits) sum += Number(digit);
  return sum;
}

/** True when the 14 digits carry a valid check key (Luhn, or La Poste's rule). */
export function isValidSiret(digits: string): boolean {
  if (!/^[0-9]{14}$/.test(digits)) return false;
  if (digits.startsWith(LA_POSTE_SIREN) && digits !== LA_POSTE_HEAD_OFFICE) return digitSum(digits) % 5 === 0;
  return luhnValid(digits);
}

/** Checks a SIRET typed with or without spaces; the result is its 14 digits. */
export function checkSiret(raw: string): FieldCheck {
  const typed = raw.trim();
  const digits = typed.replace(/[\s.\u00a0\u202f]/g, '');
  if (!/^[0-9]+$/.test(digits)) return refused(`SIRET invalide : ${quoted(typed)} (14 chiffres attendus)`);
  if (digits.length !== 14) {
    const hint = digits.length === 9 ? ' : c’est un SIREN, ajoutez les 5 chiffres de l’établissement (NIC)' : '';
    return refused(`SIRET invalide : ${quoted(typed)} (${digits.length} chiffres au lieu de 14${hint})`);
  }
  if (!isValidSiret(digits)) return refused(`SIRET invalide : ${quoted(typed)} (clé de contrôle incorrecte, chiffre mal recopié ?)`);
  return accepted(digits);
}

/** « 123 456 789 00012 »: the SIREN in threes, then the NIC. */
export function formatSiret(digits: string): string {
  return digits.length === 14 ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}` : digits;
}

/** The establishment's page in the public directory of companies (annuaire-entreprises.data.gouv.fr). */
export function siretDirectoryUrl(digits: string): string {
  return `https://annuaire-entreprises.data.gouv.fr/etablissement/${digits}`;
}
