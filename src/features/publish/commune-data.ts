/**
 * The commune index in the browser: the files the build publishes beside the page
 * (scripts/build-commune-index.ts), read back into the same geocoder the CLI uses.
 */
import { gazetteerFromIndex } from '../../pipeline/core/communes';
import { Geocoder } from '../../pipeline/core/geocoder';

/** Relative to the page. */
export const COMMUNE_INDEX_FILES = { communes: 'data/communes.json', formerCommunes: 'data/communes-anciennes.json' } as const;

/** Absolute URLs of the index files for a page at `base` (a worker resolves URLs against its own script). */
export function communeIndexUrls(base: string): { communes: string; formerCommunes: string } {
  return {
    communes: new URL(COMMUNE_INDEX_FILES.communes, base).href,
    formerCommunes: new URL(COMMUNE_INDEX_FILES.formerCommunes, base).href,
  };
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} : HTTP ${response.status}`);
  return response.json();
}

/** The geocoder on the published index; a French Error when the files cannot be read. */
export async function loadGeocoder(urls: { communes: string; formerCommunes: string }): Promise<Geocoder> {
  try {
    const [communes, formerCommunes] = await Promise.all([fetchJson(urls.communes), fetchJson(urls.formerCommunes)]);
    return new Geocoder(gazetteerFromIndex({ communes, formerCommunes }));
  } catch (error) {
    throw new Error(`La liste des communes n’a pas pu être chargée (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
}
