/** Placeholder until the feature lands; replaced by its owner. */
export function FilterPanel() {
  return null;
}
