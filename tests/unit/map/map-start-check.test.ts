import { describe, expect, it } from 'vitest';
import { policyProblem, workerScriptProblem } from '../../../src/map/map-start-check';

const WORKER = 'maplibre-gl-worker-abc.js';

describe('workerScriptProblem', () => {
  it('accepts the JavaScript types servers send', () => {
    for (const contentType of ['text/javascript', 'application/javascript; charset=utf-8', 'text/ecmascript', 'application/x-javascript']) {
      expect(workerScriptProblem(WORKER, { status: 200, contentType })).toBeNull();
    }
    expect(workerScriptProblem(WORKER, { status: 304, contentType: 'text/javascript' })).toBeNull();
  });

  it('names the wrong type a stock server sends for an unknown extension', () => {
    const problem = workerScriptProblem(WORKER, { status: 200, contentType: 'application/octet-stream' });
    expect(problem).toContain('« application/octet-stream »');
    expect(problem).toContain(WORKER);
    expect(workerScriptProblem(WORKER, { status: 200, contentType: null })).toContain('aucun type');
    expect(workerScriptProblem(WORKER, { status: 200, contentType: 'text/plain' })).toContain('text/plain');
  });

  it('says a missing or refused file with its HTTP status', () => {
    expect(workerScriptProblem(WORKER, { status: 404, contentType: 'text/html' })).toMatch(/introuvable.*404/);
    expect(workerScriptProblem(WORKER, { status: 403, contentType: 'text/html' })).toMatch(/refuse.*403/);
  });
});

describe('policyProblem', () => {
  it('reports a policy that blocks the worker, and only that', () => {
    expect(policyProblem('worker-src', 'blob', 'http://x/assets/w.js')).toContain('worker-src');
    expect(policyProblem('script-src-elem', 'http://x/assets/w.js', 'http://x/assets/w.js')).toContain('Content-Security-Policy');
    expect(policyProblem('img-src', 'https://tiles.example/a.png', 'http://x/assets/w.js')).toBeNull();
    expect(policyProblem('script-src-elem', 'http://x/other.js', 'http://x/assets/w.js')).toBeNull();
  });
});
