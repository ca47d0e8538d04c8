/**
 * Programs some end-to-end specs need besides Chromium (Debian's nginx, Apache, LibreOffice,
 * GDAL). Like the browser: missing ones are reported loudly and their specs skipped, or fail
 * the run when CI=true (`.ci/run` and scripts/setup-test-machine.sh install them).
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, it } from 'vitest';
import { describeE2E } from '../driver';

/** The full path of a program found on PATH or in the sbin folders (nginx, apache2 live there), or null. */
export function programPath(name: string): string | null {
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin'];
  for (const folder of folders) {
    if (folder && existsSync(join(folder, name))) return join(folder, name);
  }
  return null;
}

/** `describeE2E` for specs that also need these programs. */
export function describeWithPrograms(name: string, programs: string[], body: () => void): void {
  const missing = programs.filter((program) => programPath(program) === null);
  if (missing.length === 0) {
    describeE2E(name, body);
    return;
  }
  const message = `${name}: missing ${missing.join(', ')} (apt-get install ${missing.join(' ')}, or scripts/setup-test-machine.sh).`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('has the programs it needs', () => {
        throw new Error(message);
      });
    });
    return;
  }
  console.warn(`\n${'!'.repeat(80)}\n!! ${message}\n!! These tests are SKIPPED.\n${'!'.repeat(80)}\n`);
  describe.skip(`${name} (missing ${missing.join(', ')})`, body);
}
