import type { Filters } from '../../domain/filters';
import { getTheme } from '../../domain/themes';
import { getTerritory } from '../../domain/territories';
import { getRegion } from '../../domain/places';

/** The filters in a short French sentence (embed dialog, printed page); EPCI named when their table is loaded. */
export function describeFilters(filters: Filters, epciName: (siren: string) => string | undefined = () => undefined): string {
  const parts: string[] = [];
  if (filters.themes.length > 0) {
    const joiner = filters.match === 'all' ? ' et ' : ' ou ';
    parts.push(`thèmes : ${filters.themes.map((theme) => getTheme(theme).shortLabel).join(joiner)}`);
  }
  if (filters.territories.length > 0) parts.push(`territoires : ${filters.territories.map((territory) => getTerritory(territory).label).join(', ')}`);
  if (filters.regions.length > 0) parts.push(`régions : ${filters.regions.map((code) => getRegion(code)?.name ?? code).join(', ')}`);
  if (filters.departments.length > 0) parts.push(`départements : ${filters.departments.join(', ')}`);
  if (filters.epcis.length > 0) parts.push(`intercommunalités : ${filters.epcis.map((siren) => epciName(siren) ?? `EPCI ${siren}`).join(', ')}`);
  if (filters.query.trim() !== '') parts.push(`recherche « ${filters.query.trim()} »`);
  return parts.length > 0 ? parts.join(' ; ') : 'aucun filtre, toutes les initiatives';
}
