import { parseInitiativesCollection, type ParsedCollection } from '../domain/geojson';

/** What loading the data came to: the validated initiatives, or a readable French message. */
export type LoadOutcome = ({ ok: true } & ParsedCollection) | { ok: false; message: string };

/**
 * Fetches, parses and validates the published GeoJSON. Runs in the load worker, or on the
 * main thread where workers are unavailable; both give the same outcome and messages.
 */
export async function fetchInitiatives(url: string): Promise<LoadOutcome> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    return { ok: false, message: 'Impossible de joindre le serveur pour charger les initiatives. Vérifiez votre connexion puis réessayez.' };
  }
  if (!response.ok) {
    return { ok: false, message: `Le fichier des initiatives est introuvable ou indisponible (erreur ${response.status}).` };
  }
  let document: unknown;
  try {
    document = await response.json();
  } catch {
    return { ok: false, message: 'Le fichier des initiatives est endommagé : ce n’est pas du JSON valide.' };
  }
  try {
    return { ok: true, ...parseInitiativesCollection(document) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'Le fichier des initiatives est invalide.' };
  }
}
