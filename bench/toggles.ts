/** The theme toggles both the app and the setData peer go through, with their expected counts. */
import { THEME_IDS, type ThemeId } from '../src/domain/themes';
import { createRandom } from './synthetic';

export interface Toggle {
  theme: ThemeId;
  /** Themes selected after this toggle. */
  selected: ThemeId[];
  /** Initiatives having any selected theme (all of them when none is selected). */
  expectedCount: number;
}

/**
 * A seeded sequence of `count` toggles starting from no theme selected. A toggle that would
 * leave the count unchanged is skipped, because "the count changed" is how its end is seen.
 */
export function planToggles(themeLists: readonly (readonly ThemeId[])[], count: number, seed = 7): Toggle[] {
  const masks = new Uint8Array(themeLists.length);
  themeLists.forEach((themes, index) => {
    let mask = 0;
    for (const theme of themes) mask |= 1 << THEME_IDS.indexOf(theme);
    masks[index] = mask;
  });
  const countFor = (selectedMask: number): number => {
    if (selectedMask === 0) return masks.length;
    let total = 0;
    for (const mask of masks) if (mask & selectedMask) total += 1;
    return total;
  };
  const random = createRandom(seed);
  const toggles: Toggle[] = [];
  let selectedMask = 0;
  let previousCount = masks.length;
  let attempts = 0;
  while (toggles.length < count && attempts < count * 20) {
    attempts += 1;
    // Keep at most three themes on, so counts stay well below the total.
    const onCount = THEME_IDS.filter((_, bit) => selectedMask & (1 << bit)).length;
    const candidates = THEME_IDS.map((_, bit) => bit).filter((bit) => onCount < 3 || selectedMask & (1 << bit));
    const bit = candidates[Math.floor(random() * candidates.length)] as number;
    const nextMask = selectedMask ^ (1 << bit);
    const nextCount = countFor(nextMask);
    if (nextCount === previousCount) continue;
    selectedMask = nextMask;
    previousCount = nextCount;
    toggles.push({
      theme: THEME_IDS[bit] as ThemeId,
      selected: THEME_IDS.filter((_, index) => selectedMask & (1 << index)),
      expectedCount: nextCount,
    });
  }
  return toggles;
}

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least `fraction` of the values at or below it.
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] as number;
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}
