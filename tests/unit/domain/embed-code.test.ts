import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../../../src/domain/filters';
import {
  buildEmbedCode,
  buildEmbedUrl,
  escapeHtmlAttribute,
  fullMapUrl,
} from '../../../src/domain/embed-code';
import { parsePageOptions } from '../../../src/domain/url-params';

/** The embed panel settings as the page reads them (the URL codec). */
function parseEmbedSettings(search: string) {
  return { filtersPanel: parsePageOptions(search).filtersPanel };
}

const pageUrl = 'https://carte.example.org/ess/';
const filters: Filters = { ...EMPTY_FILTERS, themes: ['mobilite', 'tiers-lieux'], departments: ['52', '2A'] };

/** Reads the generated HTML the way a browser would (the test runs in node: a tiny attribute parser). */
function iframeAttributes(code: string): Record<string, string> {
  const tag = code.match(/^<iframe ([^>]*)><\/iframe>/);
  expect(tag).not.toBeNull();
  const attributes: Record<string, string> = {};
  for (const [, name, value] of (tag?.[1] ?? '').matchAll(/([a-z-]+)="([^"]*)"/g)) {
    attributes[name ?? ''] = (value ?? '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  return attributes;
}

describe('embed URL', () => {
  it('carries the filters, embed=1 and the camera hash', () => {
    const url = new URL(buildEmbedUrl({ pageUrl, filters: { ...filters, match: 'all', query: 'café' }, hash: '9/48.1/5.14' }));
    expect(url.origin + url.pathname).toBe(pageUrl);
    expect(url.searchParams.get('themes')).toBe('mobilite,tiers-lieux');
    expect(url.searchParams.get('match')).toBe('all');
    // One codec writes every URL: départements in COG order.
    expect(url.searchParams.get('dep')).toBe('2A,52');
    expect(url.searchParams.get('q')).toBe('café');
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.hash).toBe('#9/48.1/5.14');
  });

  it('leaves out empty filters and ignores the page’s own query', () => {
    const url = new URL(buildEmbedUrl({ pageUrl: `${pageUrl}?themes=alimentation#3/1/1`, filters: EMPTY_FILTERS }));
    expect([...url.searchParams.keys()]).toEqual(['embed']);
    expect(url.hash).toBe('');
  });

  it('asks for an unfolded or locked filter panel', () => {
    expect(new URL(buildEmbedUrl({ pageUrl, filters, filtersPanel: 'open' })).searchParams.get('filters')).toBe('open');
    const locked = new URL(buildEmbedUrl({ pageUrl, filters, filtersPanel: 'locked' })).searchParams;
    expect(locked.get('lock')).toBe('1');
    expect(parseEmbedSettings(`?${locked.toString()}`)).toEqual({ filtersPanel: 'locked' });
  });
});

describe('embed code', () => {
  it('is an iframe with a title, lazy loading, the sandbox, permissions, full width and the chosen height', () => {
    const attributes = iframeAttributes(buildEmbedCode({ pageUrl, filters, height: 480 }));
    expect(attributes.title).toMatch(/Carte ESS/);
    expect(attributes.loading).toBe('lazy');
    expect(attributes.sandbox?.split(' ').sort()).toEqual(
      ['allow-downloads', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-same-origin', 'allow-scripts'],
    );
    expect(attributes.allow).toBe('geolocation; clipboard-write; fullscreen');
    expect(attributes.width).toBe('100%');
    expect(attributes.height).toBe('480');
    expect(attributes.style).toContain('height: 480px');
    expect(new URL(attributes.src ?? '').searchParams.get('themes')).toBe('mobilite,tiers-lieux');
  });

  it('escapes hostile values so they cannot leave their attribute', () => {
    const code = buildEmbedCode({
      pageUrl,
      filters: { ...EMPTY_FILTERS, query: '"><script>alert(1)</script>' },
      title: 'Carte "ESS" <b>&</b> \'partenaires\'',
    });
    expect(code).not.toContain('<script>');
    expect(code).not.toMatch(/title="[^"]*"[^ >]/);
    const attributes = iframeAttributes(code);
    expect(attributes.title).toBe('Carte "ESS" <b>&</b> \'partenaires\'');
    expect(new URL(attributes.src ?? '').searchParams.get('q')).toBe('"><script>alert(1)</script>');
  });

  it('keeps the height within sensible bounds', () => {
    expect(iframeAttributes(buildEmbedCode({ pageUrl, filters, height: 10 })).height).toBe('250');
    expect(iframeAttributes(buildEmbedCode({ pageUrl, filters, height: 99999 })).height).toBe('2000');
    expect(iframeAttributes(buildEmbedCode({ pageUrl, filters, height: Number.NaN })).height).toBe('600');
  });

  it('adds the helper script beside the app when automatic height is asked', () => {
    const code = buildEmbedCode({ pageUrl, filters, autoHeight: true });
    expect(code).toContain('<script src="https://carte.example.org/ess/embed.js" async></script>');
    expect(buildEmbedCode({ pageUrl, filters })).not.toContain('<script');
  });

  it('escapes the five HTML-sensitive characters', () => {
    expect(escapeHtmlAttribute(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('full map link', () => {
  it('drops the embed parameters and keeps filters, selection and camera', () => {
    const url = new URL(fullMapUrl('https://carte.example.org/?themes=mobilite&embed=1&lock=1&filters=open&parentOrigin=https%3A%2F%2Fa.fr&id=x#8/48/5'));
    expect(url.searchParams.get('embed')).toBeNull();
    expect(url.searchParams.get('lock')).toBeNull();
    expect(url.searchParams.get('filters')).toBeNull();
    expect(url.searchParams.get('parentOrigin')).toBeNull();
    expect(url.searchParams.get('themes')).toBe('mobilite');
    expect(url.searchParams.get('id')).toBe('x');
    expect(url.hash).toBe('#8/48/5');
  });

  it('reads the filter panel settings from the URL', () => {
    expect(parseEmbedSettings('?embed=1')).toEqual({ filtersPanel: 'folded' });
    expect(parseEmbedSettings('?embed=1&filters=open')).toEqual({ filtersPanel: 'open' });
    expect(parseEmbedSettings('?embed=1&filters=open&lock=1')).toEqual({ filtersPanel: 'locked' });
  });
});
