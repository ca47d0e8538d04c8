import { beforeEach, describe, expect, it } from 'vitest';
import { resetAppStore, useAppStore } from '../../../src/state/store';
import { EMPTY_FILTERS } from '../../../src/domain/filters';

describe('camera intents', () => {
  beforeEach(() => resetAppStore());

  it('a row of the list selects and moves the camera in one intent', () => {
    useAppStore.getState().select('garage', { kind: 'fly-to', longitude: 5.14, latitude: 48.11, zoom: 11 });
    const state = useAppStore.getState();
    expect(state.selectedId).toBe('garage');
    expect(state.cameraIntent).toEqual({ seq: 1, move: { kind: 'fly-to', longitude: 5.14, latitude: 48.11, zoom: 11 } });
  });

  it('a choice on the map leaves the camera; a selection from elsewhere brings it into view', () => {
    useAppStore.getState().select('garage', 'stay');
    expect(useAppStore.getState().cameraIntent).toBeNull();
    useAppStore.getState().select('atelier');
    expect(useAppStore.getState().cameraIntent).toEqual({ seq: 1, move: { kind: 'reveal', id: 'atelier' } });
    useAppStore.getState().select(null);
    expect(useAppStore.getState().cameraIntent?.seq).toBe(1);
  });

  it('every intent gets a new number, even the same move twice (the map performs each once)', () => {
    const move = { kind: 'fly-to', longitude: 2, latitude: 48, zoom: 10 } as const;
    useAppStore.getState().moveCamera(move);
    useAppStore.getState().moveCamera(move);
    expect(useAppStore.getState().cameraIntent).toEqual({ seq: 2, move });
  });

  it('a selection the URL brings is revealed; the same selection again moves nothing', () => {
    const url = { filters: EMPTY_FILTERS, selectedId: 'cafe', embed: false };
    useAppStore.getState().applyUrlState(url);
    expect(useAppStore.getState().cameraIntent).toEqual({ seq: 1, move: { kind: 'reveal', id: 'cafe' } });
    useAppStore.getState().applyUrlState(url);
    expect(useAppStore.getState().cameraIntent?.seq).toBe(1);
  });
});
