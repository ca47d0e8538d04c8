import type { Filters } from '../../domain/filters';
import { getTheme } from '../../domain/themes';
import { getTerritory } from '../../domain/territories';

/** The filters in a short French sentence for the embed dialog. */
export function describeFilters(filters: Filters): string {
  const parts: string[] = [];
  if (filters.themes.length > 0) {
    const joiner = filters.match === 'all' ? ' et ' : ' ou ';
    parts.push(`thèmes : ${filters.themes.map((theme) => getTheme(theme).shortLabel).join(joiner)}`);
  }
  if (filters.territories.length > 0) parts.push(`territoires : ${filters.territories.map((territory) => getTerritory(territory).label).join(', ')}`);
  if (filters.departments.length > 0) parts.push(`départements : ${filters.departments.join(', ')}`);
  if (filters.query.trim() !== '') parts.push(`recherche « ${filters.query.trim()} »`);
  return parts.length > 0 ? parts.join(' ; ') : 'aucun filtre, toutes les initiatives';
}
