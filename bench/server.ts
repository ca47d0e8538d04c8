/** A tiny static file server on 127.0.0.1 and a random port, for the app and the peer pages. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_TYPES } from '../scripts/headless-web';


export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves each URL prefix from its directory, or a single file when the mount target is a file.
 * Longest prefix wins. Paths that climb out of a mount are refused.
 */
export async function startStaticServer(mounts: Record<string, string>): Promise<StaticServer> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const prefix = prefixes.find((candidate) => pathname === candidate || pathname.startsWith(candidate.endsWith('/') ? candidate : `${candidate}/`));
    if (prefix === undefined) {
      response.writeHead(404).end('not found');
      return;
    }
    const root = mounts[prefix] as string;
    let filePath = root;
    if (existsSync(root) && statSync(root).isDirectory()) {
      const relative = normalize(pathname.slice(prefix.length)).replace(/^([/\\])+/, '');
      filePath = join(root, relative);
      if (!filePath.startsWith(root.endsWith(sep) ? root : root + sep) && filePath !== root) {
        response.writeHead(403).end('forbidden');
        return;
      }
      if (existsSync(filePath) && statSync(filePath).isDirectory()) filePath = join(filePath, 'index.html');
    }
    if (!existsSync(filePath)) {
      response.writeHead(404).end('not found');
      return;
    }
    const size = statSync(filePath).size;
    const contentType = CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream';
    // `bytes=A-B` and `bytes=A-`, as static servers answer them (the app reads the compact file so).
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    const from = range ? Number(range[1]) : 0;
    const to = range?.[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (range && from <= to) {
      response.writeHead(206, { 'content-type': contentType, 'content-length': to - from + 1, 'content-range': `bytes ${from}-${to}/${size}`, 'cache-control': 'no-store' });
      createReadStream(filePath, { start: from, end: to }).pipe(response);
      return;
    }
    response.writeHead(200, { 'content-type': contentType, 'content-length': size, 'cache-control': 'no-store', 'accept-ranges': 'bytes' });
    createReadStream(filePath).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
