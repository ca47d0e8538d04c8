import type { Filters } from './filters';
import type { Initiative } from './initiative';

/** Lower-cases, strips accents and punctuation so "st julien" matches « Saint-Julien ». */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Simple reference implementation: indices of the initiatives matching every facet. */
export function filterInitiatives(initiatives: readonly Initiative[], filters: Filters): number[] {
  const words = normalizeText(filters.query).split(' ').filter(Boolean);
  const result: number[] = [];
  initiatives.forEach((initiative, index) => {
    if (filters.themes.length > 0) {
      const hits = filters.themes.filter((theme) => initiative.themes.includes(theme)).length;
      if (filters.match === 'all' ? hits < filters.themes.length : hits === 0) return;
    }
    if (filters.territories.length > 0 && !filters.territories.includes(initiative.territory)) return;
    if (filters.departments.length > 0 && !filters.departments.includes(initiative.department)) return;
    if (words.length > 0) {
      const haystack = normalizeText(`${initiative.name} ${initiative.commune} ${initiative.description}`);
      if (!words.every((word) => haystack.includes(word))) return;
    }
    result.push(index);
  });
  return result;
}
