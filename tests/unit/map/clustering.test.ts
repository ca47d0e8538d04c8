import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClusterHierarchy, countByPosition, formatCount, indexPositions, itemsInView, membersAt, type Located } from '../../../src/map/clustering';

/** Deterministic pseudo-random points in metropolitan France, many sharing a commune point. */
function syntheticInitiatives(count: number, positionCount: number, seed = 1): Located[] {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const positions = Array.from({ length: positionCount }, () => ({ longitude: -4 + random() * 11, latitude: 42.5 + random() * 8.5 }));
  return Array.from({ length: count }, () => positions[Math.floor(random() * random() * positionCount)] as Located);
}

const FRANCE: [number, number, number, number] = [-5.5, 41, 10, 51.5];

describe('indexPositions', () => {
  it('groups initiatives that share a point and keeps each one exactly once', () => {
    const items = [
      { longitude: 5.1, latitude: 47.8 },
      { longitude: 2.35, latitude: 48.85 },
      { longitude: 5.1, latitude: 47.8 },
    ];
    const positions = indexPositions(items);
    expect(positions.positionCount).toBe(2);
    expect(membersAt(positions, positions.positionOfInitiative[0] as number)).toEqual([0, 2]);
    expect(membersAt(positions, positions.positionOfInitiative[1] as number)).toEqual([1]);
  });
});

describe('itemsInView', () => {
  const initiatives = syntheticInitiatives(5000, 800);
  const hierarchy = new ClusterHierarchy(indexPositions(initiatives));

  it('counts exactly the initiatives the filters keep, at every zoom', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (zoom, modulus) => {
        const visible = initiatives.map((_, index) => index).filter((index) => index % modulus === 0);
        const counts = countByPosition(hierarchy.positions, visible);
        const items = itemsInView(hierarchy, counts, zoom, null);
        expect(items.reduce((sum, item) => sum + item.count, 0)).toBe(visible.length);
      }),
      { numRuns: 40 },
    );
  });

  it('hides clusters whose initiatives are all filtered out', () => {
    // Keep only the initiatives west of 0°: nothing may be drawn east of it.
    const visible = initiatives.map((_, index) => index).filter((index) => (initiatives[index] as Located).longitude < 0);
    const counts = countByPosition(hierarchy.positions, visible);
    for (const zoom of [3, 5, 7, 9]) {
      const items = itemsInView(hierarchy, counts, zoom, null);
      expect(items.every((item) => item.count > 0)).toBe(true);
      expect(items.every((item) => item.longitude < 0)).toBe(true);
      expect(items.reduce((sum, item) => sum + item.count, 0)).toBe(visible.length);
    }
  });

  it('draws nothing when the filters keep nothing', () => {
    const counts = countByPosition(hierarchy.positions, []);
    expect(itemsInView(hierarchy, counts, 6, FRANCE)).toEqual([]);
  });

  it('places a cluster at the centroid of its kept initiatives', () => {
    const counts = countByPosition(hierarchy.positions, initiatives.map((_, index) => index));
    const [cluster] = itemsInView(hierarchy, counts, 0, null).filter((item) => item.kind === 'cluster');
    expect(cluster).toBeDefined();
    const mean = (key: 'longitude' | 'latitude') => initiatives.reduce((sum, item) => sum + item[key], 0) / initiatives.length;
    // At zoom 0 all of metropolitan France is one cluster.
    expect(cluster?.count).toBe(initiatives.length);
    expect(cluster?.longitude).toBeCloseTo(mean('longitude'), 6);
    expect(cluster?.latitude).toBeCloseTo(mean('latitude'), 6);
  });

  it('becomes a point showing the one kept initiative when a cluster keeps a single one', () => {
    const counts = countByPosition(hierarchy.positions, [42]);
    const items = itemsInView(hierarchy, counts, 2, null);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'point', initiative: 42, longitude: initiatives[42]?.longitude, latitude: initiatives[42]?.latitude });
  });

  it('keeps initiatives of one commune together as a stack even beyond the maximum zoom', () => {
    const shared = { longitude: 5.1, latitude: 47.8 };
    const items = [shared, shared, shared, { longitude: 5.1001, latitude: 47.8001 }];
    const small = new ClusterHierarchy(indexPositions(items));
    const counts = countByPosition(small.positions, [0, 1, 2, 3]);
    const atMax = itemsInView(small, counts, 22, null);
    expect(atMax.map((item) => [item.kind, item.count]).sort()).toEqual([
      ['point', 1],
      ['stack', 3],
    ]);
    const stack = atMax.find((item) => item.kind === 'stack');
    expect(membersAt(small.positions, stack?.position ?? -1, counts.visible)).toEqual([0, 1, 2]);
    // Filtering two of the three out leaves a single initiative there: no longer a stack.
    const filtered = countByPosition(small.positions, [2, 3]);
    expect(itemsInView(small, filtered, 22, null).map((item) => item.kind)).toEqual(['point', 'point']);
  });

  it('returns only what lies around the viewport', () => {
    const counts = countByPosition(hierarchy.positions, initiatives.map((_, index) => index));
    const brittany: [number, number, number, number] = [-4.8, 47.2, -3.8, 48.2];
    const items = itemsInView(hierarchy, counts, 10, brittany);
    const all = itemsInView(hierarchy, counts, 10, null);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(all.length);
    expect(items.every((item) => item.longitude >= -5.3 && item.longitude <= -3.3)).toBe(true);
  });

  it('splits a clicked cluster at its expansion zoom', () => {
    const counts = countByPosition(hierarchy.positions, initiatives.map((_, index) => index));
    const cluster = itemsInView(hierarchy, counts, 5, null).find((item) => item.kind === 'cluster');
    expect(cluster).toBeDefined();
    const expansion = hierarchy.expansionZoom(cluster?.clusterId ?? -1);
    expect(expansion).toBeGreaterThan(5);
    const near = itemsInView(hierarchy, counts, expansion, null).filter(
      (item) => Math.abs(item.longitude - (cluster?.longitude ?? 0)) < 1.5 && Math.abs(item.latitude - (cluster?.latitude ?? 0)) < 1.5,
    );
    expect(near.length).toBeGreaterThan(1);
  });
});

describe('formatCount', () => {
  it('writes large counts briefly, the French way', () => {
    expect(formatCount(7)).toBe('7');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1,2 k');
    expect(formatCount(2000)).toBe('2 k');
    expect(formatCount(35_800)).toBe('35 k');
  });
});
