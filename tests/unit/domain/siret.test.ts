import { describe, expect, it } from 'vitest';
import { checkSiret, formatSiret, isValidSiret, siretDirectoryUrl } from '../../../src/domain/siret';

describe('SIRET', () => {
  it('accepts a SIRET whose Luhn key is right, typed with or without spaces', () => {
    expect(checkSiret('130 025 265 00013')).toEqual({ ok: true, value: '13002526500013' });
    expect(checkSiret('73282932000074')).toEqual({ ok: true, value: '73282932000074' });
  });

  it('refuses a mistyped digit, naming the key', () => {
    const result = checkSiret('13002526500014');
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.reason).toContain('clé de contrôle');
  });

  it('refuses a swap of two neighbouring digits', () => {
    expect(isValidSiret('31002526500013')).toBe(false);
  });

  it('checks La Poste establishments by the sum of their digits, its head office by Luhn', () => {
    expect(isValidSiret('35600000000001')).toBe(true); // digits sum to 15, Luhn would refuse it
    expect(isValidSiret('35600000000014')).toBe(false);
    expect(isValidSiret('35600000000048')).toBe(true);
  });

  it.each([
    ['130025265', '9 chiffres au lieu de 14 : c’est un SIREN'],
    ['1300252650001', '13 chiffres'],
    ['1,30025E+13', '14 chiffres attendus'],
    ['SIRET 130025265', '14 chiffres attendus'],
  ])('refuses %j with a reason a person can act on', (typed, reason) => {
    const result = checkSiret(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('is shown in groups and linked to the public directory of companies', () => {
    expect(formatSiret('13002526500013')).toBe('130 025 265 00013');
    expect(siretDirectoryUrl('13002526500013')).toBe('https://annuaire-entreprises.data.gouv.fr/etablissement/13002526500013');
  });
});
