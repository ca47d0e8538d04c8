import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../../src/map/regions';
import { describeIcon, labelIconName } from '../../../src/map/icons';
import { circlesToCollection } from '../../../src/map/map-features';
import { departmentCircles } from '../../../src/map/department-circles';

/** Approximate position (longitude, latitude) of each region's prefecture (Paris for metropolitan France). */
const PREFECTURES: Record<string, [number, number]> = {
  Métropole: [2.35, 48.86],
  Guadeloupe: [-61.73, 16.0],
  Martinique: [-61.07, 14.6],
  Guyane: [-52.33, 4.93],
  'La Réunion': [55.45, -20.88],
  Mayotte: [45.23, -12.78],
};

describe('« Aller à » regions', () => {
  it('offers metropolitan France and the five overseas départements, with French names', () => {
    expect(REGIONS.map((region) => region.label)).toEqual(['Métropole', 'Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']);
  });

  it('frames each region around its prefecture, and nothing as big as an ocean', () => {
    for (const region of REGIONS) {
      const [west, south, east, north] = region.bounds;
      const [longitude, latitude] = PREFECTURES[region.label] ?? [Number.NaN, Number.NaN];
      expect(longitude, region.label).toBeGreaterThan(west);
      expect(longitude, region.label).toBeLessThan(east);
      expect(latitude, region.label).toBeGreaterThan(south);
      expect(latitude, region.label).toBeLessThan(north);
      expect(east - west, region.label).toBeLessThan(16);
    }
  });
});

describe('département circle labels', () => {
  it('carry the exact count, grouped by thousands', () => {
    expect(describeIcon(labelIconName(7))).toMatchObject({ shape: 'pill', text: '7' });
    expect(describeIcon(labelIconName(12345))).toMatchObject({ shape: 'pill', text: '12\u202f345' });
  });

  it('grow with their text and refuse what is not a count', () => {
    const width = (count: number) => describeIcon(labelIconName(count))?.width ?? 0;
    expect(width(5)).toBeLessThan(width(5000));
    expect(describeIcon('label:<b>')).toBeNull();
  });

  it('name each circle’s image after its count', () => {
    const rows = [
      { key: '52', label: 'Haute-Marne', count: 9, share: 0.9 },
      { key: '974', label: 'La Réunion', count: 1, share: 0.1 },
    ];
    const collection = circlesToCollection(departmentCircles(rows));
    expect(collection.features.map((feature) => [feature.properties.department, feature.properties.label])).toEqual([
      ['52', 'label:9'],
      ['974', 'label:1'],
    ]);
  });
});
