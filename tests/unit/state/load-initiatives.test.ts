import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendEarlyRequest } from '../../../src/state/early-requests';
import { loadInitiatives } from '../../../src/state/load-initiatives';
import { resetAppStore, useAppStore } from '../../../src/state/store';

// A real HTTP server and the real fetch: this is the path the page takes when it has no
// Worker (and the one the worker itself runs).
const feature = (id: string, department = '52') => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [5.14, 48.11] },
  properties: { id, name: `Initiative ${id}`, themes: ['mobilite'], territory: 'rural', commune: 'Chaumont', insee: '52121', department },
});

const ROUTES: Record<string, { status: number; body: string }> = {
  '/ok.geojson': { status: 200, body: JSON.stringify({ type: 'FeatureCollection', features: [feature('a'), feature('b', '2C'), feature('c')] }) },
  '/early.geojson': { status: 200, body: JSON.stringify({ type: 'FeatureCollection', features: [feature('e')] }) },
  '/broken.geojson': { status: 200, body: '{"type": "FeatureCollection", "features": [' },
  '/not-a-collection.geojson': { status: 200, body: JSON.stringify({ type: 'Feature' }) },
};

let server: Server;
let origin = '';
/** Requests the server received, by path. */
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.set(request.url ?? '', (hits.get(request.url ?? '') ?? 0) + 1);
    const route = ROUTES[request.url ?? ''];
    if (request.url === '/stalled-headers.geojson') return; // never answers
    if (request.url === '/stalled-body.geojson') {
      // Half a document, then nothing: the connection stays open.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"type": "FeatureCollection", "features": [');
      return;
    }
    if (request.url === '/trickle.geojson') {
      // A byte now and then, never the end: each byte is in time, the whole never is.
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => response.write(' '), 20);
      response.on('close', () => clearInterval(timer));
      return;
    }
    if (request.url === '/slow-missing.geojson') {
      setTimeout(() => response.writeHead(404).end('introuvable'), 300);
      return;
    }
    response.writeHead(route?.status ?? 404, { 'content-type': 'application/json' });
    response.end(route?.body ?? 'introuvable');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

beforeEach(() => resetAppStore());

describe('loading the initiatives', () => {
  it('stores the valid initiatives and warns about the skipped ones', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await loadInitiatives(`${origin}/ok.geojson`);
    const state = useAppStore.getState();
    expect(state.status).toBe('ready');
    expect(state.initiatives.map((initiative) => initiative.id)).toEqual(['a', 'c']);
    expect(state.visibleIndices).toEqual([0, 1]);
    expect(state.ignoredCount).toBe(1);
    expect(warn).toHaveBeenCalledWith('1 initiative ignorée : données invalides ; les premières raisons :', [expect.objectContaining({ index: 1 })]);
    warn.mockRestore();
  });

  it('explains a missing file in French with its HTTP status', async () => {
    await loadInitiatives(`${origin}/missing.geojson`);
    expect(useAppStore.getState()).toMatchObject({ status: 'error', errorMessage: expect.stringMatching(/introuvable ou indisponible \(erreur 404\)/) });
  });

  it('explains a file that is not JSON', async () => {
    await loadInitiatives(`${origin}/broken.geojson`);
    expect(useAppStore.getState().errorMessage).toMatch(/endommagé : ce n’est pas du JSON valide/);
  });

  it('explains JSON that is not a FeatureCollection', async () => {
    await loadInitiatives(`${origin}/not-a-collection.geojson`);
    expect(useAppStore.getState().errorMessage).toMatch(/n’est pas une FeatureCollection/);
  });

  it('explains an unreachable server', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await loadInitiatives(`http://127.0.0.1:${port}/ok.geojson`);
    expect(useAppStore.getState().errorMessage).toMatch(/Impossible de joindre le serveur/);
  });

  it('ends a download that receives nothing (no answer, or half a body) with a message, not a wait without end', async () => {
    const limits = { idleMs: 300, totalMs: 60_000 };
    for (const path of ['/stalled-headers.geojson', '/stalled-body.geojson']) {
      await loadInitiatives(`${origin}${path}`, limits);
      expect(useAppStore.getState(), path).toMatchObject({ status: 'error', errorMessage: expect.stringMatching(/bloqué : rien n’a été reçu/) });
    }
  });

  it('ends a download that never finishes, even if bytes keep coming', async () => {
    await loadInitiatives(`${origin}/trickle.geojson`, { idleMs: 10_000, totalMs: 500 });
    expect(useAppStore.getState()).toMatchObject({ status: 'error', errorMessage: expect.stringMatching(/a pris plus de \d+ secondes et a été abandonné/) });
  });

  it('reads the data the entry script asked for early, without asking the server again', async () => {
    const url = `${origin}/early.geojson`;
    sendEarlyRequest(url);
    await loadInitiatives(url);
    expect(useAppStore.getState().initiatives.map((initiative) => initiative.id)).toEqual(['e']);
    expect(hits.get('/early.geojson')).toBe(1);
  });

  it('ends an early request that receives nothing with the same message', async () => {
    const url = `${origin}/stalled-headers.geojson`;
    sendEarlyRequest(url);
    await loadInitiatives(url, { idleMs: 300, totalMs: 60_000 });
    expect(useAppStore.getState()).toMatchObject({ status: 'error', errorMessage: expect.stringMatching(/bloqué : rien n’a été reçu/) });
  });

  it('keeps the newest of two overlapping loads when the older answers last', async () => {
    const first = loadInitiatives(`${origin}/slow-missing.geojson`);
    const second = loadInitiatives(`${origin}/ok.geojson`);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await Promise.all([first, second]);
    expect(useAppStore.getState().status).toBe('ready');
  });
});
