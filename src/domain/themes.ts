/**
 * The seven TRESSONS themes (CONTRACT §5). Order is the display order. The colour is the one
 * source for the map icons, the legend, the filter chips and the details; each takes white text
 * at WCAG AA contrast (4.5:1 or more).
 */
export const THEMES = [
  { id: 'alimentation', label: 'Alimentation durable et circuits courts', shortLabel: 'Alimentation', color: '#2e7d32', symbol: 'A' },
  { id: 'commerces', label: 'Commerces de proximité', shortLabel: 'Commerces', color: '#c2185b', symbol: 'C' },
  { id: 'mobilite', label: 'Mobilité', shortLabel: 'Mobilité', color: '#1565c0', symbol: 'M' },
  { id: 'entrepreneuriat', label: 'Entrepreneuriat de territoire', shortLabel: 'Entrepreneuriat', color: '#6a1b9a', symbol: 'E' },
  { id: 'tiers-lieux', label: 'Tiers-lieux et autres lieux multi-activités', shortLabel: 'Tiers-lieux', color: '#b84a00', symbol: 'T' },
  { id: 'economie-circulaire', label: 'Économie circulaire', shortLabel: 'Économie circulaire', color: '#00838f', symbol: 'R' },
  { id: 'transition-energetique', label: 'Transition énergétique', shortLabel: 'Énergie', color: '#856500', symbol: 'É' },
] as const;

export type Theme = (typeof THEMES)[number];
export type ThemeId = Theme['id'];

export const THEME_IDS: readonly ThemeId[] = THEMES.map((theme) => theme.id);

const themeById = new Map<string, Theme>(THEMES.map((theme) => [theme.id, theme]));

export function isThemeId(value: string): value is ThemeId {
  return themeById.has(value);
}

export function getTheme(id: ThemeId): Theme {
  // Every ThemeId is in the map by construction.
  return themeById.get(id) as Theme;
}

/** Bit of a theme in a theme mask (see filtering). */
export function themeBit(id: ThemeId): number {
  return 1 << THEME_IDS.indexOf(id);
}
