/**
 * Opening hours in the OpenStreetMap `opening_hours` syntax (« Mo-Fr 09:00-18:00; Sa
 * 10:00-12:00 »), read with the opening_hours library (the reference implementation of
 * that grammar). The library weighs about 160 kB gzipped (holiday tables of many countries):
 * the app loads this module on demand (see load-opening-hours.ts), the pipeline directly.
 */
import OpeningHours from 'opening_hours';
import { accepted, quoted, refused, type FieldCheck } from './field-check';

type Nominatim = ConstructorParameters<typeof OpeningHours>[1];
type Options = ConstructorParameters<typeof OpeningHours>[2];
type PrettifyArgument = Parameters<OpeningHours['prettifyValue']>[0];

/** Messages in French; opening ranges (mode 0) as in `opening_hours=*`, not points in time. */
const FRENCH: Options = { mode: 0, tag_key: undefined, map_value: undefined, warnings_severity: undefined, locale: 'fr' };

/**
 * The library reads its formatting options under `conf` (its type declarations say otherwise):
 * French day names, one rule per line.
 */
const FRENCH_LINES = { conf: { locale: 'fr', rule_sep_string: '\n', print_semicolon: false } } as unknown as PrettifyArgument;

/** Where public holidays and sunrise are computed when no point is given: France's centre. */
const FRANCE: Nominatim = { lat: 46.6, lon: 2.5, address: { country_code: 'fr', state: '' } };

/** Overseas départements keep their own time: the hours are read on the initiative's clock. */
const TIME_ZONES: Readonly<Record<string, string>> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '976': 'Indian/Mayotte',
};

export function timeZoneOf(department: string): string {
  return TIME_ZONES[department] ?? 'Europe/Paris';
}

/**
 * Checks a value against the grammar; the result is the library's canonical form, so a
 * value it could correct (« Lu-Ve 9h-18h » → « Mo-Fr 09:00-18:00 ») is published corrected.
 */
export function checkOpeningHours(raw: string): FieldCheck {
  const typed = raw.trim();
  try {
    return accepted(new OpeningHours(typed, FRANCE, FRENCH).prettifyValue());
  } catch (error) {
    // The library explains in French where the value stops making sense (« lundi <--- (Veuillez utiliser… »).
    const detail = String(error instanceof Error ? error.message : error).replace(/\s+/g, ' ').trim();
    const explanation = detail.length > 200 ? `${detail.slice(0, 197)}…` : detail;
    return refused(`horaires illisibles : ${quoted(typed)} (syntaxe OpenStreetMap attendue, comme « Mo-Fr 09:00-18:00; Sa 10:00-12:00 ») : ${explanation}`);
  }
}

const TIME = /\b([0-9]{2}):([0-9]{2})\b/g;

/** « 09:00-13:30,14:00-18:00 » → « 9 h – 13 h 30, 14 h – 18 h ». */
function frenchTimes(text: string): string {
  return text
    .replace(/([0-9]{2}:[0-9]{2})-(?=[0-9]{2}:[0-9]{2}|[a-z])/g, '$1 – ')
    .replace(/([0-9]{2}:[0-9]{2}),(?=[0-9]{2}:[0-9]{2})/g, '$1, ')
    .replace(/([0-9]{2}:[0-9]{2})\+/g, 'à partir de $1')
    .replace(TIME, (_, hours: string, minutes: string) => `${Number(hours)} h${minutes === '00' ? '' : ` ${minutes}`}`);
}

const WORDS: readonly (readonly [RegExp, string])[] = [
  [/\b24\/7\b/g, 'tous les jours, 24 h sur 24'],
  [/\bsunrise\b/g, 'lever du soleil'],
  [/\bsunset\b/g, 'coucher du soleil'],
  [/\bdawn\b/g, 'aube'],
  [/\bdusk\b/g, 'crépuscule'],
  [/ open\b/g, ''],
  [/ unknown\b/g, ' horaires à confirmer'],
  [/^\|\| /gm, 'sinon : '],
  [/"([^"]*)"/g, '($1)'],
  [/\.,(?=\S)/g, '., '],
];

/** The hours as French lines, one per rule: « lun.-ven. 9 h – 18 h », « jours fériés fermé ». */
export function frenchOpeningHours(value: string): string[] {
  const opening = new OpeningHours(value, FRANCE, FRENCH);
  let text = opening.prettifyValue(FRENCH_LINES).replace(/ \|\| /g, '\n|| ');
  for (const [pattern, word] of WORDS) text = text.replace(pattern, word);
  return frenchTimes(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** `now` as a Date whose local fields read the wall clock of `timeZone`. */
function wallClock(now: Date, timeZone: string): Date {
  const parts: Record<string, number> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  }).formatToParts(now)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return new Date(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
}

export interface OpeningState {
  open: boolean;
  /** The rule's comment (« sur rendez-vous »), when it has one. */
  comment?: string;
}

/**
 * Whether the initiative is open at `now` on its own clock, or null when the hours cannot
 * tell (an `unknown` rule, or a value the library cannot evaluate).
 */
export function openingStateAt(value: string, now: Date, place: { department: string; longitude: number; latitude: number }): OpeningState | null {
  try {
    const opening = new OpeningHours(value, { lat: place.latitude, lon: place.longitude, address: { country_code: 'fr', state: '' } });
    const local = wallClock(now, timeZoneOf(place.department));
    if (opening.getUnknown(local)) return null;
    const comment = opening.getComment(local);
    return comment ? { open: opening.getState(local), comment } : { open: opening.getState(local) };
  } catch {
    return null;
  }
}
