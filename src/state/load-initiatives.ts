import { parseInitiativesCollection } from '../domain/geojson';
import { useAppStore } from './store';

/** Where the app finds its data, relative to the page (CONTRACT §3). */
export const DATA_URL = 'data/initiatives.geojson';

/** Fetches, validates and stores the initiatives; any failure becomes a readable French message. */
export async function loadInitiatives(url: string = DATA_URL): Promise<void> {
  const store = useAppStore.getState();
  store.setLoading();
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    store.setError('Impossible de joindre le serveur pour charger les initiatives. Vérifiez votre connexion puis réessayez.');
    return;
  }
  if (!response.ok) {
    store.setError(`Le fichier des initiatives est introuvable ou indisponible (erreur ${response.status}).`);
    return;
  }
  let document: unknown;
  try {
    document = await response.json();
  } catch {
    store.setError('Le fichier des initiatives est endommagé : ce n’est pas du JSON valide.');
    return;
  }
  try {
    const { initiatives, invalid } = parseInitiativesCollection(document);
    if (invalid.length > 0) {
      console.warn(`${invalid.length} initiative(s) ignorée(s) car invalides`, invalid.slice(0, 20));
    }
    store.setInitiatives(initiatives);
  } catch (error) {
    store.setError(error instanceof Error ? error.message : 'Le fichier des initiatives est invalide.');
  }
}
