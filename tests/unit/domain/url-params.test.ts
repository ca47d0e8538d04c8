import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatPageUrl,
  formatUrlParams,
  parsePageOptions,
  parsePageUrl,
  parseUrlParams,
  type PageUrl,
  type UrlState,
} from '../../../src/domain/url-params';
import { buildEmbedUrl, fullMapUrl } from '../../../src/domain/embed-code';
import { DEPARTMENTS } from '../../../src/domain/departments';
import { EMPTY_FILTERS } from '../../../src/domain/filters';
import { TERRITORY_IDS } from '../../../src/domain/territories';
import { THEME_IDS } from '../../../src/domain/themes';

const departmentCodes = DEPARTMENTS.map((department) => department.code);
const regionCodes = [...new Set(DEPARTMENTS.map((department) => department.regionCode))].sort();

describe('région and EPCI parameters', () => {
  it('reads COG region codes and EPCI SIRENs as sorted lists, ignoring unknown regions and malformed SIRENs', () => {
    const { filters } = parseUrlParams('?region=84,44,99,abc&region=4&epci=200027308,12345,200027308,245900410');
    expect(filters.regions).toEqual(['04', '44', '84']);
    expect(filters.epcis).toEqual(['200027308', '245900410']);
    expect(formatUrlParams({ filters, selectedId: null, embed: false })).toBe('?region=04,44,84&epci=200027308,245900410');
  });
});

describe('page settings', () => {
  it('reads the basemap, the embed panel and the host origin; junk gives the defaults', () => {
    expect(parsePageOptions('?basemap=offline&filters=open&parentOrigin=https%3A%2F%2Fpartenaire.fr%2Fpage')).toEqual({
      basemap: 'offline',
      filtersPanel: 'open',
      parentOrigin: 'https://partenaire.fr',
    });
    expect(parsePageOptions('?filters=open&lock=1').filtersPanel).toBe('locked');
    expect(parsePageOptions('?basemap=javascript:alert(1)&parentOrigin=javascript%3Aalert(1)')).toEqual({
      basemap: null,
      filtersPanel: 'folded',
      parentOrigin: null,
    });
  });
});

describe('parseUrlParams', () => {
  it('reads every CONTRACT §4 parameter', () => {
    const state = parseUrlParams('?themes=mobilite,tiers-lieux&territoire=rural,centre-ville&dep=52,62,2A&match=all&q=cafe%20associatif&id=collectif-gare&embed=1');
    expect(state).toEqual({
      filters: { ...EMPTY_FILTERS, themes: ['mobilite', 'tiers-lieux'], territories: ['rural', 'centre-ville'], departments: ['2A', '52', '62'], match: 'all', query: 'cafe associatif' },
      selectedId: 'collectif-gare',
      embed: true,
    });
  });

  it('ignores unknown and invalid values but keeps the valid ones', () => {
    const state = parseUrlParams('themes=mobilite,licornes&territoire=mars&dep=52,99,abc&match=some&embed=0&foo=bar');
    expect(state.filters).toEqual({ ...EMPTY_FILTERS, themes: ['mobilite'], departments: ['52'] });
    expect(state.embed).toBe(false);
  });

  it('accepts « + » for spaces, repeated parameters and lower-case Corsica', () => {
    const state = parseUrlParams('q=cafe+associatif&dep=2a&dep=5');
    expect(state.filters.query).toBe('cafe associatif');
    expect(state.filters.departments).toEqual(['05', '2A']);
  });
});

describe('formatUrlParams', () => {
  it('writes readable, stable query strings in a fixed order', () => {
    const state: UrlState = {
      filters: { ...EMPTY_FILTERS, themes: ['tiers-lieux', 'mobilite'], match: 'all', territories: ['qpv'], departments: ['62', '2A'], query: 'café solidaire' },
      selectedId: 'collectif-gare',
      embed: true,
    };
    expect(formatUrlParams(state)).toBe('?themes=mobilite,tiers-lieux&match=all&territoire=qpv&dep=2A,62&q=caf%C3%A9%20solidaire&id=collectif-gare&embed=1');
  });

  it('writes nothing for the default state', () => {
    expect(formatUrlParams({ filters: EMPTY_FILTERS, selectedId: null, embed: false })).toBe('');
  });

  it('keeps parameters owned by others and replaces its own', () => {
    const state: UrlState = { filters: { ...EMPTY_FILTERS, themes: ['commerces'] }, selectedId: null, embed: false };
    expect(formatUrlParams(state, '?basemap=offline&themes=mobilite&lock=1&q=old')).toBe('?themes=commerces&basemap=offline&lock=1');
  });
});

