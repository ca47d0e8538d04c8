import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer, type RunningServer } from './support/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eAvailable: boolean;
    chromiumPath: string;
    appUrl: string;
    partnerUrl: string;
    distDirectory: string;
  }
}

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * Builds the app once (bundled data included) into a private folder, serves it on one
 * localhost origin and the partner fixture page on a second origin.
 */
export default async function setup(project: TestProject) {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  project.provide('chromiumPath', chromiumPath);
  if (!existsSync(chromiumPath)) {
    const message = `No Chromium at ${chromiumPath}: the end-to-end tests cannot run (apt-get install chromium).`;
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(`\n${'!'.repeat(80)}\n!! ${message}\n!! Every browser test is SKIPPED.\n${'!'.repeat(80)}\n`);
    project.provide('e2eAvailable', false);
    project.provide('appUrl', '');
    project.provide('partnerUrl', '');
    project.provide('distDirectory', '');
    return;
  }

  // E2E_DIST reuses an existing build while iterating on tests.
  let distDirectory = process.env.E2E_DIST ?? '';
  let ownBuild = false;
  if (!distDirectory) {
    distDirectory = mkdtempSync(join(tmpdir(), 'carte-ess-e2e-'));
    ownBuild = true;
    execFileSync('npm', ['run', '--silent', 'data:bundled'], { cwd: projectRoot, stdio: 'inherit' });
    execFileSync('npx', ['vite', 'build', '--outDir', distDirectory, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: projectRoot,
      stdio: 'inherit',
      // Test hooks (e.g. a shorter download watchdog, src/state/load-initiatives.ts); absent from real builds.
      // NODE_ENV: Vitest sets it to 'test', which would bundle React's development build (effects run
      // twice, so a spec's « first request stalls » is answered by the second): test what people get.
      env: { ...process.env, NODE_ENV: 'production', VITE_E2E_HOOKS: '1' },
    });
  }

  const servers: RunningServer[] = [];
  const app = await startStaticServer({ root: distDirectory });
  servers.push(app);
  const partner = await startStaticServer({
    root: join(projectRoot, 'tests/e2e/fixtures/partner'),
    htmlReplacements: { __APP_URL__: app.url },
  });
  servers.push(partner);

  project.provide('e2eAvailable', true);
  project.provide('appUrl', app.url);
  project.provide('partnerUrl', partner.url);
  project.provide('distDirectory', distDirectory);

  return async () => {
    await Promise.all(servers.map((server) => server.close()));
    if (ownBuild) rmSync(distDirectory, { recursive: true, force: true });
  };
}
