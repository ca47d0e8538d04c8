import { describe, expect, it } from 'vitest';
import { getGazetteer, type Commune } from '../../src/pipeline/gazetteer';
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
      // The geocoder reads the compact index (the browser's data), not the gazetteer's objects.
      return !result.ok || result.commune.code !== commune.code || result.longitude !== commune.longitude || result.latitude !== commune.latitude;
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

  describe('arrondissements of Paris, Lyon and Marseille', () => {
    const paris = () => getGazetteer().communeByCode.get('75056') as Commune;
    const eleventh = { longitude: 2.38006, latitude: 48.85906 };

    it('accepts « Paris 11e Arrondissement » alone and places it on the 11e, published as Paris (75056)', () => {
      const result = resolved({ commune: 'Paris 11e Arrondissement' });
      expect(result.commune).toMatchObject({ code: '75056', name: 'Paris', departmentCode: '75' });
      expect(result).toMatchObject({ ...eleventh, approximate: false, warnings: [] });
      expect(result.longitude).not.toBe(paris().longitude);
    });

    it('reads the usual spellings, codes and postal codes of the same arrondissement alike', () => {
      for (const query of [
        { commune: 'Paris 11e' },
        { commune: 'PARIS 11ème arrondissement', department: '75' },
        { commune: '11e arrondissement de Paris' },
        { commune: 'Paris', postalCode: '75011' },
        { commune: 'Paris', codeInsee: '75056', postalCode: '75011' },
        { commune: 'Paris', codeInsee: '75111' },
        { commune: 'Paris 11e Arrondissement', codeInsee: '75111', postalCode: '75011' },
      ]) {
        const result = resolved(query);
        expect({ code: result.commune.code, longitude: result.longitude, latitude: result.latitude, warnings: result.warnings }, JSON.stringify(query))
          .toEqual({ code: '75056', ...eleventh, warnings: [] });
      }
    });

    it('places Lyon 3e and Marseille 13e on their arrondissements, by name, code or postal code', () => {
      const lyon = [{ commune: 'Lyon 3e' }, { commune: 'Lyon', codeInsee: '69383' }, { commune: 'Lyon', postalCode: '69003' }].map(resolved);
      for (const result of lyon) expect(result).toMatchObject({ commune: { code: '69123', name: 'Lyon' }, longitude: 4.85744, latitude: 45.76187 });
      const marseille = [
        { commune: 'Marseille 13e arrondissement' },
        { commune: 'Marseille', codeInsee: '13213' },
        { commune: 'Marseille', postalCode: '13013' },
      ].map(resolved);
      for (const result of marseille) expect(result).toMatchObject({ commune: { code: '13055', name: 'Marseille' }, longitude: 5.40836, latitude: 43.31856 });
    });

    it('keeps plain « Paris » on the commune’s own point', () => {
      expect(resolved({ commune: 'Paris' })).toMatchObject({ longitude: paris().longitude, latitude: paris().latitude });
    });

    it('rejects an arrondissement that does not exist, or a code that names another one', () => {
      expect(rejected({ commune: 'Lyon 12e' })).toMatchObject({ column: 'commune', reason: expect.stringContaining('1 à 9') });
      const mismatch = rejected({ commune: 'Paris 12e', codeInsee: '75111' });
      expect(mismatch.column).toBe('code_insee');
      expect(mismatch.reason).toContain('Paris 11e Arrondissement');
      expect(mismatch.reason).toContain('75112');
    });

    it('warns when the postal code is another arrondissement’s, and keeps the named one', () => {
      const result = resolved({ commune: 'Paris 11e', postalCode: '75012' });
      expect(result).toMatchObject(eleventh);
      expect(result.warnings.join(' ')).toContain('75012 inhabituel pour Paris 11e Arrondissement');
    });
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
