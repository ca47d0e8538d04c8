/**
 * Debian's real nginx and Apache, started on loopback ports with private configurations built
 * from the stock ones (the system services and their files are left alone), serving the site
 * blocks that docs/deploy.md gives to readers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { programPath } from './programs';

export interface RealServer {
  url: string;
  /** The server's error log, for failure messages. */
  log: () => string;
  close: () => Promise<void>;
}

/** A free TCP port on 127.0.0.1 (bound and released at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  return port;
}

/**
 * The fenced code blocks of a markdown page, each found by the HTML comment just before it:
 * `<!-- deploy-test: NAME -->` then a fence. The readers see the blocks; the tests run them.
 */
export function markedBlocks(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  const pattern = /<!--\s*deploy-test:\s*([\w-]+)\s*-->\s*\n```[^\n]*\n([\s\S]*?)\n```/g;
  for (const match of markdown.matchAll(pattern)) blocks.set(match[1] ?? '', match[2] ?? '');
  return blocks;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

async function waitForPort(url: string, child: ChildProcess, log: () => string): Promise<void> {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    if (exited) throw new Error(`the server exited at start:\n${log()}`);
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    }
  }
  throw new Error(`the server did not answer at ${url}:\n${log()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}

function readLog(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8').slice(-4000) : '(no log)';
}

/**
 * nginx with Debian's stock nginx.conf (its `http` block: mime.types, default type, gzip on), the
 * site file in place of `sites-enabled`, and its pid, logs and temporary files in `directory`.
 */
export async function startNginx(directory: string, siteConfig: string, port: number): Promise<RealServer> {
  mkdirSync(directory, { recursive: true });
  const errorLog = join(directory, 'error.log');
  const stock = readFileSync('/etc/nginx/nginx.conf', 'utf8');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `\t${kind}_temp_path ${join(directory, kind)};`).join('\n');
  const config = stock
    .replace(/^user\s+[^;]*;/m, isRoot() ? 'user root;' : '')
    .replace(/^pid\s+[^;]*;/m, `pid ${join(directory, 'nginx.pid')};`)
    .replace(/^error_log\s+[^;]*;/m, `error_log ${errorLog};`)
    .replace(/access_log\s+[^;]*;/, `access_log ${join(directory, 'access.log')};`)
    .replace(/^\s*include \/etc\/nginx\/conf\.d\/[^;]*;/m, '')
    .replace(/^(\s*)include \/etc\/nginx\/sites-enabled\/[^;]*;/m, `$1include ${join(directory, 'site.conf')};\n${temp}`);
  writeFileSync(join(directory, 'nginx.conf'), config);
  writeFileSync(join(directory, 'site.conf'), siteConfig);
  const child = spawn(programPath('nginx') ?? 'nginx', ['-e', errorLog, '-c', join(directory, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const log = () => `${stderr}\n${readLog(errorLog)}`;
  const url = `http://127.0.0.1:${port}/`;
  await waitForPort(url, child, log);
  return { url, log, close: () => stop(child) };
}

/**
 * Apache with Debian's default modules (those enabled in /etc/apache2/mods-enabled) plus the
 * ones named, as `a2enmod` would enable them, and the site directives; everything it writes
 * goes to `directory`.
 */
export async function startApache(directory: string, siteConfig: string, port: number, extraModules: string[]): Promise<RealServer> {
  mkdirSync(directory, { recursive: true });
  const errorLog = join(directory, 'error.log');
  const enabled = readdirSync('/etc/apache2/mods-enabled');
  const loads = enabled.filter((file) => file.endsWith('.load')).map((file) => `Include /etc/apache2/mods-enabled/${file}`);
  const confs = enabled.filter((file) => file.endsWith('.conf')).map((file) => `Include /etc/apache2/mods-enabled/${file}`);
  for (const module of extraModules) {
    if (enabled.includes(`${module}.load`)) continue;
    loads.push(`Include /etc/apache2/mods-available/${module}.load`);
    if (existsSync(`/etc/apache2/mods-available/${module}.conf`)) confs.push(`Include /etc/apache2/mods-available/${module}.conf`);
  }
  const config = [
    'ServerRoot /etc/apache2',
    `DefaultRuntimeDir ${directory}`,
    `PidFile ${join(directory, 'apache2.pid')}`,
    `Mutex file:${directory} default`,
    `ErrorLog ${errorLog}`,
    'LogLevel warn',
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    ...(isRoot() ? ['User www-data', 'Group www-data'] : []),
    ...loads,
    ...confs,
    // As Debian's apache2.conf: nothing outside the site's own <Directory> is served or overridable.
    '<Directory />\n  Options FollowSymLinks\n  AllowOverride None\n  Require all denied\n</Directory>',
    'AccessFileName .htaccess',
    siteConfig,
  ].join('\n');
  writeFileSync(join(directory, 'apache2.conf'), config);
  const child = spawn(programPath('apache2') ?? 'apache2', ['-f', join(directory, 'apache2.conf'), '-DFOREGROUND'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, APACHE_RUN_DIR: directory, APACHE_LOCK_DIR: directory, APACHE_LOG_DIR: directory },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const log = () => `${stderr}\n${readLog(errorLog)}`;
  const url = `http://127.0.0.1:${port}/`;
  await waitForPort(url, child, log);
  return { url, log, close: () => stop(child) };
}
