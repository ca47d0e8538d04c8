import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { resetAppStore, useAppStore } from '../../src/state/store';
import { EmbedFold } from '../../src/features/embed/EmbedFold';
import { EmbedBar } from '../../src/features/embed/EmbedBar';

function Filters() {
  return <input type="checkbox" aria-label="Mobilité" />;
}

describe('embed mode chrome', () => {
  beforeEach(() => {
    resetAppStore();
  });

  it('shows the filters as they are outside embed mode', () => {
    window.history.replaceState(null, '', '/');
    render(<EmbedFold><Filters /></EmbedFold>);
    expect(screen.getByRole('checkbox', { name: 'Mobilité' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Filtres' })).not.toBeInTheDocument();
    render(<EmbedBar />);
    expect(screen.queryByRole('link', { name: /carte complète/ })).not.toBeInTheDocument();
  });

  it('folds the filters behind a « Filtres » button that unfolds them', async () => {
    window.history.replaceState(null, '', '/?embed=1');
    useAppStore.setState({ embed: true });
    render(<EmbedFold><Filters /></EmbedFold>);
    const toggle = screen.getByRole('button', { name: 'Filtres' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('checkbox', { name: 'Mobilité' })).not.toBeInTheDocument();
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('checkbox', { name: 'Mobilité' })).toBeVisible();
  });

  it('shows the filters unfolded with filters=open, and not at all with lock=1', () => {
    useAppStore.setState({ embed: true });
    window.history.replaceState(null, '', '/?embed=1&filters=open');
    const { unmount } = render(<EmbedFold><Filters /></EmbedFold>);
    expect(screen.getByRole('checkbox', { name: 'Mobilité' })).toBeVisible();
    unmount();
    window.history.replaceState(null, '', '/?embed=1&lock=1');
    render(<EmbedFold><Filters /></EmbedFold>);
    expect(screen.queryByRole('checkbox', { name: 'Mobilité' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Filtres' })).not.toBeInTheDocument();
  });

  it('links to the full map in a new tab with the current filters and camera, without embed parameters', async () => {
    window.history.replaceState(null, '', '/carte/?embed=1&lock=1&themes=mobilite#9/48.1/5.1');
    useAppStore.setState({ embed: true });
    useAppStore.getState().setFilters({ themes: ['alimentation'], departments: ['2A'] });
    render(<EmbedBar />);
    const link = screen.getByRole('link', { name: /Ouvrir la carte complète/ });
    expect(link).toHaveAttribute('target', '_blank');
    const url = new URL(link.getAttribute('href') ?? '');
    expect(url.pathname).toBe('/carte/');
    expect(url.searchParams.get('embed')).toBeNull();
    expect(url.searchParams.get('lock')).toBeNull();
    expect(url.searchParams.get('themes')).toBe('alimentation');
    expect(url.searchParams.get('dep')).toBe('2A');
    expect(url.hash).toBe('#9/48.1/5.1');
  });
});
