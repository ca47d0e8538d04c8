import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeExternalUrl } from '../../../src/domain/links';

describe('safeExternalUrl', () => {
  it('accepts http, https, mailto and tel links', () => {
    expect(safeExternalUrl('https://www.example.fr/page?a=1')).toBe('https://www.example.fr/page?a=1');
    expect(safeExternalUrl('  http://example.fr ')).toBe('http://example.fr/');
    expect(safeExternalUrl('mailto:contact@example.fr')).toBe('mailto:contact@example.fr');
    expect(safeExternalUrl('tel:+33123456789')).toBe('tel:+33123456789');
    expect(safeExternalUrl('HTTPS://EXAMPLE.FR')).toBe('https://example.fr/');
  });

  it('completes a web address written without its scheme', () => {
    expect(safeExternalUrl('www.tiers-lieu.fr')).toBe('https://www.tiers-lieu.fr/');
    expect(safeExternalUrl('exemple.org/contact')).toBe('https://exemple.org/contact');
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u001fjavascript:alert(1)',
    '&#106;avascript:alert(1)',
    '%6Aavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.fr',
    '//evil.example/x',
    '/relative/path',
    'https://',
    'mailto:',
    '',
    '   ',
  ])('rejects %j', (value) => {
    expect(safeExternalUrl(value)).toBeNull();
  });

  it('never returns anything the browser would run, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('', 'javascript:', 'JAVASCRIPT:', ' data:', 'vbscript:'), (noise, prefix) => {
        const result = safeExternalUrl(prefix + noise);
        if (result !== null) expect(new URL(result).protocol).toMatch(/^(https?|mailto|tel):$/);
      }),
      { numRuns: 500 },
    );
  });
});
