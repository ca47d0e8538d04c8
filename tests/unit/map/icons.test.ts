import { describe, expect, it } from 'vitest';
import { THEMES } from '../../../src/domain/themes';
import { describeIcon, iconName, ORIGIN_ICON } from '../../../src/map/icons';
import type { MapItem } from '../../../src/map/clustering';

const base: MapItem = { kind: 'point', longitude: 0, latitude: 0, count: 1, clusterId: -1, position: 0, initiative: 0 };

describe('map icons', () => {
  it('shows a single initiative by its main theme colour AND its letter', () => {
    for (const theme of THEMES) {
      const spec = describeIcon(iconName(base, () => theme.id));
      expect(spec).toMatchObject({ fill: theme.color, text: theme.symbol });
    }
  });

  it('gives each theme a distinct letter, so colour never carries meaning alone', () => {
    expect(new Set(THEMES.map((theme) => theme.symbol)).size).toBe(THEMES.length);
  });

  it('writes the count on clusters and stacks, with different shapes', () => {
    const cluster = describeIcon(iconName({ ...base, kind: 'cluster', count: 1234, clusterId: 5 }, () => undefined));
    const stack = describeIcon(iconName({ ...base, kind: 'stack', count: 4 }, () => undefined));
    expect(cluster).toMatchObject({ shape: 'circle', text: '1,2 k' });
    expect(stack).toMatchObject({ shape: 'rounded-square', text: '4' });
  });

  it('draws bigger bubbles for bigger clusters', () => {
    const size = (count: number) => describeIcon(iconName({ ...base, kind: 'cluster', count }, () => undefined))?.size ?? 0;
    expect(size(5)).toBeLessThan(size(50));
    expect(size(50)).toBeLessThan(size(5000));
  });

  it('leaves other names (basemap sprites) alone', () => {
    expect(describeIcon('bakery')).toBeNull();
    expect(describeIcon('cluster:12:9999')).toBeNull();
    expect(describeIcon(ORIGIN_ICON)?.shape).toBe('pin');
  });
});
