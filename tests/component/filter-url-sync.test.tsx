import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FilterPanel } from '../../src/features/filters/FilterPanel';
import { useUrlSync } from '../../src/state/use-url-sync';
import { useAppStore } from '../../src/state/store';
import { makeInitiative } from '../unit/domain/filtering-fixtures';

// user-event drives real React renders; on a busy 2-core machine a test can take seconds.
vi.setConfig({ testTimeout: 30_000 });

function Harness() {
  useUrlSync();
  return <FilterPanel />;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

function start(url: string) {
  window.history.replaceState(null, '', url);
  act(() => useAppStore.getState().setInitiatives([
    makeInitiative({ id: 'velo', name: 'Atelier vélo', themes: ['mobilite'], department: '62' }),
    makeInitiative({ id: 'cafe', name: 'Café', themes: ['alimentation'], department: '52' }),
  ]));
  return render(<Harness />);
}

describe('URL sync', () => {
  it('applies the query string at start and keeps other parameters and the hash', () => {
    start('/?basemap=offline&dep=62&themes=licorne,mobilite&embed=1#7/47/2');
    expect(useAppStore.getState().filters.themes).toEqual(['mobilite']);
    expect(useAppStore.getState().filters.departments).toEqual(['62']);
    expect(useAppStore.getState().embed).toBe(true);
    expect(useAppStore.getState().visibleIndices).toEqual([0]);
    expect(window.location.search).toBe('?themes=mobilite&dep=62&embed=1&basemap=offline');
    expect(window.location.hash).toBe('#7/47/2');
  });

  it('writes a ticked theme to the URL as a new history entry, and back restores the filters', async () => {
    const user = userEvent.setup();
    start('/#5/46/2');
    const before = window.history.length;
    await user.click(screen.getByRole('checkbox', { name: /Mobilité/ }));
    await waitFor(() => expect(window.location.search).toBe('?themes=mobilite'));
    expect(window.location.hash).toBe('#5/46/2');
    expect(window.history.length).toBe(before + 1);
    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(window.location.search).toBe('');
    expect(useAppStore.getState().filters.themes).toEqual([]);
    expect(screen.getByRole('checkbox', { name: /Mobilité/ })).not.toBeChecked();
  });

  it('typing a search replaces the entry instead of adding one per keystroke', async () => {
    const user = userEvent.setup();
    start('/');
    const before = window.history.length;
    await user.type(screen.getByRole('searchbox', { name: /Rechercher une initiative/ }), 'café vélo');
    await waitFor(() => expect(window.location.search).toBe('?q=caf%C3%A9%20v%C3%A9lo'));
    expect(window.history.length).toBe(before);
  });
});

describe('URL sync, embedded', () => {
  it('replaces the history entry on a filter change, so the host page’s Back button leaves the page', async () => {
    const user = userEvent.setup();
    // At the end of the history (an earlier test went back): a push would lengthen it.
    window.history.pushState(null, '', '/');
    start('/?embed=1');
    const before = window.history.length;
    await user.click(screen.getByRole('checkbox', { name: /Mobilité/ }));
    await waitFor(() => expect(window.location.search).toBe('?themes=mobilite&embed=1'));
    expect(window.history.length).toBe(before);
  });
});
