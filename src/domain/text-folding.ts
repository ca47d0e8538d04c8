/**
 * The one text folding of the app: how a search, a sort, a place name and a column header
 * agree that « Saint-Étienne », "saint etienne" and « SAINT ETIENNE » are the same words.
 */

// These run on 100,000 names and descriptions: each costly step (normalize, regexps that
// match at every space) only runs when a cheap test says the text needs it.
const NON_ASCII = /[^\u0020-\u007e]/;
const NEEDS_CLEANING = /[^a-z0-9 ]| {2}|^ | $/;

/** Lower case without accents or ligatures, punctuation kept: « Œuvre (L’) » → "oeuvre (l’)". */
export function foldAccents(text: string): string {
  const value = text.toLowerCase();
  if (!NON_ASCII.test(value)) return value;
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
}

/** foldAccents, then every run of punctuation or spaces as one space, trimmed: "st julien" and « St-Julien » alike. */
export function foldText(text: string): string {
  const value = foldAccents(text);
  return NEEDS_CLEANING.test(value) ? value.replace(/[^a-z0-9 ]+/g, ' ').replace(/ {2,}/g, ' ').trim() : value;
}

/** French place names abbreviate Saint/Sainte; searching either form must find both. */
export const SAINT_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([['st', 'saint'], ['ste', 'sainte'], ['sts', 'saints'], ['stes', 'saintes']]);

/** Folded text with st/ste expanded, as stored for the text search. */
export function foldSearchText(text: string): string {
  const folded = foldText(text);
  if (!/\bste?s?\b/.test(folded)) return folded;
  return folded.replace(/\bste?s?\b/g, (word) => SAINT_ABBREVIATIONS.get(word) ?? word);
}

/**
 * The words of a query, each with its accepted spellings. A typed "st" may be the start of
 * "stade" as well as an abbreviation of "saint", so both are accepted.
 */
export function queryTerms(query: string): string[][] {
  return foldText(query)
    .split(' ')
    .filter(Boolean)
    .map((word) => {
      const expansion = SAINT_ABBREVIATIONS.get(word);
      return expansion ? [word, expansion] : [word];
    });
}
