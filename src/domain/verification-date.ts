/**
 * When an initiative's facts were last checked (`date_verification`): `AAAA-MM` or
 * `AAAA-MM-JJ` in the data; what French Excel writes for a date cell (JJ/MM/AAAA, MM/AAAA)
 * is accepted too and stored in the ISO form.
 */
import { accepted, quoted, refused, type FieldCheck } from './field-check';

/** Beyond this age the details say the facts may be out of date. */
export const STALE_AFTER_MONTHS = 24;

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

interface DateParts {
  year: number;
  month: number;
  day?: number;
}

function partsOf(typed: string): DateParts | null {
  let match = /^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?$/.exec(typed);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: match[3] === undefined ? undefined : Number(match[3]) };
  match = /^(?:([0-9]{1,2})\/)?([0-9]{1,2})\/([0-9]{4})$/.exec(typed);
  if (match) return { year: Number(match[3]), month: Number(match[2]), day: match[1] === undefined ? undefined : Number(match[1]) };
  return null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The ISO date of `today` (local calendar), for comparisons with checked dates. */
function isoDay(today: Date): string {
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

/**
 * Checks a date of verification; refuses impossible dates, dates before 2000 and dates after
 * `today` (a check cannot have happened yet: most likely a typing error).
 */
export function checkVerificationDate(raw: string, today: Date = new Date()): FieldCheck {
  const typed = raw.trim();
  const parts = partsOf(typed);
  const expected = '(AAAA-MM ou AAAA-MM-JJ attendu, par exemple 2025-03)';
  if (!parts) return refused(`date de vérification invalide : ${quoted(typed)} ${expected}`);
  const { year, month, day } = parts;
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > daysInMonth(year, month)))) {
    return refused(`date de vérification impossible : ${quoted(typed)} ${expected}`);
  }
  if (year < 2000) return refused(`date de vérification trop ancienne : ${quoted(typed)}`);
  const iso = day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  if (iso > isoDay(today).slice(0, iso.length)) return refused(`date de vérification dans le futur : ${quoted(typed)}`);
  return accepted(iso);
}

function monthsFrom(iso: string, toYear: number, toMonth: number): number {
  return (toYear - Number(iso.slice(0, 4))) * 12 + (toMonth - Number(iso.slice(5, 7)));
}

/** Whole months from the checked month to today's month. */
export function monthsSince(iso: string, today: Date = new Date()): number {
  return monthsFrom(iso, today.getFullYear(), today.getMonth() + 1);
}

/**
 * The same count to a reference instant's month in UTC: what the pipeline uses, so that a
 * SOURCE_DATE_EPOCH gives the same list whatever the machine's time zone.
 */
export function monthsSinceUtc(iso: string, reference: Date): number {
  return monthsFrom(iso, reference.getUTCFullYear(), reference.getUTCMonth() + 1);
}

export interface VerificationNotice {
  /** « Informations vérifiées en mars 2025 » */
  text: string;
  /** True when older than {@link STALE_AFTER_MONTHS}: the details suggest checking again. */
  stale: boolean;
}

/** What the details say about a date of verification, or null when it cannot be read. */
export function describeVerification(iso: string, today: Date = new Date(), staleAfterMonths = STALE_AFTER_MONTHS): VerificationNotice | null {
  const match = /^([0-9]{4})-([0-9]{2})(?:-[0-9]{2})?$/.exec(iso);
  const monthName = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !monthName) return null;
  return { text: `Informations vérifiées en ${monthName} ${match[1]}`, stale: monthsSince(iso, today) > staleAfterMonths };
}
