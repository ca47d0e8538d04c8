import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { CONTENT_TYPES } from '../../../scripts/headless-web';


export interface StaticServerOptions {
  root: string;
  /** Extra headers on every response (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** Text replacements applied to served HTML files (e.g. the app's origin in a partner page). */
  htmlReplacements?: Record<string, string>;
}

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/** A minimal static file server on 127.0.0.1 and a random port: what a partner's static host does. */
export async function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!path.startsWith(root)) {
        response.writeHead(403).end();
        return;
      }
      if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
      if (!existsSync(path)) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': 'no-store', ...options.headers };
      if (type.startsWith('text/html') && options.htmlReplacements) {
        let html = await readFile(path, 'utf8');
        for (const [from, to] of Object.entries(options.htmlReplacements)) html = html.split(from).join(to);
        response.writeHead(200, headers).end(html);
        return;
      }
      response.writeHead(200, headers);
      createReadStream(path).pipe(response);
    })().catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolveClose) => server.close(() => resolveClose())),
  };
}
