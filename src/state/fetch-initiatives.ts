import { parseInitiativesCollection, type ParsedCollection } from '../domain/geojson';
import { takeOrSendRequest } from './early-requests';

/** What loading the data came to: the validated initiatives, or a readable French message. */
export type LoadOutcome = ({ ok: true; updated?: string } & ParsedCollection) | { ok: false; message: string };

export type Milestone = (name: string) => void;

/** How long a data download may go without receiving a byte, and how long it may take in all. */
export interface DownloadLimits {
  idleMs: number;
  totalMs: number;
}

export const DOWNLOAD_LIMITS: DownloadLimits = { idleMs: 20_000, totalMs: 60_000 };

const MESSAGES = {
  unreachable: 'Impossible de joindre le serveur pour charger les initiatives. Vérifiez votre connexion puis réessayez.',
  idle: (limits: DownloadLimits) =>
    `Le chargement des initiatives est bloqué : rien n’a été reçu depuis ${Math.round(limits.idleMs / 1000)} secondes. Vérifiez votre connexion puis réessayez.`,
  total: (limits: DownloadLimits) =>
    `Le chargement des initiatives a pris plus de ${Math.round(limits.totalMs / 1000)} secondes et a été abandonné. Vérifiez votre connexion puis réessayez.`,
};

export interface RequestOptions {
  /** Sent with the request (a `Range`). */
  headers?: Record<string, string>;
  /** The body will be read by the browser in one piece (`arrayBuffer()`): only the total time limit applies to it. */
  wholeBody?: boolean;
}

export type RequestOutcome = { ok: true; response: Response; stalled: () => string | null } | { ok: false; message: string };

/**
 * Requests the data; a failure becomes a readable French message. A download that receives
 * nothing for `idleMs`, or is not finished after `totalMs`, is abandoned: the response's body
 * then fails and `stalled()` says why, so the page shows the error and « Réessayer » instead
 * of loading forever.
 */
export async function requestInitiatives(url: string, limits: DownloadLimits = DOWNLOAD_LIMITS, options: RequestOptions = {}): Promise<RequestOutcome> {
  const { headers, wholeBody = false } = options;
  // The default data may have been asked for by the entry script already (early-requests.ts).
  const request = takeOrSendRequest(url, headers ? { headers } : {});
  const { controller } = request;
  let stall: string | null = null;
  const abandon = (message: string) => {
    stall = message;
    controller.abort();
  };
  const total = setTimeout(() => abandon(MESSAGES.total(limits)), limits.totalMs);
  let idle = setTimeout(() => abandon(MESSAGES.idle(limits)), limits.idleMs);
  const received = () => {
    clearTimeout(idle);
    idle = setTimeout(() => abandon(MESSAGES.idle(limits)), limits.idleMs);
  };
  const finished = () => {
    clearTimeout(idle);
    clearTimeout(total);
  };
  let response: Response;
  try {
    response = await request.response;
  } catch {
    finished();
    return { ok: false, message: stall ?? MESSAGES.unreachable };
  }
  if (!response.ok) {
    finished();
    controller.abort();
    return { ok: false, message: `Le fichier des initiatives est introuvable ou indisponible (erreur ${response.status}).` };
  }
  received();
  if (wholeBody) {
    clearTimeout(idle);
    return { ok: true, response, stalled: () => stall };
  }
  return { ok: true, response: watchBody(response, received, finished), stalled: () => stall };
}

/** The same response, its body passed through so that each chunk resets the idle timer. */
function watchBody(response: Response, received: () => void, finished: () => void): Response {
  const source = response.body;
  if (!source) {
    finished();
    return response;
  }
  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(stream) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          finished();
          stream.close();
          return;
        }
        received();
        stream.enqueue(value);
      } catch (error) {
        finished();
        stream.error(error);
      }
    },
    cancel(reason) {
      finished();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** Parses and validates the body of the data's response. */
export async function readInitiatives(
  response: Response,
  milestone: Milestone = () => {},
  stalled: () => string | null = () => null,
): Promise<LoadOutcome> {
  let document: unknown;
  try {
    document = await response.json();
    milestone('initiatives-parsed');
  } catch {
    return { ok: false, message: stalled() ?? 'Le fichier des initiatives est endommagé : ce n’est pas du JSON valide.' };
  }
  try {
    const parsed = parseInitiativesCollection(document);
    milestone('initiatives-validated');
    // The publication date-time, a foreign member of the collection (CONTRACT §3).
    const updated = (document as { updated?: unknown }).updated;
    return { ok: true, ...parsed, ...(typeof updated === 'string' ? { updated } : {}) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'Le fichier des initiatives est invalide.' };
  }
}
