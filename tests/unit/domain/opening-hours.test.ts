import { describe, expect, it } from 'vitest';
import { checkOpeningHours, frenchOpeningHours, openingStateAt } from '../../../src/domain/opening-hours';

const VAILLANT = { department: '52', longitude: 5.15, latitude: 47.69 };
const SAINT_DENIS_REUNION = { department: '974', longitude: 55.45, latitude: -20.88 };

describe('checkOpeningHours', () => {
  it('accepts the OpenStreetMap syntax and publishes its canonical form', () => {
    expect(checkOpeningHours('Mo-Fr 09:00-18:00; Sa 10:00-12:00')).toEqual({ ok: true, value: 'Mo-Fr 09:00-18:00; Sa 10:00-12:00' });
    expect(checkOpeningHours('Mo-Fr 9:00-18:00')).toEqual({ ok: true, value: 'Mo-Fr 09:00-18:00' });
    expect(checkOpeningHours('Lu-Ve 9h-18h')).toEqual({ ok: true, value: 'Mo-Fr 09:00-18:00' });
  });

  it.each(['lundi 9h', 'Mo 25:00-26:00', 'ouvert le mardi matin', 'Mo-Fr 09:00-'])('refuses %j and explains in French', (typed) => {
    const result = checkOpeningHours(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^horaires illisibles : « .* » \(syntaxe OpenStreetMap attendue/);
  });
});

describe('frenchOpeningHours', () => {
  it('says each rule in French, one per line', () => {
    expect(frenchOpeningHours('Mo-Fr 09:00-18:00; Sa 10:00-12:00; PH off')).toEqual(['lun.-ven. 9 h – 18 h', 'sam. 10 h – 12 h', 'jours fériés fermé']);
    expect(frenchOpeningHours('Tu,Th 08:00-12:00,13:30-17:00')).toEqual(['mar., jeu. 8 h – 12 h, 13 h 30 – 17 h']);
    expect(frenchOpeningHours('Mo-Fr 09:00-12:00 "sur rendez-vous"')).toEqual(['lun.-ven. 9 h – 12 h (sur rendez-vous)']);
    expect(frenchOpeningHours('24/7')).toEqual(['tous les jours, 24 h sur 24']);
  });
});

describe('openingStateAt', () => {
  const hours = 'Mo-Fr 09:00-18:00; PH off';

  it('tells open and closed on the initiative’s own clock', () => {
    // Monday 7 December 2026, 08:30 UTC: 9:30 in Paris, 12:30 in La Réunion.
    expect(openingStateAt(hours, new Date('2026-12-07T08:30:00Z'), VAILLANT)).toEqual({ open: true });
    // 15:30 UTC: 16:30 in Paris, 19:30 in La Réunion.
    expect(openingStateAt(hours, new Date('2026-12-07T15:30:00Z'), VAILLANT)).toEqual({ open: true });
    expect(openingStateAt(hours, new Date('2026-12-07T15:30:00Z'), SAINT_DENIS_REUNION)).toEqual({ open: false });
  });

  it('knows French public holidays', () => {
    expect(openingStateAt(hours, new Date('2026-12-25T10:00:00Z'), VAILLANT)).toEqual({ open: false, comment: 'Noël' });
  });

  it('says nothing when the hours cannot tell', () => {
    expect(openingStateAt('Mo-Fr unknown', new Date('2026-12-07T10:00:00Z'), VAILLANT)).toBeNull();
  });
});
