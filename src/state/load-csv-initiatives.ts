/**
 * A CSV `dataUrl` (a shared spreadsheet's CSV export): read and geocoded here with the
 * pipeline's own core, on the commune index the build publishes; bad rows are left out and
 * counted in the console (the publish page lists them).
 */
import { parseInitiativesCollection } from '../domain/geojson';
import { checkCsvBytes } from '../pipeline/core/check-table';
import { gazetteerFromIndex } from '../pipeline/core/communes';
import { Geocoder } from '../pipeline/core/geocoder';
import type { LoadOutcome } from './fetch-initiatives';

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

export async function readCsvInitiatives(response: Response, name: string): Promise<LoadOutcome & { updated?: string }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    return { ok: false, message: 'Le tableau des initiatives n’a pas pu être téléchargé en entier. Vérifiez votre connexion puis réessayez.' };
  }
  let geocoder: Geocoder;
  try {
    const [communes, formerCommunes] = await Promise.all([fetchJson('data/communes.json'), fetchJson('data/communes-anciennes.json')]);
    geocoder = new Geocoder(gazetteerFromIndex({ communes, formerCommunes }));
  } catch {
    return { ok: false, message: 'La liste des communes n’a pas pu être chargée pour placer les initiatives. Réessayez.' };
  }
  try {
    const lastModified = Date.parse(response.headers.get('last-modified') ?? '');
    const { report, geojson } = checkCsvBytes(bytes, { input: name, geocoder: () => geocoder });
    if (report.rowsRejected > 0) {
      console.warn(`${name} : ${report.rowsRejected} ligne(s) rejetée(s) sur ${report.rowsRead}, non affichées (détail : page publier.html) ;`, report.rejected.slice(0, 20));
    }
    const parsed = parseInitiativesCollection(JSON.parse(new TextDecoder().decode(geojson)));
    return { ok: true, ...parsed, ...(Number.isFinite(lastModified) ? { updated: new Date(lastModified).toISOString() } : {}) };
  } catch (error) {
    return { ok: false, message: `Le tableau des initiatives ne peut pas être lu : ${error instanceof Error ? error.message : String(error)}` };
  }
}
