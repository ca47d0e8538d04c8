import { describe, expect, it } from 'vitest';
import { basemapAttribution, classifyMapError } from '../../../src/map/use-basemap';
import { mapClick } from '../../../src/map/use-map-pointer';
import { DATA_ATTRIBUTION } from '../../../src/map/basemaps';
import { onlineBasemap } from '../../../src/domain/basemap-catalogue';
import { DEPARTMENT_CIRCLES_SOURCE, LAYERS, OVERLAY_SOURCE, SOURCES } from '../../../src/map/layers';
import type { OverlayItem } from '../../../src/map/map-features';

const base = { longitude: 5, latitude: 47, count: 1, clusterId: -1, position: 3, initiative: 42, icon: 'x' };

describe('map decisions', () => {
  it('a click on a cluster opens it, on a stack lists it, on a point selects it, elsewhere closes', () => {
    expect(mapClick(null)).toEqual({ kind: 'none' });
    const cluster: OverlayItem = { ...base, kind: 'cluster', clusterId: 9, count: 30 };
    expect(mapClick(cluster)).toEqual({ kind: 'expand', item: cluster });
    expect(mapClick({ ...base, kind: 'stack', count: 4 })).toEqual({ kind: 'stack', stack: { position: 3, longitude: 5, latitude: 47 } });
    expect(mapClick({ ...base, kind: 'point' })).toEqual({ kind: 'select', initiative: 42 });
  });

  it('errors of our own sources never count against the basemap; no target means no map at all', () => {
    expect(classifyMapError(false, undefined)).toBe('no-map');
    expect(classifyMapError(true, OVERLAY_SOURCE)).toBe('ours');
    expect(classifyMapError(true, DEPARTMENT_CIRCLES_SOURCE)).toBe('ours');
    expect(classifyMapError(true, 'plan_ign')).toBe('tile');
    expect(classifyMapError(true, undefined)).toBe('style');
  });

  it('credits the online basemap only while it is shown', () => {
    const ign = onlineBasemap('ign');
    expect(basemapAttribution('online', ign)).toEqual([DATA_ATTRIBUTION, expect.stringContaining('Plan IGN © IGN Géoplateforme')]);
    expect(basemapAttribution('offline', ign)).toEqual([DATA_ATTRIBUTION]);
  });

  it('lists layers grouped by source in the order of the sources (react-map-gl adds them in that order)', () => {
    const sourceOrder = Object.keys(SOURCES);
    const ranks = LAYERS.map((layer) => sourceOrder.indexOf('source' in layer ? String(layer.source) : ''));
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((left, right) => left - right));
  });
});
