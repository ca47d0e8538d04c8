import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StatisticsPanel } from '../../src/features/statistics/StatisticsPanel';
import { resetAppStore, useAppStore } from '../../src/state/store';
import type { Initiative } from '../../src/domain/initiative';
import { THEMES, type ThemeId } from '../../src/domain/themes';
import type { TerritoryId } from '../../src/domain/territories';
import { anInitiative } from '../support/builders';

function initiative(id: string, themes: ThemeId[], territory: TerritoryId, department: string): Initiative {
  return anInitiative({
    id, name: id, themes, territory, commune: 'X', insee: '52121', department,
    description: '', source: '', website: '', legalForm: '', longitude: 5, latitude: 47, approximate: false,
  });
}

const initiatives = [
  initiative('a', ['mobilite'], 'rural', '52'),
  initiative('b', ['mobilite', 'alimentation'], 'rural', '52'),
  initiative('c', ['alimentation', 'commerces'], 'qpv', '62'),
  initiative('d', ['tiers-lieux'], 'centre-ville', '2A'),
  initiative('e', ['mobilite', 'tiers-lieux', 'economie-circulaire'], 'urbain', '971'),
];

/** The number shown in the theme table for each theme label, read as a person would. */
function themeTableCounts(): Map<string, number> {
  const table = screen.getByRole('table', { name: /par thème/ });
  const counts = new Map<string, number>();
  for (const row of within(table).getAllByRole('row').slice(1)) {
    const header = within(row).getByRole('rowheader');
    const cells = within(row).getAllByRole('cell');
    counts.set(header.textContent ?? '', Number((cells[0]?.textContent ?? '').replace(/\D/g, '')));
  }
  return counts;
}

function expectedThemeCounts(shown: Initiative[]): Map<string, number> {
  return new Map(THEMES.map((theme) => [theme.label, shown.filter((item) => item.themes.includes(theme.id)).length]));
}

beforeEach(() => {
  resetAppStore();
  useAppStore.getState().setInitiatives(initiatives);
});

describe('statistics panel', () => {
  it('is a region named « Statistiques » with each theme label and its number', () => {
    render(<StatisticsPanel />);
    const region = screen.getByRole('region', { name: /Statistiques/ });
    expect(within(region).getByRole('table', { name: /par thème/ })).toBeInTheDocument();
    expect(themeTableCounts()).toEqual(expectedThemeCounts(initiatives));
  });

  it('follows the filters', () => {
    render(<StatisticsPanel />);
    act(() => useAppStore.getState().setFilters({ departments: ['52', '62'] }));
    expect(themeTableCounts()).toEqual(expectedThemeCounts(initiatives.filter((item) => ['52', '62'].includes(item.department))));
    expect(screen.getByText(/Pour les 3 initiatives/)).toBeInTheDocument();
    act(() => useAppStore.getState().setFilters({ departments: ['976'] }));
    expect([...themeTableCounts().values()].every((count) => count === 0)).toBe(true);
  });

  it('lists the most frequent theme first', () => {
    render(<StatisticsPanel />);
    const table = screen.getByRole('table', { name: /par thème/ });
    const headers = within(table).getAllByRole('rowheader').map((header) => header.textContent);
    expect(headers[0]).toBe('Mobilité');
  });

  it('has tables per territory type and per département, with COG names', async () => {
    const user = userEvent.setup();
    render(<StatisticsPanel />);
    await user.click(screen.getByText(/Par département/));
    const departments = screen.getByRole('table', { name: /par département/ });
    const rows = within(departments).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows[0]).toMatch(/^Haute-Marne \(52\)2/);
    expect(rows.some((text) => text?.startsWith('Guadeloupe (971)1'))).toBe(true);
    expect(rows).toHaveLength(4);
    await user.click(screen.getByText(/Par type de territoire/));
    const territories = screen.getByRole('table', { name: /par type de territoire/ });
    expect(within(territories).getByRole('rowheader', { name: 'Rural' }).closest('tr')).toHaveTextContent('Rural2');
  });

  it('keeps its bars away from assistive technologies: the number is the text', () => {
    const { container } = render(<StatisticsPanel />);
    const bars = container.querySelectorAll('.statistics-bar-track');
    expect(bars.length).toBeGreaterThan(0);
    bars.forEach((bar) => expect(bar).toHaveAttribute('aria-hidden', 'true'));
  });

  it('can be folded away and unfolded again', async () => {
    const user = userEvent.setup();
    render(<StatisticsPanel />);
    const toggle = screen.getByRole('button', { name: /Masquer les statistiques/ });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table', { name: /par thème/ })).not.toBeInTheDocument();
    await user.click(toggle);
    expect(screen.getByRole('table', { name: /par thème/ })).toBeInTheDocument();
  });

  it('offers each table as a file without competing with the list’s CSV button', () => {
    render(<StatisticsPanel />);
    const exportButton = screen.getByRole('button', { name: 'Exporter le tableau par thème' });
    expect(exportButton).toHaveAccessibleDescription(/CSV/);
    expect(screen.queryByRole('button', { name: /CSV/ })).not.toBeInTheDocument();
  });
});

describe('statistics panel: practical information', () => {
  it('counts, for the filtered initiatives, those that have each fact people can act on', async () => {
    const user = userEvent.setup();
    const [first, second, third] = initiatives as [Initiative, Initiative, Initiative];
    act(() =>
      useAppStore.getState().setInitiatives([
        { ...first, phone: '+33325000000', address: '1 rue de la Gare', verifiedAt: '2025-03' },
        { ...second, phone: '+33325000001', openingHours: 'Mo-Fr 09:00-18:00', verifiedAt: '2019-01' },
        { ...third, email: 'contact@exemple.fr', siret: '13002526500013' },
      ]),
    );
    render(<StatisticsPanel />);
    await user.click(screen.getByText('Informations pratiques'));
    const table = screen.getByRole('table', { name: /information pratique/ });
    // Intl writes « 33,3 % » with a narrow no-break space.
    const rows = within(table).getAllByRole('row').slice(1).map((row) => (row.textContent ?? '').replace(/\s/g, ' '));
    expect(rows).toEqual([
      'Adresse133,3 %',
      'Téléphone266,7 %',
      'E-mail133,3 %',
      'Horaires133,3 %',
      'SIRET133,3 %',
      'Vérifiées depuis moins de 24 mois133,3 %',
    ]);
    act(() => useAppStore.getState().setFilters({ departments: ['62'] }));
    expect(within(screen.getByRole('table', { name: /information pratique/ })).getByRole('rowheader', { name: 'Téléphone' }).closest('tr')).toHaveTextContent('Téléphone00');
  });
});
