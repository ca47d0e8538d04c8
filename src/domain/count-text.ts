/** Groups of three digits with a narrow no-break space, as French writes « 100 000 » (Intl is slow on every render). */
export function formatFrenchInteger(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** « 0 initiative », « 1 initiative », « 12 initiatives ». */
export function formatInitiativeCount(count: number): string {
  return `${formatFrenchInteger(count)} initiative${count > 1 ? 's' : ''}`;
}
