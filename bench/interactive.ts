/**
 * The "interactive" milestone of CONTRACT §7: the first moment at which a person sees the
 * full count, the list's first results and the initiatives drawn on the map, whatever the
 * basemap is doing. Computed in Node from the timelines the page recorder wrote.
 */

/** [time after navigation start in ms, value], in the order the page saw them. */
export type Timeline = readonly (readonly [number, number | null])[];

export interface InteractiveTimelines {
  /** The number the role="status" count read. */
  counts: Timeline;
  /** Items in the results list. */
  listItems: Timeline;
  /** Items drawn on the cluster canvas over the map (its data-drawn-items). */
  drawnItems: Timeline;
}

/** The value a timeline holds at `time` (its last entry at or before it), or null. */
export function valueAt(timeline: Timeline, time: number): number | null {
  let value: number | null = null;
  for (const [entryTime, entryValue] of timeline) {
    if (entryTime > time) break;
    value = entryValue;
  }
  return value;
}

/**
 * The first recorded time at which the count reads `total`, the list has at least one item
 * and the map overlay has at least one item drawn; null while that moment has not come.
 */
export function interactiveAt(timelines: InteractiveTimelines, total: number): number | null {
  const times = [...timelines.counts, ...timelines.listItems, ...timelines.drawnItems].map(([time]) => time).sort((a, b) => a - b);
  for (const time of times) {
    if (valueAt(timelines.counts, time) !== total) continue;
    if ((valueAt(timelines.listItems, time) ?? 0) < 1) continue;
    if ((valueAt(timelines.drawnItems, time) ?? 0) < 1) continue;
    return time;
  }
  return null;
}
