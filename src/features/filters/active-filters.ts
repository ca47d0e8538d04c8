import type { Filters } from '../../domain/filters';

/** How many constraints the filters hold: each theme, territory and département, the search, « tous ». */
export function activeFilterCount(filters: Filters): number {
  return (
    filters.themes.length +
    filters.territories.length +
    filters.departments.length +
    filters.regions.length +
    filters.epcis.length +
    (filters.query.trim() !== '' ? 1 : 0) +
    (filters.match === 'all' ? 1 : 0)
  );
}
