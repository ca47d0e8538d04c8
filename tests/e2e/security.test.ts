import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { inject } from 'vitest';
import { aCollection, aFeature } from '../support/builders';
import { bundledFeatures, describeE2E } from './driver';
import { startStaticServer } from './support/static-server';

const PAYLOAD_IMG = '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">';
const PAYLOAD_SVG = '<svg onload="window.__pwned=(window.__pwned||0)+1"></svg>';
const HOSTILE_LINKS = [
  'javascript:window.__pwned=1',
  ' JaVaScRiPt:window.__pwned=1',
  'java\tscript:window.__pwned=1',
  '&#106;avascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'vbscript:msgbox(1)',
];

function hostileFeature(index: number, website: string) {
  return aFeature({
    id: `hostile-${index}`,
    name: `${PAYLOAD_IMG} Initiative ${index}`,
    themes: ['tiers-lieux'],
    territory: 'rural',
    commune: `${PAYLOAD_SVG}Vaillant`,
    insee: '52499',
    department: '52',
    description: `${PAYLOAD_SVG} <b>gras</b> <script>window.__pwned=1</script>`,
    source: website,
    website,
    legalForm: PAYLOAD_IMG,
    longitude: 5.1 + index * 0.01,
    latitude: 47.8,
  });
}

const hostileCollection = aCollection(HOSTILE_LINKS.map((link, index) => hostileFeature(index, link)));

describeE2E('hostile data and URLs', (browser) => {
  it('shows hostile text literally in the list and runs none of it', async () => {
    const app = await browser.open({ data: hostileCollection, query: 'basemap=offline' });
    expect(await app.count()).toBe(HOSTILE_LINKS.length);
    const firstName = app.page.getByRole('button', { name: /Initiative 0/ }).first();
    await firstName.waitFor();
    expect(await firstName.textContent()).toContain('<img src=x onerror=');
    expect(await app.page.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);
    expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it.each(HOSTILE_LINKS.map((link, index) => [index, link] as const))(
    'opens the details of a record whose website is %#, %s, without a followable unsafe link',
    async (index) => {
      const app = await browser.open({ data: hostileCollection, query: `id=hostile-${index}&basemap=offline` });
      const heading = app.page.getByRole('heading', { name: new RegExp(`Initiative ${index}`) });
      await heading.waitFor();
      expect(await heading.textContent()).toContain('<img src=x onerror=');
      const hrefs = await app.page.$$eval('a[href]', (anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
      for (const href of hrefs) {
        expect(href.trim().toLowerCase()).not.toMatch(/^(javascript|data|vbscript|&#)/);
        expect(href).not.toContain('__pwned');
      }
      // Clicking every link in the details panel (same-origin ones only) must not run anything either.
      expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    },
  );

  it('survives random, oversized and injection values in every URL parameter', async () => {
    const parameterNames = ['themes', 'territoire', 'dep', 'match', 'q', 'id', 'embed', 'basemap', 'lock'];
    const hostileValue = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '%', '%E0%A4%A', '..%2F..%2F', 'javascript:alert(1)', '\u0000', 'constructor', '__proto__', ',,,,', 'x'.repeat(5000)),
    );
    const queries = fc.sample(fc.dictionary(fc.constantFrom(...parameterNames), hostileValue, { minKeys: 1 }), { numRuns: 8, seed: 20261127 });
    const app = await browser.open({ query: 'basemap=offline' });
    const total = bundledFeatures().length;
    expect(await app.count()).toBe(total);
    for (const query of queries) {
      const search = Object.entries(query).map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
      await app.page.goto(`${inject('appUrl')}?${search}#${encodeURIComponent('zz/abc/<svg>')}`);
      const count = await app.count();
      expect(count).toBeGreaterThanOrEqual(0);
      expect(count).toBeLessThanOrEqual(total);
    }
    const raw = ['themes=%', 'dep=%ZZ&themes=mobilite%', `q=${'%C3%A9'.repeat(1000)}`];
    for (const search of raw) {
      await app.page.goto(`${inject('appUrl')}?${search}`);
      expect(await app.count()).toBeLessThanOrEqual(total);
    }
    expect(app.errors.filter((error) => !/Failed to load resource|net::ERR/.test(error))).toEqual([]);
  }, 240_000);

  it('runs under the strict Content-Security-Policy of public/_headers', async () => {
    const headersFile = readFileSync(resolve(import.meta.dirname, '../../public/_headers'), 'utf8');
    const policy = /Content-Security-Policy:\s*(.+)/.exec(headersFile)?.[1]?.trim() ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("'unsafe-eval'");
    const server = await startStaticServer({ root: inject('distDirectory'), headers: { 'Content-Security-Policy': policy } });
    try {
      const app = await browser.open({ url: `${server.url}?basemap=offline` });
      await app.page.addInitScript(() => {
        (window as unknown as { __violations: string[] }).__violations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await app.page.reload();
      expect(await app.count()).toBe(bundledFeatures().length);
      await app.waitForMapIdle();
      const violations = await app.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      expect(violations).toEqual([]);
      expect(app.errors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
