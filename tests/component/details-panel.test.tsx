import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { DetailsPanel } from '../../src/features/details/DetailsPanel';
import { useAppStore } from '../../src/state/store';
import type { Initiative } from '../../src/domain/initiative';
import { anInitiative } from '../support/builders';

const PAYLOAD = '<img src=x onerror="window.__pwned=1">';

function initiative(overrides: Partial<Initiative> = {}): Initiative {
  return anInitiative({
    id: 'collectif-gare',
    name: 'Collectif de la gare',
    themes: ['mobilite', 'tiers-lieux'],
    territory: 'rural',
    commune: 'Vaillant',
    insee: '52499',
    department: '52',
    description: 'Un garage solidaire et un café associatif.',
    source: 'https://www.example.fr/source',
    website: 'https://collectif-gare.example.fr',
    legalForm: 'Association loi 1901',
    longitude: 5.15,
    latitude: 47.69,
    approximate: false,
    ...overrides,
  });
}

function open(item: Initiative) {
  act(() => {
    useAppStore.getState().setInitiatives([item]);
    useAppStore.getState().select(item.id);
  });
}

describe('DetailsPanel', () => {
  it('shows nothing until an initiative is selected', () => {
    render(<DetailsPanel />);
    act(() => useAppStore.getState().setInitiatives([initiative()]));
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('shows the initiative in a region named by its heading, with commune, département, themes and territory', () => {
    render(<DetailsPanel />);
    open(initiative());
    const region = screen.getByRole('region', { name: 'Collectif de la gare' });
    expect(within(region).getByRole('heading', { name: 'Collectif de la gare' })).toBeInTheDocument();
    expect(region).toHaveTextContent('Vaillant — Haute-Marne (52)');
    expect(region).toHaveTextContent('Mobilité (principal)');
    expect(region).toHaveTextContent('Tiers-lieux et autres lieux multi-activités');
    expect(region).toHaveTextContent('Rural');
    expect(region).toHaveTextContent('Association loi 1901');
    expect(region).toHaveTextContent('Un garage solidaire et un café associatif.');
    expect(region).not.toHaveTextContent('approximative');
    const website = within(region).getByRole('link', { name: /Site web/ });
    expect(website).toHaveAttribute('href', 'https://collectif-gare.example.fr/');
    expect(website).toHaveAttribute('target', '_blank');
    expect(website).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(region).getByRole('link', { name: /Source/ })).toHaveAttribute('href', 'https://www.example.fr/source');
  });

  it('says when the position is only the centre of the commune', () => {
    render(<DetailsPanel />);
    open(initiative({ approximate: true }));
    expect(screen.getByRole('region')).toHaveTextContent('Position approximative (centre de la commune)');
  });

  it('shows markup from the data as text, never as HTML', () => {
    render(<DetailsPanel />);
    open(initiative({ name: `${PAYLOAD} Nom`, description: `<b>gras</b> ${PAYLOAD}`, legalForm: PAYLOAD }));
    const region = screen.getByRole('region');
    expect(region.querySelector('img, b, script')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(`${PAYLOAD} Nom`);
    expect(region).toHaveTextContent('<b>gras</b>');
  });

  it.each(['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'])(
    'does not render the unsafe address %j as a link',
    (address) => {
      render(<DetailsPanel />);
      open(initiative({ website: address, source: address }));
      const region = screen.getByRole('region');
      expect(within(region).queryAllByRole('link')).toEqual([]);
      expect(region).toHaveTextContent('Site web : adresse non valide');
    },
  );

  it('« Zoomer ici » asks the map to zoom on the initiative', async () => {
    render(<DetailsPanel />);
    open(initiative());
    await userEvent.click(screen.getByRole('button', { name: 'Zoomer ici' }));
    expect(useAppStore.getState().cameraIntent?.move).toMatchObject({ kind: 'fly-to', longitude: 5.15, latitude: 47.69 });
  });

  it('closes with its button or Escape, and gives the focus back to where it was', async () => {
    render(
      <>
        <button type="button" onClick={() => useAppStore.getState().select('collectif-gare')}>
          ouvrir
        </button>
        <DetailsPanel />
      </>,
    );
    act(() => useAppStore.getState().setInitiatives([initiative()]));
    const opener = screen.getByRole('button', { name: 'ouvrir' });
    await userEvent.click(opener);
    expect(screen.getByRole('heading', { name: 'Collectif de la gare' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('region')).toBeNull();
    expect(useAppStore.getState().selectedId).toBeNull();
    expect(opener).toHaveFocus();

    await userEvent.click(opener);
    await userEvent.click(screen.getByRole('button', { name: 'Fermer les détails' }));
    expect(screen.queryByRole('region')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('shows nothing for an unknown id', () => {
    render(<DetailsPanel />);
    act(() => {
      useAppStore.getState().setInitiatives([initiative()]);
      useAppStore.getState().select('inconnue');
    });
    expect(screen.queryByRole('region')).toBeNull();
  });
});
