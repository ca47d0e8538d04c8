import { describe, expect, it } from 'vitest';
import { checkVerificationDate, describeVerification } from '../../../src/domain/verification-date';

const TODAY = new Date(2026, 11, 7); // 7 December 2026, local time

describe('checkVerificationDate', () => {
  it.each([
    ['2025-03', '2025-03'],
    ['2025-03-15', '2025-03-15'],
    ['15/03/2025', '2025-03-15'], // what French Excel writes for a date cell
    ['3/2025', '2025-03'],
    ['2026-12-07', '2026-12-07'],
    ['2024-02-29', '2024-02-29'],
  ])('accepts %j as %j', (typed, expected) => {
    expect(checkVerificationDate(typed, TODAY)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['mars 2025', 'invalide'],
    ['2025', 'invalide'],
    ['2025-13', 'impossible'],
    ['2025-02-29', 'impossible'],
    ['2025-04-31', 'impossible'],
    ['1899-01', 'trop ancienne'],
    ['2026-12-08', 'dans le futur'],
    ['2027-01', 'dans le futur'],
  ])('refuses %j (%s)', (typed, reason) => {
    const result = checkVerificationDate(typed, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('describeVerification', () => {
  it('says the month and year in French', () => {
    expect(describeVerification('2025-03', TODAY)).toEqual({ text: 'Informations vérifiées en mars 2025', stale: false });
    expect(describeVerification('2026-08-15', TODAY)?.text).toBe('Informations vérifiées en août 2026');
  });

  it('flags facts checked more than 24 months ago', () => {
    expect(describeVerification('2024-12', TODAY)?.stale).toBe(false);
    expect(describeVerification('2024-11', TODAY)?.stale).toBe(true);
    expect(describeVerification('2019-05-02', TODAY)?.stale).toBe(true);
  });
});
