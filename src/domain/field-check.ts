/**
 * The verdict of an optional column's check (CONTRACT §2): the value to publish, normalised,
 * or the reason it is left out, in French, as the report shows it.
 */
export type FieldCheck = { ok: true; value: string } | { ok: false; reason: string };

export function accepted(value: string): FieldCheck {
  return { ok: true, value };
}

export function refused(reason: string): FieldCheck {
  return { ok: false, reason };
}

/** A value quoted in a message, cut so one bad cell cannot flood the report. */
export function quoted(value: string): string {
  return `« ${value.length > 60 ? `${value.slice(0, 57)}…` : value} »`;
}
