/**
 * Why the map cannot start on this host, in words: MapLibre draws in a module worker, and a
 * browser refuses a module worker whose script comes with a non-JavaScript type (a stock server
 * that does not know the file's extension), a 404, or a Content-Security-Policy without
 * `worker-src`. MapLibre itself then waits forever; this check turns that into a message.
 */
import { useEffect, useState } from 'react';

export const MAP_START_FAILED_PREFIX = 'La carte n’a pas pu démarrer : ';

const JAVASCRIPT_TYPE = /^\s*(text|application)\/(javascript|ecmascript|x-javascript)\s*(;|$)/i;

/** What a HEAD of the worker script answered. */
export interface WorkerScriptResponse {
  status: number;
  contentType: string | null;
}

/** The reason the worker script cannot run, in French, or null when its response is fine. */
export function workerScriptProblem(fileName: string, response: WorkerScriptResponse): string | null {
  if (response.status === 404 || response.status === 410) {
    return `le fichier ${fileName} est introuvable sur le serveur (erreur ${response.status}).`;
  }
  if (response.status >= 400) return `le serveur refuse le fichier ${fileName} (erreur ${response.status}).`;
  if (!JAVASCRIPT_TYPE.test(response.contentType ?? '')) {
    const sent = response.contentType ? `« ${response.contentType.split(';')[0]?.trim()} »` : 'aucun type';
    return `le serveur envoie ${fileName} avec ${sent} au lieu d’un type JavaScript ; l’hébergeur doit corriger sa configuration (voir docs/deploy.md).`;
  }
  return null;
}

/** The reason a Content-Security-Policy violation stops the map, or null when it is unrelated. */
export function policyProblem(directive: string, blockedUrl: string, workerUrl: string): string | null {
  const blocksWorker = directive.startsWith('worker-src') || (directive.startsWith('script-src') && blockedUrl === workerUrl);
  if (!blocksWorker) return null;
  return 'la politique de sécurité du site (Content-Security-Policy) bloque le programme de dessin de la carte ; ajoutez « worker-src \'self\' blob: » (voir docs/deploy.md).';
}

function fileNameOf(url: string): string {
  const path = new URL(url, document.baseURI).pathname;
  return path.slice(path.lastIndexOf('/') + 1) || path;
}

/** Checks the worker script once, and listens for policy violations; returns the problem seen, if any. */
export function useMapStartProblem(workerUrl: string): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const absolute = new URL(workerUrl, document.baseURI).href;
    // Only for files served over http(s) by the app's own host (not a dev server's in-memory module).
    if (/^https?:/.test(absolute)) {
      fetch(absolute, { method: 'HEAD', signal: controller.signal, cache: 'no-store' })
        .then((response) => {
          const found = workerScriptProblem(fileNameOf(absolute), { status: response.status, contentType: response.headers.get('content-type') });
          if (found) setProblem(found);
        })
        // Offline or aborted: MapLibre's own loading says more than a failed probe would.
        .catch(() => {});
    }
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      const found = policyProblem(event.effectiveDirective || event.violatedDirective, event.blockedURI, absolute);
      if (found) setProblem(found);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => {
      controller.abort();
      document.removeEventListener('securitypolicyviolation', onViolation);
    };
  }, [workerUrl]);
  return problem;
}
