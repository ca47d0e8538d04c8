import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Strict typing and the import-direction lint rules are part of the architecture:
// they run with the tests so a violation fails CI like any other regression.
function run(command: string, args: string[], input?: string): { code: number; output: string } {
  try {
    const output = execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe', input });
    return { code: 0, output };
  } catch (error) {
    const failure = error as { status?: number; stdout?: string; stderr?: string };
    return { code: failure.status ?? 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

/** A source of `count` lines, each a statement of its own. */
function linesOfCode(count: number): string {
  return Array.from({ length: count }, (_, line) => `export const line${line} = ${line};\n`).join('');
}

/** A function of `count` lines, its signature and closing brace included. */
function functionOfLines(count: number): string {
  const body = Array.from({ length: count - 4 }, (_, line) => `  sum += ${line};\n`).join('');
  return `export function probe(): number {\n  let sum = 0;\n${body}  return sum;\n}\n`;
}

describe('tooling', () => {
  it('type-checks under strict TypeScript', () => {
    const result = run('npx', ['tsc', '--noEmit', '-p', '.']);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  }, 180_000);

  it('passes the lint rules that enforce the import direction', () => {
    const result = run('npx', ['eslint', '.', '--max-warnings', '0']);
    expect(result.output.trim()).toBe('');
    expect(result.code).toBe(0);
  }, 180_000);

  it.each([
    ['src/domain/probe.ts', "import { useState } from 'react';\nexport const probe = useState;\n", 'no React'],
    ['src/features/probe.ts', "import { Map } from 'maplibre-gl';\nexport const probe = Map;\n", 'Only src/map imports MapLibre'],
    ['src/state/probe.ts', "import { main } from '../pipeline/cli';\nexport const probe = main;\n", 'never imported by browser code'],
    ['src/features/probe.ts', "import { getGeocoder } from '../pipeline/geocoder';\nexport const probe = getGeocoder;\n", 'never imported by browser code'],
    ['src/pipeline/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n", 'no Node built-ins'],
    ['src/pipeline/core/probe.ts', "import { getGeocoder } from '../geocoder';\nexport const probe = getGeocoder;\n", 'never the Node side of the pipeline'],
    ['src/pipeline/core/probe.ts', "export const probe = Buffer.from('x');\n", "Unexpected use of 'Buffer'"],
    ['src/features/probe.ts', "import { cameraCall } from '../map/camera';\nexport const probe = cameraCall;\n", 'Features do not reach into src/map'],
    ['src/map/probe.ts', "import { downloadText } from '../features/export/download';\nexport const probe = downloadText;\n", 'never on the UI around it'],
    ['src/app/probe.ts', "import { BASEMAPS } from '../map/basemaps';\nexport const probe = BASEMAPS;\n", 'only by its entry'],
    ['src/domain/probe.ts', "import fc from 'fast-check';\nexport const probe = fc;\n", "'fast-check' should be listed in the project's dependencies, not devDependencies"],
    ['tests/unit/probe.ts', "import { parse } from 'acorn';\nexport const probe = parse;\n", "'acorn' should be listed in the project's dependencies"],
    ['src/features/probe.ts', linesOfCode(301), 'File has too many lines (301). Maximum allowed is 300'],
    ['src/pipeline/core/probe.ts', functionOfLines(151), "Function 'probe' has too many lines (151). Maximum allowed is 150"],
  ])('rejects a forbidden source in %s (%#)', (filename, source, reason) => {
    const result = run('npx', ['eslint', '--stdin', '--stdin-filename', filename], source);
    expect(result.code).toBe(1);
    expect(result.output).toContain(reason);
  }, 60_000);

  it('rejects an import cycle', () => {
    // Two real files (a cycle needs both ends on disk), removed whatever happens.
    const stem = `src/domain/cycle-probe-${process.pid}`;
    const files = [`${stem}-a.ts`, `${stem}-b.ts`];
    try {
      writeFileSync(files[0] as string, `import { b } from './cycle-probe-${process.pid}-b';\nexport const a = () => b;\n`);
      writeFileSync(files[1] as string, `import { a } from './cycle-probe-${process.pid}-a';\nexport const b = () => a;\n`);
      const result = run('npx', ['eslint', ...files]);
      expect(result.code).toBe(1);
      expect(result.output).toContain('import-x/no-cycle');
    } finally {
      for (const file of files) rmSync(file, { force: true });
    }
  }, 60_000);

  it('accepts a file of 300 lines holding a function of 150', () => {
    const source = functionOfLines(150) + linesOfCode(150);
    expect(source.split('\n')).toHaveLength(301);
    const result = run('npx', ['eslint', '--stdin', '--stdin-filename', 'src/domain/probe.ts', '--max-warnings', '0'], source);
    expect(result.output.trim()).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);

  it('lets browser code import the pure pipeline core', () => {
    const source = "import { Geocoder } from '../pipeline/core/geocoder';\nexport const probe = Geocoder;\n";
    const result = run('npx', ['eslint', '--stdin', '--stdin-filename', 'src/features/probe.ts', '--max-warnings', '0'], source);
    expect(result.output.trim()).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);
});
