import { describe, expect, it } from 'vitest';
import { countOnScreen, drawingOrder, itemAt, type PlacedItem } from '../../../src/map/cluster-overlay';
import type { OverlayItem } from '../../../src/map/map-features';

function item(overrides: Partial<OverlayItem>): OverlayItem {
  return Object.freeze({ kind: 'cluster', count: 1, icon: 'cluster:1:30', clusterId: 0, position: 0, initiative: -1, longitude: 2, latitude: 47, ...overrides });
}

function placed(of: OverlayItem, x: number, y: number, size = 30, round = true): PlacedItem {
  return { item: of, x, y, halfWidth: size / 2, halfHeight: size / 2, round };
}

describe('cluster overlay decisions', () => {
  it('draws bigger counts last, so that they stay on top of smaller ones', () => {
    const order = drawingOrder([item({ count: 120 }), item({ count: 3 }), item({ count: 40 })]).map((entry) => entry.count);
    expect(order).toEqual([3, 40, 120]);
  });

  it('finds the topmost item under a click where two overlap', () => {
    const small = item({ count: 2, clusterId: 1 });
    const big = item({ count: 900, clusterId: 2 });
    const layout = [placed(small, 100, 100), placed(big, 110, 100)];
    expect(itemAt(layout, 105, 100)?.clusterId).toBe(2);
    expect(itemAt(layout, 88, 100)?.clusterId).toBe(1);
  });

  it('misses outside a round bubble, even inside its square image', () => {
    const bubble = placed(item({}), 100, 100, 30, true);
    expect(itemAt([bubble], 113, 113)).toBeNull();
    expect(itemAt([bubble], 110, 110)).not.toBeNull();
    const stack = placed(item({ kind: 'stack' }), 100, 100, 30, false);
    expect(itemAt([stack], 113, 113)?.kind).toBe('stack');
  });

  it('counts the initiatives of the items whose centre is on screen', () => {
    const layout = [placed(item({ count: 5 }), 10, 10), placed(item({ count: 7 }), 790, 590), placed(item({ count: 1000 }), -5, 300)];
    expect(countOnScreen(layout, 800, 600)).toBe(12);
  });
});
