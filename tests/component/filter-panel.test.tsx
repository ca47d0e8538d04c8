import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FilterPanel } from '../../src/features/filters/FilterPanel';
import { ResultsList } from '../../src/features/results-list/ResultsList';
import { useAppStore } from '../../src/state/store';
import { generateInitiatives, makeInitiative } from '../unit/domain/filtering-fixtures';

// user-event drives real React renders; on a busy 2-core machine a test can take seconds.
vi.setConfig({ testTimeout: 30_000 });

const sample = [
  makeInitiative({ id: 'cafe', name: 'Le Café des Possibles', commune: 'Langres', themes: ['alimentation', 'tiers-lieux'], territory: 'centre-ville', department: '52' }),
  makeInitiative({ id: 'garage', name: 'Garage solidaire', commune: 'Arras', themes: ['mobilite'], territory: 'qpv', department: '62' }),
  makeInitiative({ id: 'velo', name: 'Atelier vélo', commune: 'Saint-Julien', themes: ['mobilite', 'economie-circulaire'], territory: 'rural', department: '62' }),
];

function renderPanel(initiatives = sample) {
  act(() => useAppStore.getState().setInitiatives(initiatives));
  return render(<><FilterPanel /><ResultsList /></>);
}

function countText(): string {
  return screen.getByRole('status').textContent ?? '';
}

describe('filter panel', () => {
  it('ticking a theme changes the announced count', async () => {
    const user = userEvent.setup();
    renderPanel();
    expect(countText()).toBe('3 initiatives');
    await user.click(screen.getByRole('checkbox', { name: /Mobilité/ }));
    expect(countText()).toBe('2 initiatives');
    await user.click(screen.getByRole('checkbox', { name: /Alimentation durable/ }));
    expect(countText()).toBe('3 initiatives');
    await user.click(screen.getByRole('radio', { name: /tous/ }));
    expect(countText()).toBe('0 initiative');
  });

  it('shows each theme with its colour symbol and the count it would give', () => {
    renderPanel();
    expect(screen.getByRole('checkbox', { name: /Mobilité.*2/ })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Commerces de proximité.*0/ })).toBeInTheDocument();
    const label = screen.getByRole('checkbox', { name: /Mobilité/ }).closest('label') as HTMLElement;
    expect(within(label).getByText('M')).toHaveStyle({ backgroundColor: '#1565c0' });
  });

  it('counts each option with the other facets applied', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(screen.getByRole('checkbox', { name: /Rural/ }));
    // With « Rural » ticked, Mobilité would give 1 and the other territories keep their own counts.
    expect(screen.getByRole('checkbox', { name: /Mobilité.*1/ })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Quartier prioritaire.*1/ })).toBeInTheDocument();
    expect(countText()).toBe('1 initiative');
  });

  it('text search ignores accents and expands « st »', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.type(screen.getByRole('searchbox', { name: /Rechercher une initiative/ }), 'st julien');
    expect(countText()).toBe('1 initiative');
    expect(screen.getByRole('button', { name: 'Atelier vélo' })).toBeInTheDocument();
  });

  it('works with the keyboard alone, départements included, and resets', async () => {
    const user = userEvent.setup();
    renderPanel();
    screen.getByRole('searchbox', { name: /Rechercher une initiative/ }).focus();
    await user.tab(); // match: radio group
    await user.tab(); // first theme
    expect(screen.getByRole('checkbox', { name: /Alimentation durable/ })).toHaveFocus();
    await user.keyboard(' ');
    expect(countText()).toBe('1 initiative');
    await user.click(screen.getByText(/Choisir des départements/));
    const filterBox = screen.getByRole('searchbox', { name: /Filtrer par nom, numéro ou région/ });
    await user.type(filterBox, 'pas calais');
    const region = screen.getByRole('group', { name: 'Hauts-de-France' });
    expect(within(region).getAllByRole('checkbox')).toHaveLength(1);
    await user.tab();
    expect(within(region).getByRole('checkbox', { name: /62 Pas-de-Calais/ })).toHaveFocus();
    await user.keyboard(' ');
    expect(countText()).toBe('0 initiative');
    expect(useAppStore.getState().filters.departments).toEqual(['62']);
    await user.click(screen.getByRole('button', { name: 'Réinitialiser' }));
    expect(countText()).toBe('3 initiatives');
  });
});

