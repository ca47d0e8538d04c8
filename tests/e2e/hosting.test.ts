/**
 * docs/deploy.md, word for word: its nginx and Apache blocks, pasted into Debian's stock servers,
 * serve the build at the root and under /carte/ with the right types, the security headers on
 * the page, compression and caching, and a drawn map. A badly served worker is said in words.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { parseInitiativesCollection } from '../../src/domain/geojson';
import { nameOrder } from '../../src/domain/sort-orders';
import { writeCompactBeside } from '../../src/pipeline/compact-file';
import { bundledFeatures, useBrowser } from './driver';
import { describeWithPrograms } from './support/programs';
import { freePort, markedBlocks, startApache, startNginx, type RealServer } from './support/real-servers';

const projectRoot = resolve(import.meta.dirname, '../..');
const DOC_SITE = '/srv/carte-ess/dist';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/** One GET as a browser asks (gzip accepted); the body is drained, not decoded. */
function request(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolveAnswer, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip, deflate', ...headers } }, (response) => {
      response.resume();
      response.on('end', () => resolveAnswer({ status: response.statusCode ?? 0, headers: response.headers }));
    }).on('error', reject);
  });
}

function header(answer: Answer, name: string): string {
  const value = answer.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function documentedPolicy(): string {
  const headersFile = readFileSync(join(projectRoot, 'public/_headers'), 'utf8');
  return /Content-Security-Policy:\s*(.+)/.exec(headersFile)?.[1]?.trim() ?? '';
}

function block(blocks: Map<string, string>, name: string): string {
  const text = blocks.get(name);
  if (!text) throw new Error(`docs/deploy.md has no block marked <!-- deploy-test: ${name} -->`);
  return text;
}

describeWithPrograms('hosting as docs/deploy.md documents it', ['nginx', 'apache2'], () => {
  const browser = useBrowser();
  let workDirectory: string;
  let site: string;
  const servers: RealServer[] = [];
  const bases: Record<string, string> = {};
  let assets: { script: string; style: string; worker: string };

  beforeAll(async () => {
    const blocks = markedBlocks(readFileSync(join(projectRoot, 'docs/deploy.md'), 'utf8'));
    // The build, copied where the documented paths point (inside a private folder the servers' users can read).
    workDirectory = mkdtempSync(join(tmpdir(), 'carte-ess-hosting-'));
    chmodSync(workDirectory, 0o755);
    site = join(workDirectory, 'site');
    cpSync(inject('distDirectory'), site, { recursive: true });
    // The copy keeps the build folder's mode, 0700 when the e2e setup made it with mkdtemp:
    // Apache's www-data must be able to read the site, as on a real host.
    chmodSync(site, 0o755);
    // Published as `npm run data -- --compact` does: the page reads the compact file, its details by an HTTP range.
    await writeCompactBeside(join(site, 'data/initiatives.geojson'));
    const html = readFileSync(join(site, 'index.html'), 'utf8');
    const built = readdirSync(join(site, 'assets'));
    const worker = built.find((file) => file.startsWith('maplibre-gl-worker-')) ?? '';
    assets = {
      script: /<script[^>]+src="\.\/([^"]+)"/.exec(html)?.[1] ?? '',
      // The app's stylesheet is loaded with the app's code (src/app/boot.ts), not linked from index.html.
      style: `assets/${built.find((file) => file.endsWith('.css')) ?? ''}`,
      worker: `assets/${worker}`,
    };
    const paste = (text: string) => text.split(DOC_SITE).join(site);

    // nginx: the documented server block on one port; the sub-path location inside a bare server on another;
    // a third copy of the server block that sends the worker with a wrong type.
    const [rootPort, subPort, brokenPort, apachePort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const serverBlock = paste(block(blocks, 'nginx-server'));
    const withPort = (text: string, port: number) => text.replace(/listen 80;/, `listen 127.0.0.1:${port};`);
    // (First among the regex locations: nginx uses the first one that matches.)
    const wrongWorkerType = withPort(serverBlock, brokenPort).replace(
      /^server \{\n/,
      'server {\n  location ~ maplibre-gl-worker { types { } default_type application/octet-stream; }\n',
    );
    mkdirSync(join(workDirectory, 'empty'));
    const nginx = await startNginx(
      join(workDirectory, 'nginx'),
      [
        withPort(serverBlock, rootPort),
        `server {\n  listen 127.0.0.1:${subPort};\n  root ${join(workDirectory, 'empty')};\n${paste(block(blocks, 'nginx-subpath'))}\n}`,
        wrongWorkerType,
      ].join('\n'),
      rootPort,
    );
    servers.push(nginx);
    bases['nginx /'] = nginx.url;
    bases['nginx /carte/'] = `http://127.0.0.1:${subPort}/carte/`;
    bases['nginx, worker with a wrong type'] = `http://127.0.0.1:${brokenPort}/`;

    // Apache: Debian's default modules plus those the page tells to a2enmod; the documented <Directory> and Alias.
    const modules = /a2enmod\s+([\w\s]+?)\n/.exec(block(blocks, 'apache-modules'))?.[1]?.trim().split(/\s+/) ?? [];
    const apache = await startApache(
      join(workDirectory, 'apache'),
      `<VirtualHost 127.0.0.1:${apachePort}>\n${paste(block(blocks, 'apache-directory'))}\n${paste(block(blocks, 'apache-subpath'))}\n</VirtualHost>`,
      apachePort,
      modules,
    );
    servers.push(apache);
    bases['apache /'] = apache.url;
    bases['apache /carte/'] = `${apache.url}carte/`;
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
  });

  for (const where of ['nginx /', 'nginx /carte/', 'apache /', 'apache /carte/']) {
    it(`${where}: types, security headers on the page, compression and caching`, async () => {
      const base = bases[where] ?? '';
      const page = await request(base);
      expect(page.status).toBe(200);
      expect(header(page, 'content-type')).toMatch(/^text\/html/);
      expect(header(page, 'content-security-policy')).toBe(documentedPolicy());
      expect(header(page, 'x-content-type-options')).toBe('nosniff');
      expect(header(page, 'referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(header(page, 'permissions-policy')).toContain('geolocation=(self)');
      expect(header(page, 'x-frame-options')).toBe('');
      expect(header(page, 'cache-control')).toContain('no-cache');

      const types: Array<[string, RegExp]> = [
        [assets.script, /^(text|application)\/javascript/],
        [assets.worker, /^(text|application)\/javascript/],
        [assets.style, /^text\/css/],
        ['data/initiatives.geojson', /^application\/geo\+json/],
        ['data/initiatives.compact.bin', /^application\/octet-stream/],
        ['data/communes.json', /^application\/json/],
        ['basemap/france.geojson', /^application\/geo\+json/],
      ];
      for (const [path, type] of types) {
        const answer = await request(base + path);
        expect({ path, status: answer.status, type: header(answer, 'content-type') }).toMatchObject({ path, status: 200, type: expect.stringMatching(type) });
        expect({ path, nosniff: header(answer, 'x-content-type-options') }).toEqual({ path, nosniff: 'nosniff' });
      }
      for (const path of [assets.script, assets.worker, 'data/initiatives.geojson', 'data/communes.json']) {
        expect({ path, encoding: header(await request(base + path), 'content-encoding') }).toEqual({ path, encoding: 'gzip' });
      }
      expect(header(await request(base + assets.script), 'cache-control')).toMatch(/max-age=31536000.*immutable/);
      expect(header(await request(base + 'data/initiatives.geojson'), 'cache-control')).toContain('no-cache');
      // The compact file: revalidated like the GeoJSON, and its details sent from where its core ends.
      expect(header(await request(base + 'data/initiatives.compact.bin'), 'cache-control')).toContain('no-cache');
      const range = await request(base + 'data/initiatives.compact.bin', { range: 'bytes=100-' });
      expect({ status: range.status, range: header(range, 'content-range') }).toMatchObject({ status: 206, range: expect.stringMatching(/^bytes 100-/) });
    });

    it(`${where}: draws the map in Chromium`, async () => {
      const app = await browser.open({ url: `${bases[where]}?basemap=offline` });
      await app.waitForMapIdle();
      expect(Number(await app.page.getAttribute('[data-testid="map"]', 'data-rendered-initiatives'))).toBeGreaterThan(0);
      // From the compact file, descriptions included (its details come by a range request).
      const { initiatives } = parseInitiativesCollection({ type: 'FeatureCollection', features: bundledFeatures() });
      const withDescription = [...nameOrder(initiatives)].map((position) => initiatives[position]).find((initiative) => (initiative?.description.length ?? 0) > 20);
      const details = await app.openDetailsFromList(withDescription?.name ?? '');
      await expect.poll(() => details.textContent(), { timeout: 10_000 }).toContain(withDescription?.description);
      expect(app.warnings.filter((warning) => warning.includes('compact'))).toEqual([]);
      expect(app.errors.filter((error) => /Content Security Policy|MIME/i.test(error))).toEqual([]);
    });
  }

  it('says in French why the map cannot start when the worker comes with a wrong type', async () => {
    const app = await browser.open({ url: `${bases['nginx, worker with a wrong type']}?basemap=offline` });
    const message = app.page.getByRole('alert').filter({ hasText: 'La carte n’a pas pu démarrer' });
    await message.waitFor({ timeout: 20_000 });
    expect(await message.textContent()).toContain('application/octet-stream');
    // The list stays usable.
    expect(await app.count()).toBeGreaterThan(0);
  });
});