const stateArbitrary: fc.Arbitrary<UrlState> = fc.record({
  filters: fc.record({
    themes: fc.subarray([...THEME_IDS]),
    match: fc.constantFrom('any' as const, 'all' as const),
    territories: fc.subarray([...TERRITORY_IDS]),
    departments: fc.subarray(departmentCodes),
    regions: fc.subarray(regionCodes),
    epcis: fc.uniqueArray(fc.stringMatching(/^\d{9}$/), { maxLength: 4 }).map((codes) => [...codes].sort()),
    query: fc.string({ maxLength: 200, unit: 'grapheme' }),
  }),
  selectedId: fc.option(fc.string({ minLength: 1, maxLength: 80 }).map((id) => id.trim()).filter((id) => id !== ''), { nil: null }),
  embed: fc.boolean(),
});

const pageArbitrary: fc.Arbitrary<PageUrl> = fc.record({
  filters: stateArbitrary.map((state) => state.filters),
  selectedId: fc.constant(null),
  embed: fc.boolean(),
  options: fc.record({
    basemap: fc.option(fc.stringMatching(/^[a-z0-9-]{1,32}$/), { nil: null }),
    filtersPanel: fc.constantFrom('folded' as const, 'open' as const, 'locked' as const),
    parentOrigin: fc.option(fc.domain().map((domain) => new URL(`https://${domain}`).origin), { nil: null }),
  }),
});

describe('codec properties', () => {
  it('parse(format(state)) gives the state back', () => {
    fc.assert(fc.property(stateArbitrary, (state) => {
      expect(parseUrlParams(formatUrlParams(state))).toEqual(state);
    }), { numRuns: 500 });
  });

  it('format is stable: formatting a parsed URL again gives the same string', () => {
    fc.assert(fc.property(stateArbitrary, fc.string(), (state, junk) => {
      const once = formatUrlParams(state, `x=${encodeURIComponent(junk)}`);
      expect(formatUrlParams(parseUrlParams(once), once)).toBe(once);
    }), { numRuns: 300 });
  });

  it('parsePageUrl(formatPageUrl(url)) gives everything back, the page settings included', () => {
    fc.assert(fc.property(pageArbitrary, (url) => {
      expect(parsePageUrl(formatPageUrl(url))).toEqual(url);
    }), { numRuns: 300 });
  });

  it('the embed code’s URL and the full-map link are written by the same codec', () => {
    fc.assert(fc.property(stateArbitrary, fc.constantFrom('folded' as const, 'open' as const, 'locked' as const), (state, filtersPanel) => {
      const src = buildEmbedUrl({ pageUrl: 'https://carte.example.org/ess/', filters: state.filters, selectedId: state.selectedId, filtersPanel });
      const inFrame: PageUrl = { ...state, embed: true, options: { basemap: null, filtersPanel, parentOrigin: null } };
      // The URL object may re-escape a character (' becomes %27): compared as read back.
      expect(parsePageUrl(new URL(src).search)).toEqual(parsePageUrl(formatPageUrl(inFrame)));
      expect(parsePageUrl(new URL(src).search)).toEqual(inFrame);
      expect(parsePageUrl(new URL(fullMapUrl(src)).search)).toEqual({ ...state, embed: false, options: { basemap: null, filtersPanel: 'folded', parentOrigin: null } });
    }), { numRuns: 200 });
  });

  it('never throws on junk', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (junk) => {
      const state = parseUrlParams(junk);
      expect(() => formatUrlParams(state, junk)).not.toThrow();
    }), { numRuns: 1000 });
  });
});
