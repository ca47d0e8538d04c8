import { beforeEach, describe, expect, it } from 'vitest';
import { distanceKm } from '../../../src/domain/distance';
import { selectListOrder } from '../../../src/state/list-order';
import { resetAppStore, useAppStore } from '../../../src/state/store';
import { makeInitiative } from '../domain/filtering-fixtures';

const initiatives = [
  makeInitiative({ id: 'paris', name: 'Atelier', commune: 'Paris', longitude: 2.35, latitude: 48.85 }),
  makeInitiative({ id: 'lyon', name: 'Cantine', commune: 'Lyon', longitude: 4.83, latitude: 45.76 }),
  makeInitiative({ id: 'aurillac', name: 'Bricothèque', commune: 'Aurillac', longitude: 2.44, latitude: 44.93 }),
  makeInitiative({ id: 'marseille', name: 'Dépôt', commune: 'Marseille', longitude: 5.37, latitude: 43.3 }),
];
const clermont = { label: 'Clermont-Ferrand', longitude: 3.08, latitude: 45.78 };

function shownIds(): string[] {
  return Array.from(selectListOrder(useAppStore.getState()).indices, (index) => initiatives[index]!.id);
}

describe('the list order shared by the results list and the export', () => {
  beforeEach(() => {
    resetAppStore();
    useAppStore.getState().setInitiatives(initiatives);
  });

  it('orders by name by default, by commune on request', () => {
    expect(shownIds()).toEqual(['paris', 'aurillac', 'lyon', 'marseille']);
    useAppStore.getState().setSort('commune');
    expect(shownIds()).toEqual(['aurillac', 'lyon', 'marseille', 'paris']);
  });

  it('orders by distance from the chosen commune, each distance beside its initiative, also once the visible zone narrows it', () => {
    useAppStore.getState().setOrigin(clermont);
    expect(shownIds()).toEqual(['aurillac', 'lyon', 'marseille', 'paris']);
    useAppStore.getState().setViewport([2, 43, 6, 46.5]);
    useAppStore.getState().setListScope('in-view');
    const { indices, distancesKm } = selectListOrder(useAppStore.getState());
    expect(shownIds()).toEqual(['aurillac', 'lyon', 'marseille']);
    Array.from(indices).forEach((index, position) => {
      expect(distancesKm![position]).toBeCloseTo(distanceKm(clermont, initiatives[index]!), 9);
    });
  });

  it('shows everything until the map has reported its bounds', () => {
    useAppStore.getState().setListScope('in-view');
    expect(shownIds()).toHaveLength(4);
  });

  it('gives the same object back while nothing it depends on changes, and a new one when the filters change', () => {
    const first = selectListOrder(useAppStore.getState());
    useAppStore.getState().select('lyon');
    expect(selectListOrder(useAppStore.getState())).toBe(first);
    useAppStore.getState().setFilters({ query: 'cantine' });
    expect(shownIds()).toEqual(['lyon']);
  });
});
