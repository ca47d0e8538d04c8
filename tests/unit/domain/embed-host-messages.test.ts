import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../../src/domain/filters';
import {
  filtersMessage,
  heightMessage,
  isPublicMessage,
  isTrustedHostEvent,
  parseIncomingMessage,
  resolveHostOrigin,
  selectMessage,
} from '../../../src/domain/host-messages';
import { parsePageOptions } from '../../../src/domain/url-params';

/** The `parentOrigin` parameter as the URL codec reads it. */
function parentOrigin(search: string): string | null {
  return parsePageOptions(search).parentOrigin;
}

describe('host origin', () => {
  it('prefers the parentOrigin parameter, else the referrer’s origin', () => {
    expect(resolveHostOrigin(parentOrigin('?embed=1&parentOrigin=https%3A%2F%2Fpartenaire.fr%2Fpage'), 'https://autre.fr/x')).toBe('https://partenaire.fr');
    expect(resolveHostOrigin(parentOrigin('?embed=1'), 'https://partenaire.fr:8443/carte/index.html?a=1')).toBe('https://partenaire.fr:8443');
  });

  it('is unknown without either, or for non-web schemes', () => {
    expect(resolveHostOrigin(parentOrigin('?embed=1'), '')).toBeNull();
    expect(resolveHostOrigin(parentOrigin('?parentOrigin=javascript%3Aalert(1)'), 'file:///etc/passwd')).toBeNull();
    expect(resolveHostOrigin(parentOrigin('?parentOrigin=*'), '')).toBeNull();
  });

  it('trusts a message only from the parent window at the known origin', () => {
    expect(isTrustedHostEvent('https://partenaire.fr', 'https://partenaire.fr', true)).toBe(true);
    expect(isTrustedHostEvent('https://evil.example', 'https://partenaire.fr', true)).toBe(false);
    expect(isTrustedHostEvent('https://partenaire.fr', 'https://partenaire.fr', false)).toBe(false);
    expect(isTrustedHostEvent('null', null, true)).toBe(false);
  });
});

describe('outgoing messages', () => {
  it('describe the filters in the URL vocabulary, with the count', () => {
    const message = filtersMessage({ ...EMPTY_FILTERS, themes: ['mobilite'], territories: ['qpv'], departments: ['52'], query: 'vélo' }, 12);
    expect(message).toEqual({
      source: 'carte-ess',
      type: 'carte-ess:filters',
      filters: { themes: ['mobilite'], match: 'any', territoire: ['qpv'], dep: ['52'], region: [], epci: [], q: 'vélo' },
      count: 12,
    });
    expect(isPublicMessage(message)).toBe(false);
  });

  it('only the height may go to an unknown origin', () => {
    expect(heightMessage(612.2)).toEqual({ source: 'carte-ess', type: 'carte-ess:height', height: 613 });
    expect(isPublicMessage(heightMessage(10))).toBe(true);
    expect(isPublicMessage(selectMessage('a', 'A'))).toBe(false);
  });
});

describe('incoming messages', () => {
  it('accepts set-filters and drops unknown values', () => {
    expect(
      parseIncomingMessage({
        source: 'carte-ess',
        type: 'carte-ess:set-filters',
        filters: { themes: ['mobilite', 'inconnu', 'mobilite'], territoire: ['rural', 'lune'], dep: ['2a', '999'], match: 'all', q: 'café' },
      }),
    ).toEqual({
      type: 'set-filters',
      filters: { themes: ['mobilite'], territories: ['rural'], departments: ['2A'], match: 'all', query: 'café' },
    });
  });

  it('reports and accepts the région and EPCI filters, in the URL vocabulary', () => {
    const message = filtersMessage({ ...EMPTY_FILTERS, regions: ['44'], epcis: ['200027308'] }, 3);
    expect(message.type === 'carte-ess:filters' && message.filters).toMatchObject({ region: ['44'], epci: ['200027308'] });
    expect(
      parseIncomingMessage({ type: 'carte-ess:set-filters', filters: { region: ['44', '99', '44'], epci: ['200027308', '12', 'x'] } }),
    ).toEqual({ type: 'set-filters', filters: { regions: ['44'], epcis: ['200027308'] } });
  });

  it('leaves absent fields alone', () => {
    expect(parseIncomingMessage({ type: 'carte-ess:set-filters', filters: { dep: ['62'] } })).toEqual({
      type: 'set-filters',
      filters: { departments: ['62'] },
    });
  });

  it('accepts a selection, or its removal', () => {
    expect(parseIncomingMessage({ type: 'carte-ess:set-selection', id: 'collectif-gare' })).toEqual({ type: 'set-selection', id: 'collectif-gare' });
    expect(parseIncomingMessage({ type: 'carte-ess:set-selection', id: null })).toEqual({ type: 'set-selection', id: null });
  });

  it.each([
    ['a string', 'carte-ess:set-filters'],
    ['null', null],
    ['an unknown type', { type: 'carte-ess:delete-everything' }],
    ['a wrong source', { source: 'autre', type: 'carte-ess:set-filters', filters: {} }],
    ['themes that are not a list', { type: 'carte-ess:set-filters', filters: { themes: 'mobilite' } }],
    ['an unknown filter key', { type: 'carte-ess:set-filters', filters: { __proto__x: 1 } }],
    ['a huge query', { type: 'carte-ess:set-filters', filters: { q: 'x'.repeat(5000) } }],
    ['a numeric id', { type: 'carte-ess:set-selection', id: 42 }],
  ])('rejects %s', (_label, data) => {
    expect(parseIncomingMessage(data)).toBeNull();
  });
});
