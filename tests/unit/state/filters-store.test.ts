import { beforeEach, describe, expect, it } from 'vitest';
import { resetAppStore, useAppStore } from '../../../src/state/store';
import { EMPTY_FILTERS } from '../../../src/domain/filters';
import { makeInitiative } from '../domain/filtering-fixtures';

const sample = [
  makeInitiative({ id: 'a', themes: ['mobilite'], territory: 'rural', department: '52' }),
  makeInitiative({ id: 'b', themes: ['mobilite', 'commerces'], territory: 'qpv', department: '62' }),
  makeInitiative({ id: 'c', themes: ['commerces'], territory: 'rural', department: '62' }),
];

beforeEach(() => resetAppStore());

describe('store filtering', () => {
  it('filters that arrive before the data (from the URL) apply once it loads', () => {
    useAppStore.getState().applyUrlState({ filters: { ...EMPTY_FILTERS, departments: ['62'] }, selectedId: 'b', embed: true });
    expect(useAppStore.getState().visibleIndices).toEqual([]);
    useAppStore.getState().setInitiatives(sample);
    const state = useAppStore.getState();
    expect(state.visibleIndices).toEqual([1, 2]);
    expect(state.selectedId).toBe('b');
    expect(state.embed).toBe(true);
  });

  it('keeps facet counts and visible indices in step with every change, reset included', () => {
    useAppStore.getState().setInitiatives(sample);
    useAppStore.getState().setFilters({ territories: ['rural'] });
    let state = useAppStore.getState();
    expect(state.visibleIndices).toEqual([0, 2]);
    // Mobilité: a; Commerces: c — with « rural » applied. Territories ignore their own facet.
    expect(state.facetCounts.themes.slice(1, 3)).toEqual([1, 1]);
    expect(state.facetCounts.territories).toEqual([1, 2, 0, 0]);
    useAppStore.getState().resetFilters();
    state = useAppStore.getState();
    expect(state.visibleIndices).toEqual([0, 1, 2]);
    expect(state.filters).toEqual(EMPTY_FILTERS);
  });
});
