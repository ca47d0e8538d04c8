import { describe, expect, it } from 'vitest';
import { checkPhone, formatPhone, phoneHref } from '../../../src/domain/phone';

function e164(typed: string): string | undefined {
  const result = checkPhone(typed);
  return result.ok ? result.value : undefined;
}

describe('checkPhone', () => {
  it.each([
    ['04 75 00 00 00', '+33475000000'],
    ['0475000000', '+33475000000'],
    ['04.75.00.00.00', '+33475000000'],
    ['04-75-00-00-00', '+33475000000'],
    ['04\u00a075\u00a000\u00a000\u00a000', '+33475000000'],
    ['+33 4 75 00 00 00', '+33475000000'],
    ['+33 (0)4 75 00 00 00', '+33475000000'],
    ['0033 4 75 00 00 00', '+33475000000'],
    ['tel:+33475000000', '+33475000000'],
    ['06 12 34 56 78', '+33612345678'],
    ['09 72 00 00 00', '+33972000000'],
  ])('normalises the French number %j to E.164', (typed, expected) => {
    expect(e164(typed)).toBe(expected);
  });

  it.each([
    ['02 62 12 34 56', '+262262123456'], // La Réunion
    ['+262 262 12 34 56', '+262262123456'],
    ['06 92 12 34 56', '+262692123456'],
    ['02 69 61 00 00', '+262269610000'], // Mayotte
    ['05 90 12 34 56', '+590590123456'], // Guadeloupe
    ['05 96 12 34 56', '+596596123456'], // Martinique
    ['00596 696 12 34 56', '+596696123456'],
    ['05 94 12 34 56', '+594594123456'], // Guyane
  ])('gives the overseas number %j its own country code', (typed, expected) => {
    expect(e164(typed)).toBe(expected);
  });

  it.each(['04 75 00 00', '04 75 00 00 00 00', '4 75 00 00 00', '00 00 00 00 00', 'contact', '3949', '04 75 00 00 00 / 06 12 34 56 78', '+262 475 00 00 00'])(
    'refuses %j with a reason',
    (typed) => {
      const result = checkPhone(typed);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain('numéro de téléphone invalide');
    },
  );

  it('refuses a foreign number, saying so', () => {
    const result = checkPhone('+32 2 123 45 67');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('numéro étranger');
  });
});

describe('formatPhone and phoneHref', () => {
  it('shows the national form in pairs, overseas numbers included, and links the E.164 form', () => {
    expect(formatPhone('+33475000000')).toBe('04 75 00 00 00');
    expect(formatPhone('+262262123456')).toBe('02 62 12 34 56');
    expect(formatPhone('+596696123456')).toBe('06 96 12 34 56');
    expect(phoneHref('+33475000000')).toBe('tel:+33475000000');
  });
});
