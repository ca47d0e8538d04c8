import { describe, expect, it } from 'vitest';
import { checkEmail, emailHref } from '../../../src/domain/email';

describe('checkEmail', () => {
  it.each([
    ['contact@tiers-lieu.fr', 'contact@tiers-lieu.fr'],
    ['  Prenom.Nom+carte@Exemple.ORG ', 'Prenom.Nom+carte@exemple.org'],
    ['mailto:accueil@cafe-associatif.fr', 'accueil@cafe-associatif.fr'],
    ['bonjour@café.fr', 'bonjour@xn--caf-dma.fr'],
  ])('accepts %j as %j', (typed, expected) => {
    expect(checkEmail(typed)).toEqual({ ok: true, value: expected });
  });

  it.each([
    'contact',
    'contact@',
    '@tiers-lieu.fr',
    'contact@tiers-lieu',
    'contact@@tiers-lieu.fr',
    'contact@tiers lieu.fr',
    'pre nom@tiers-lieu.fr',
    'contact@tiers-lieu.fr, autre@tiers-lieu.fr',
    '.contact@tiers-lieu.fr',
    'con..tact@tiers-lieu.fr',
    'contact@-tiers.fr',
    'contact@tiers-lieu.f',
    '<script>@x.fr',
    'contact@tiers-lieu.fr?cc=autre@x.fr',
  ])('refuses %j', (typed) => {
    const result = checkEmail(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^adresse e-mail invalide : « /);
  });
});

describe('emailHref', () => {
  it('encodes the characters that would add headers to a mailto: link', () => {
    expect(emailHref('contact@tiers-lieu.fr')).toBe('mailto:contact@tiers-lieu.fr');
    expect(emailHref('a&b?c@tiers-lieu.fr')).toBe('mailto:a%26b%3Fc@tiers-lieu.fr');
  });
});
