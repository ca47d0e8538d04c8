/**
 * The page while the compact data file's details are still arriving: the details panel says so,
 * the exports wait, a search says it covers names and communes for now; all of it turns normal
 * once the details are written into the initiatives.
 */
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { DetailsPanel } from '../../src/features/details/DetailsPanel';
import { ExportControls } from '../../src/features/export/ExportControls';
import { FilterPanel } from '../../src/features/filters/FilterPanel';
import type { Initiative } from '../../src/domain/initiative';
import { useAppStore } from '../../src/state/store';
import { anInitiative } from '../support/builders';

const DESCRIPTION = 'Tiers-lieu dans l’ancienne gare, café et ateliers vélo.';

describe('details still arriving (compact data file)', () => {
  it('waits for them in the details panel, the exports and the search, then shows them', async () => {
    // The app's own object (not frozen): the details are written into it.
    const gare: Initiative = { ...anInitiative(), description: '' };
    let arrive = () => {};
    const details = new Promise<void>((resolve) => (arrive = resolve));
    render(
      <>
        <FilterPanel />
        <ExportControls />
        <DetailsPanel />
      </>,
    );
    act(() => {
      useAppStore.getState().setInitiatives([gare], 0, details);
      useAppStore.getState().select(gare.id);
    });
    expect(screen.getByText('Chargement de la description et des coordonnées…')).toBeTruthy();
    expect((screen.getByRole('button', { name: /CSV/ }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Rechercher une initiative' }), 'atelier');
    expect(screen.getByText(/la recherche porte pour l’instant sur les noms et les communes/)).toBeTruthy();
    expect(useAppStore.getState().visibleIndices).toEqual([]);

    await act(async () => {
      gare.description = DESCRIPTION;
      arrive();
      await details;
    });
    expect(screen.getByText(DESCRIPTION)).toBeTruthy();
    expect((screen.getByRole('button', { name: /CSV/ }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByText(/la recherche porte pour l’instant/)).toBeNull();
    // The search typed meanwhile now finds it by its description.
    expect(useAppStore.getState().visibleIndices).toEqual([0]);
  });

  it('says it in words when they cannot be loaded', async () => {
    const gare: Initiative = { ...anInitiative() };
    const details = Promise.reject(new Error('Les descriptions et coordonnées des initiatives n’ont pas pu être chargées (réseau). Rechargez la page.'));
    render(<DetailsPanel />);
    await act(async () => {
      useAppStore.getState().setInitiatives([gare], 0, details);
      useAppStore.getState().select(gare.id);
      await details.catch(() => {});
    });
    expect(screen.getByRole('alert').textContent).toContain('n’ont pas pu être chargées');
  });
});
