import { describe, expect, it } from 'vitest';
import { REVEAL_MIN_ZOOM, cameraCommand, clusterExpansion, type CameraContext } from '../../../src/map/camera';
import type { MapItem } from '../../../src/map/clustering';

const lyon = { longitude: 4.83, latitude: 45.76 };
const brest = { longitude: -4.49, latitude: 48.39 };

function context(overrides: Partial<CameraContext> = {}): CameraContext {
  return {
    // Around Lyon, at zoom 9.
    view: { bounds: [4, 45, 5.5, 46.5], zoom: 9 },
    locate: (id) => ({ lyon, brest })[id],
    dataReady: true,
    ...overrides,
  };
}

describe('camera decisions', () => {
  it('flies to a place asked for, at its zoom', () => {
    expect(cameraCommand({ kind: 'fly-to', longitude: 2.35, latitude: 48.85, zoom: 11 }, context())).toEqual({
      method: 'flyTo',
      center: [2.35, 48.85],
      zoom: 11,
    });
  });

  it('leaves the camera alone when the initiative to reveal is on screen', () => {
    expect(cameraCommand({ kind: 'reveal', id: 'lyon' }, context())).toBeNull();
  });

  it('eases to an initiative off screen, keeping a closer zoom and never farther than the reveal zoom', () => {
    expect(cameraCommand({ kind: 'reveal', id: 'brest' }, context())).toEqual({ method: 'easeTo', center: [brest.longitude, brest.latitude], zoom: 9 });
    const far = context({ view: { bounds: [4, 45, 5.5, 46.5], zoom: 5 } });
    expect(cameraCommand({ kind: 'reveal', id: 'brest' }, far)).toEqual({
      method: 'easeTo',
      center: [brest.longitude, brest.latitude],
      zoom: REVEAL_MIN_ZOOM,
    });
  });

  it('waits for the data before giving up on an initiative it does not know', () => {
    expect(cameraCommand({ kind: 'reveal', id: 'nantes' }, context({ dataReady: false }))).toBe('wait');
    expect(cameraCommand({ kind: 'reveal', id: 'nantes' }, context())).toBeNull();
  });

  it('fits an area with its zoom limit', () => {
    expect(cameraCommand({ kind: 'fit', bounds: [-61.9, 15.8, -60.9, 16.6], maxZoom: 11 }, context())).toEqual({
      method: 'fitBounds',
      bounds: [-61.9, 15.8, -60.9, 16.6],
      maxZoom: 11,
    });
  });

  it('opens a cluster at least one zoom level closer, never past the last cluster level', () => {
    const cluster: MapItem = { kind: 'cluster', longitude: 3, latitude: 47, count: 12, clusterId: 7, position: -1, initiative: -1 };
    expect(clusterExpansion(cluster, 8, 14, 6.5)).toEqual({ kind: 'ease-to', longitude: 3, latitude: 47, zoom: 8 });
    expect(clusterExpansion(cluster, 6, 14, 6.5)).toMatchObject({ zoom: 7.5 });
    expect(clusterExpansion(cluster, 22, 14, 10)).toMatchObject({ zoom: 15 });
  });
});
