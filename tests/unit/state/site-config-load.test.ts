import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sendEarlyRequest } from '../../../src/state/early-requests';
import { loadSiteConfig } from '../../../src/state/site-config';

// A real HTTP server and the real fetch, as the page meets them.
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url?.startsWith('/stalled/config.json')) return; // never answers
    if (request.url === '/ok/config.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ title: 'Réseau test', basemap: 'offline' }));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('loadSiteConfig', () => {
  it('gives the defaults, with one warning, when config.json never answers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await expect(loadSiteConfig(`${origin}/stalled/config.json`, 200)).resolves.toEqual({});
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/config\.json ne répond pas/);
    } finally {
      warn.mockRestore();
    }
  });

  it('applies its time limit to the request the entry script sent early', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const url = `${origin}/stalled/config.json?early`;
      sendEarlyRequest(url, { cache: 'no-cache' });
      await expect(loadSiteConfig(url, 200)).resolves.toEqual({});
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/config\.json ne répond pas/);
    } finally {
      warn.mockRestore();
    }
  });

  it('reads a config that answers in time', async () => {
    await expect(loadSiteConfig(`${origin}/ok/config.json`, 2000)).resolves.toEqual({ title: 'Réseau test', basemap: 'offline' });
  });

  it('says nothing when there is no config.json', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await expect(loadSiteConfig(`${origin}/none/config.json`, 2000)).resolves.toEqual({});
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
