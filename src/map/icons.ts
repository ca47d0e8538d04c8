/**
 * Map symbols are images drawn on demand (MapLibre's missing-image resolver), so nothing
 * needs a glyph server: the app draws the same map online and offline. This module turns an
 * image name into what to draw; `draw-icon.ts` paints it.
 */
import { THEMES, getTheme, isThemeId, type ThemeId } from '../domain/themes';
import { formatCount, type MapItem } from './clustering';

export interface IconSpec {
  shape: 'circle' | 'rounded-square' | 'pin' | 'pill';
  /** CSS pixels (the height, for a pill). */
  size: number;
  /** CSS pixels, for a pill (a label as wide as its text); the others are square. */
  width?: number;
  fill: string;
  stroke: string;
  text: string;
  textColor: string;
}

const CLUSTER_FILL = '#1d3557';
const STACK_FILL = '#ffffff';

export function clusterSize(count: number): number {
  if (count < 10) return 30;
  if (count < 100) return 36;
  if (count < 1000) return 42;
  return 50;
}

/** The image name of an item, e.g. `point:mobilite`, `stack:12`, `cluster:1,2 k`. */
export function iconName(item: MapItem, mainThemeOf: (initiative: number) => ThemeId | undefined): string {
  if (item.kind === 'point') return `point:${mainThemeOf(item.initiative) ?? 'unknown'}`;
  return `${item.kind}:${formatCount(item.count)}:${clusterSize(item.count)}`;
}

export const ORIGIN_ICON = 'origin';

const LABEL_HEIGHT = 20;

/** The image name of a département circle's count label, e.g. `label:1234`. */
export function labelIconName(count: number): string {
  return `label:${Math.max(0, Math.round(count))}`;
}

/** What an image name stands for, or null when it is not one of ours (e.g. a basemap sprite). */
export function describeIcon(name: string): IconSpec | null {
  if (name === ORIGIN_ICON) {
    return { shape: 'pin', size: 34, fill: '#b00020', stroke: '#ffffff', text: '', textColor: '#ffffff' };
  }
  const [kind, first, second] = name.split(':');
  if (kind === 'label' && first !== undefined && /^[0-9]{1,7}$/.test(first)) {
    // The exact count, grouped by thousands with a thin space as in French.
    const text = first.replace(/\B(?=([0-9]{3})+$)/g, '\u202f');
    return { shape: 'pill', size: LABEL_HEIGHT, width: 10 + text.length * 8, fill: '#ffffff', stroke: CLUSTER_FILL, text, textColor: CLUSTER_FILL };
  }
  if (kind === 'point' && first !== undefined) {
    if (!isThemeId(first)) return { shape: 'circle', size: 26, fill: '#555555', stroke: '#ffffff', text: '?', textColor: '#ffffff' };
    const theme = getTheme(first);
    return { shape: 'circle', size: 26, fill: theme.color, stroke: '#ffffff', text: theme.symbol, textColor: '#ffffff' };
  }
  if ((kind === 'cluster' || kind === 'stack') && first !== undefined && second !== undefined) {
    const size = Number(second);
    if (!Number.isFinite(size) || size <= 0 || size > 80) return null;
    return kind === 'cluster'
      ? { shape: 'circle', size, fill: CLUSTER_FILL, stroke: '#ffffff', text: first, textColor: '#ffffff' }
      : { shape: 'rounded-square', size, fill: STACK_FILL, stroke: CLUSTER_FILL, text: first, textColor: CLUSTER_FILL };
  }
  return null;
}

/** Every theme's point image name, for the legend and tests. */
export const THEME_ICON_NAMES = THEMES.map((theme) => `point:${theme.id}`);
