import { describe, expect, it } from 'vitest';
import { getGazetteer } from '../../src/pipeline/gazetteer';
import { getGeocoder, type GeocodeQuery, type GeocodeResult } from '../../src/pipeline/geocoder';

const geocoder = getGeocoder();

function resolved(query: GeocodeQuery): Extract<GeocodeResult, { ok: true }> {
  const result = geocoder.geocode(query);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(query)} to resolve, got: ${result.reason}`);
  return result;
}

function rejected(query: GeocodeQuery): Extract<GeocodeResult, { ok: false }> {
  const result = geocoder.geocode(query);
  if (result.ok) throw new Error(`expected ${JSON.stringify(query)} to be rejected, got ${result.commune.code}`);
  return result;
}

describe('geocoder', () => {
  it('resolves every current commune by its code and official name', () => {
    const failures = getGazetteer().communes.filter((commune) => {
      const result = geocoder.geocode({ commune: commune.name, codeInsee: commune.code });
      return !result.ok || result.commune !== commune;
    });
    expect(failures.map((commune) => commune.code)).toEqual([]);
  });

  it('rejects « Sainte-Colombe » alone as ambiguous, naming the 12 candidates with their départements', () => {
    const result = rejected({ commune: 'Sainte-Colombe' });
    expect(result.column).toBe('commune');
    expect(result.reason).toContain('ambiguë');
    expect(result.reason).toContain('12 communes');
    for (const candidate of ['05135, dép. 05', '33390, dép. 33', '89339, dép. 89']) expect(result.reason).toContain(candidate);
  });

  it('settles Sainte-Colombe with a postal code or a département', () => {
    expect(resolved({ commune: 'Sainte-Colombe', postalCode: '05700' }).commune.code).toBe('05135');
    expect(resolved({ commune: 'Sainte-Colombe', department: '33' }).commune.code).toBe('33390');
  });

  it('understands abbreviations and INSEE’s article form', () => {
    expect(resolved({ commune: 'St Julien en Born' }).commune.code).toBe('40266');
    expect(resolved({ commune: 'Havre (Le)' }).commune).toMatchObject({ code: '76351', name: 'Le Havre' });
    expect(resolved({ commune: "Oie (L')", department: '85' }).commune.code).toBe('85165');
  });

  it('treats « Œuilly » and « Oeuilly » alike, and needs the département to choose between the two', () => {
    expect(resolved({ commune: 'Oeuilly', department: '51' }).commune).toMatchObject({ code: '51410', name: 'Œuilly' });
    expect(resolved({ commune: 'Œuilly', department: '02' }).commune.code).toBe('02565');
    expect(rejected({ commune: 'Oeuilly' }).reason).toContain('2 communes');
  });

  it('places a commune nouvelle and resolves the code of one of its communes déléguées with a warning', () => {
    expect(resolved({ commune: 'Conques-en-Rouergue', codeInsee: '12218' }).approximate).toBe(false);
    const delegated = resolved({ commune: 'Conques', codeInsee: '12076' });
    expect(delegated.commune).toMatchObject({ code: '12218', name: 'Conques-en-Rouergue' });
    expect(delegated.warnings.join(' ')).toContain('commune déléguée');
  });

  it('handles Corsica (2A/2B) and overseas départements', () => {
    expect(resolved({ commune: 'Ajaccio', codeInsee: '2a004' }).commune).toMatchObject({ code: '2A004', departmentCode: '2A' });
    expect(resolved({ commune: 'Bastia' }).commune.departmentCode).toBe('2B');
    const saintDenis = resolved({ commune: 'Saint-Denis', postalCode: '97400' });
    expect(saintDenis.commune).toMatchObject({ code: '97411', departmentCode: '974' });
    expect(saintDenis.latitude).toBeLessThan(-20);
  });

  it('resolves a Paris arrondissement code to Paris, with a warning', () => {
    const result = resolved({ commune: 'Paris 15e', codeInsee: '75115' });
    expect(result.commune).toMatchObject({ code: '75056', name: 'Paris' });
    expect(result.warnings.join(' ')).toContain('arrondissement municipal');
  });

  it('resolves Vaillant by code, name and postal code, or name alone', () => {
    for (const query of [{ commune: 'Vaillant', codeInsee: '52499' }, { commune: 'vaillant', postalCode: '52160' }, { commune: 'VAILLANT' }]) {
      expect(resolved(query).commune.code).toBe('52499');
    }
  });

  it('rejects a code that contradicts the commune name, naming both', () => {
    const result = rejected({ commune: 'Chaumont', codeInsee: '52499' });
    expect(result.column).toBe('code_insee');
    expect(result.reason).toContain('Vaillant');
    expect(result.reason).toContain('Chaumont');
  });

  it('rejects a département that contradicts the code', () => {
    expect(rejected({ commune: 'Vaillant', codeInsee: '52499', department: '21' }).column).toBe('departement');
  });

  it('rejects an unknown name and suggests the closest ones', () => {
    const result = rejected({ commune: 'Vaillan' });
    expect(result.reason).toContain('inconnue');
    expect(result.reason).toContain('Vaillant (52499');
    expect(rejected({ commune: 'Havre' }).reason).toContain('Le Havre (76351');
  });

  it('rejects an unknown code', () => {
    expect(rejected({ commune: 'Paris', codeInsee: '99999' })).toMatchObject({ column: 'code_insee' });
  });

  it('keeps a mismatched postal code as a warning when the département settles the commune', () => {
    const result = resolved({ commune: 'Vaillant', postalCode: '52100' });
    expect(result.commune.code).toBe('52499');
    expect(result.warnings.join(' ')).toContain('52100');
  });

  it('flags the approximate point of a re-established commune', () => {
    expect(resolved({ commune: "L'Oie", codeInsee: '85165' }).approximate).toBe(true);
  });
});
