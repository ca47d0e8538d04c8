import { parseInitiativesCollection, type ParsedCollection } from '../domain/geojson';

/** What loading the data came to: the validated initiatives, or a readable French message. */
export type LoadOutcome = ({ ok: true } & ParsedCollection) | { ok: false; message: string };

export type Milestone = (name: string) => void;

/** Requests the data; a failure becomes a readable French message. */
export async function requestInitiatives(url: string): Promise<{ ok: true; response: Response } | { ok: false; message: string }> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    return { ok: false, message: 'Impossible de joindre le serveur pour charger les initiatives. Vérifiez votre connexion puis réessayez.' };
  }
  if (!response.ok) {
    return { ok: false, message: `Le fichier des initiatives est introuvable ou indisponible (erreur ${response.status}).` };
  }
  return { ok: true, response };
}

/** Parses and validates the body of the data's response. */
export async function readInitiatives(response: Response, milestone: Milestone = () => {}): Promise<LoadOutcome> {
  let document: unknown;
  try {
    document = await response.json();
    milestone('initiatives-parsed');
  } catch {
    return { ok: false, message: 'Le fichier des initiatives est endommagé : ce n’est pas du JSON valide.' };
  }
  try {
    const parsed = parseInitiativesCollection(document);
    milestone('initiatives-validated');
    return { ok: true, ...parsed };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'Le fichier des initiatives est invalide.' };
  }
}
