/**
 * Text from the data shown in a message (terminal, report, console): control characters and
 * bidirectional overrides made visible as `\u202e` instead of acting (an ESC sequence would
 * rewrite the terminal, U+202E reverses what follows), and long values cut.
 */

/**
 * C0 controls (NUL, BEL, ESC… but not tab), DEL, C1 controls, and the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `\u202e` for U+202E. */
function escapeCharacter(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The text with every unsafe character (and line breaks) written as `\uXXXX`. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, escapeCharacter).replace(/[\n\t]/g, escapeCharacter);
}

/** At most `max` characters (the end replaced by « … » and the number of characters cut). */
export function shorten(text: string, max = 200): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} caractères de plus)`;
}

/** A value from the data as a message quotes it: cut, then escaped. */
export function quoteValue(text: string, max = 200): string {
  return escapeUnsafe(shorten(text, max));
}

/**
 * A report message as shown to people: each value quoted « … » cut to `maxQuoted`
 * characters, the whole to `max`, unsafe characters escaped.
 */
export function reportMessage(text: string, maxQuoted = 120, max = 1000): string {
  const cut = text.length <= maxQuoted ? text : text.replace(/« ([^]*?) »/g, (_, value: string) => `« ${shorten(value, maxQuoted)} »`);
  return escapeUnsafe(shorten(cut, max));
}