describe('results list', () => {
  it('lists names as buttons; choosing one selects it and asks the map to fly there', async () => {
    const user = userEvent.setup();
    renderPanel();
    const list = screen.getByRole('list', { name: 'Initiatives' });
    const names = within(list).getAllByRole('button').map((button) => button.textContent);
    expect(names).toEqual(['Atelier vélo', 'Garage solidaire', 'Le Café des Possibles']);
    await user.click(screen.getByRole('button', { name: 'Garage solidaire' }));
    expect(useAppStore.getState().selectedId).toBe('garage');
    expect(useAppStore.getState().cameraIntent?.move).toEqual({ kind: 'fly-to', longitude: 5.14, latitude: 48.11, zoom: 11 });
    expect(within(list).getAllByRole('listitem')[1]).toHaveAttribute('aria-posinset', '2');
    expect(within(list).getAllByRole('listitem')[1]).toHaveAttribute('aria-setsize', '3');
  });

  it('sorts by commune, and by distance with km once a commune is chosen', async () => {
    const user = userEvent.setup();
    const placed = [
      makeInitiative({ id: 'a', name: 'A Marseille', commune: 'Marseille', longitude: 5.37, latitude: 43.3 }),
      makeInitiative({ id: 'b', name: 'B Paris', commune: 'Paris', longitude: 2.35, latitude: 48.85 }),
      makeInitiative({ id: 'c', name: 'C Lyon', commune: 'Lyon', longitude: 4.83, latitude: 45.76 }),
    ];
    renderPanel(placed);
    const names = () => within(screen.getByRole('list', { name: 'Initiatives' })).getAllByRole('button').map((button) => button.textContent);
    await user.selectOptions(screen.getByRole('combobox', { name: /Trier par/ }), 'commune');
    expect(names()).toEqual(['C Lyon', 'A Marseille', 'B Paris']);
    act(() => useAppStore.getState().setOrigin({ label: 'Paris', longitude: 2.35, latitude: 48.85 }));
    expect(names()).toEqual(['B Paris', 'C Lyon', 'A Marseille']);
    expect(screen.getByText(/Lyon.*39\d km/)).toBeInTheDocument();
  });

  it('renders only a window of 100,000 rows, and arrow keys move between names', async () => {
    const user = userEvent.setup();
    renderPanel(generateInitiatives(100_000));
    expect(countText()).toMatch(/^100\s000 initiatives$/);
    const list = screen.getByRole('list', { name: 'Initiatives' });
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeLessThan(40);
    expect(items[0]).toHaveAttribute('aria-setsize', '100000');
    const buttons = within(list).getAllByRole('button');
    expect(buttons.filter((button) => button.tabIndex === 0)).toHaveLength(1);
    buttons[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(buttons[1]).toHaveFocus();
  });

  it('keeps only what the map shows with « Uniquement la zone visible de la carte »', async () => {
    const user = userEvent.setup();
    renderPanel([
      makeInitiative({ id: 'in', name: 'Dedans', longitude: 5, latitude: 48 }),
      makeInitiative({ id: 'out', name: 'Dehors', longitude: -1, latitude: 48 }),
    ]);
    act(() => useAppStore.getState().setViewport([4, 47, 6, 49]));
    await user.click(screen.getByRole('checkbox', { name: 'Uniquement la zone visible de la carte' }));
    const list = screen.getByRole('list', { name: 'Initiatives' });
    expect(within(list).getAllByRole('button').map((button) => button.textContent)).toEqual(['Dedans']);
    expect(countText()).toBe('2 initiatives');
  });
});
