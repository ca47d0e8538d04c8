import { describe, expect, it } from 'vitest';
import { checkAddress, directionsUrl, geoUri, placeQuery } from '../../../src/domain/address';

describe('checkAddress', () => {
  it('keeps one line, turning the lines of a multi-line cell into « , »', () => {
    expect(checkAddress('  2 rue de la Gare ')).toEqual({ ok: true, value: '2 rue de la Gare' });
    expect(checkAddress('2 rue de la Gare\r\n52160  Vaillant\n')).toEqual({ ok: true, value: '2 rue de la Gare, 52160 Vaillant' });
  });

  it('refuses an address too long to be one, or with nothing in it', () => {
    expect(checkAddress('x'.repeat(301))).toMatchObject({ ok: false });
    expect(checkAddress(' - , ')).toMatchObject({ ok: false });
  });
});

describe('« Y aller » links', () => {
  it('adds the commune to the address unless it is already there', () => {
    expect(placeQuery('2 rue de la Gare', 'Vaillant')).toBe('2 rue de la Gare, Vaillant');
    expect(placeQuery('2 rue de la Gare, 52160 VAILLANT', 'Vaillant')).toBe('2 rue de la Gare, 52160 VAILLANT');
    expect(placeQuery('12 place Saint-Étienne, St-Étienne', 'Saint-Étienne')).toBe('12 place Saint-Étienne, St-Étienne');
  });

  it('puts the address, encoded, into fixed OpenStreetMap and geo: prefixes', () => {
    expect(directionsUrl('2 rue de la Gare, Vaillant')).toBe('https://www.openstreetmap.org/directions?to=2%20rue%20de%20la%20Gare%2C%20Vaillant');
    expect(geoUri('1 rue A&B, Die')).toBe('geo:0,0?q=1%20rue%20A%26B%2C%20Die');
    expect(directionsUrl('x"><script>')).not.toContain('<');
  });
});
