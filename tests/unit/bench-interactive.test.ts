import { describe, expect, it } from 'vitest';
import { interactiveAt, valueAt } from '../../bench/interactive';

describe('bench interactive milestone', () => {
  it('reads the value a timeline holds at a time', () => {
    const timeline = [[10, 1], [20, 5], [30, null]] as const;
    expect(valueAt(timeline, 5)).toBeNull();
    expect(valueAt(timeline, 10)).toBe(1);
    expect(valueAt(timeline, 25)).toBe(5);
    expect(valueAt(timeline, 30)).toBeNull();
  });

  it('is the moment the last of count, list and map arrives', () => {
    const timelines = {
      counts: [[100, null], [900, 250000]] as const,
      listItems: [[950, 20]] as const,
      drawnItems: [[1400, 180]] as const,
    };
    expect(interactiveAt(timelines, 250000)).toBe(1400);
  });

  it('waits for the full count, not a partial one shown while the data arrives', () => {
    const timelines = {
      counts: [[500, 1000], [2000, 250000]] as const,
      listItems: [[520, 20]] as const,
      drawnItems: [[600, 40]] as const,
    };
    expect(interactiveAt(timelines, 250000)).toBe(2000);
  });

  it('does not count an empty list or an empty overlay', () => {
    const timelines = {
      counts: [[900, 100]] as const,
      listItems: [[950, 0]] as const,
      drawnItems: [[1000, 0], [1200, 0]] as const,
    };
    expect(interactiveAt(timelines, 100)).toBeNull();
    expect(interactiveAt({ ...timelines, drawnItems: [[1000, 0], [1300, 12]] }, 100)).toBeNull();
    expect(interactiveAt({ ...timelines, listItems: [[950, 0], [1250, 3]], drawnItems: [[1300, 12]] }, 100)).toBe(1300);
  });

  it('does not hold a moment that passed: a count that changed away before the map drew', () => {
    const timelines = {
      counts: [[900, 100], [1000, 40]] as const,
      listItems: [[900, 20]] as const,
      drawnItems: [[1100, 12]] as const,
    };
    expect(interactiveAt(timelines, 100)).toBeNull();
  });
});
