import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { act } from 'react';
import { DetailsPanel } from '../../src/features/details/DetailsPanel';
import { useAppStore } from '../../src/state/store';
import type { Initiative } from '../../src/domain/initiative';
import { anInitiative } from '../support/builders';

function initiative(overrides: Partial<Initiative> = {}): Initiative {
  return anInitiative({
    id: 'garage-solidaire',
    name: 'Garage solidaire du Diois',
    themes: ['mobilite'],
    territory: 'rural',
    commune: 'Die',
    insee: '26113',
    department: '26',
    description: 'Réparations à prix solidaires.',
    source: 'https://www.example.fr/source',
    website: '',
    legalForm: '',
    longitude: 5.37,
    latitude: 44.75,
    approximate: false,
    ...overrides,
  });
}

const COMPLETE: Partial<Initiative> = {
  address: '12 avenue de la Clairette',
  phone: '+33475000000',
  email: 'contact@garage-diois.fr',
  openingHours: 'Mo-Fr 09:00-18:00; Sa 10:00-12:00',
  siret: '13002526500013',
  verifiedAt: '2025-03',
};

function open(item: Initiative) {
  render(<DetailsPanel />);
  act(() => {
    useAppStore.getState().setInitiatives([item]);
    useAppStore.getState().select(item.id);
  });
  return screen.getByRole('region', { name: item.name });
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('DetailsPanel: facts people can act on', () => {
  it('links the phone and the e-mail, with the phone in its national form', () => {
    const region = open(initiative(COMPLETE));
    expect(within(region).getByRole('link', { name: '04 75 00 00 00' })).toHaveAttribute('href', 'tel:+33475000000');
    expect(within(region).getByRole('link', { name: 'contact@garage-diois.fr' })).toHaveAttribute('href', 'mailto:contact@garage-diois.fr');
  });

  it('gives the address with a « Y aller » route planner link and says the map point is the commune’s', () => {
    const region = open(initiative(COMPLETE));
    expect(region).toHaveTextContent('12 avenue de la Clairette');
    expect(region).toHaveTextContent('position approximative (commune)');
    const go = within(region).getByRole('link', { name: /^Y aller/ });
    expect(go).toHaveAttribute('href', 'https://www.openstreetmap.org/directions?to=12%20avenue%20de%20la%20Clairette%2C%20Die');
    expect(go).toHaveAttribute('rel', 'noopener noreferrer');
    // A desktop browser has no maps app to hand a geo: link to.
    expect(within(region).queryByRole('link', { name: /application de cartes/ })).toBeNull();
  });

  it('offers the phone’s maps app through a geo: link on a touch screen', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)', media: query, addEventListener() {}, removeEventListener() {} }));
    const region = open(initiative(COMPLETE));
    expect(within(region).getByRole('link', { name: /application de cartes/ })).toHaveAttribute('href', 'geo:0,0?q=12%20avenue%20de%20la%20Clairette%2C%20Die');
  });

  it('shows the hours in French and whether it is open now, once the grammar is loaded', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T09:00:00Z')); // a Monday, 10:00 in Die
    const region = open(initiative(COMPLETE));
    expect(await within(region).findByText('lun.-ven. 9 h – 18 h')).toBeInTheDocument();
    expect(region).toHaveTextContent('sam. 10 h – 12 h');
    expect(region).toHaveTextContent('Ouvert maintenant');
  });

  it('says « Fermé actuellement » outside the hours', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T09:00:00Z')); // a Sunday
    const region = open(initiative(COMPLETE));
    expect(await within(region).findByText('Fermé actuellement')).toBeInTheDocument();
  });

  it('links the SIRET to the public directory of companies and says when the facts were checked', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T09:00:00Z'));
    const region = open(initiative(COMPLETE));
    const siret = within(region).getByRole('link', { name: /130 025 265 00013/ });
    expect(siret).toHaveAttribute('href', 'https://annuaire-entreprises.data.gouv.fr/etablissement/13002526500013');
    expect(region).toHaveTextContent('Informations vérifiées en mars 2025');
    expect(region).not.toHaveTextContent('à revérifier');
  });

  it('flags facts checked more than two years ago', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T09:00:00Z'));
    const region = open(initiative({ ...COMPLETE, verifiedAt: '2023-06-20' }));
    expect(region).toHaveTextContent('Informations vérifiées en juin 2023 — à revérifier');
  });

  it('shows no label for what the initiative does not have', () => {
    const region = open(initiative());
    for (const label of ['Adresse', 'Téléphone', 'E-mail', 'Horaires', 'SIRET', 'vérifiées', 'Y aller', 'approximative']) {
      expect(region).not.toHaveTextContent(label);
    }
    expect(region.querySelector('.details-contact')).toBeNull();
  });

  it('shows only the facts that are there', () => {
    const region = open(initiative({ phone: '+262262123456' }));
    expect(within(region).getByRole('link', { name: '02 62 12 34 56' })).toHaveAttribute('href', 'tel:+262262123456');
    for (const label of ['Adresse', 'E-mail', 'Horaires', 'SIRET', 'vérifiées']) expect(region).not.toHaveTextContent(label);
  });
});

describe('DetailsPanel: contact facts from a GeoJSON made elsewhere', () => {
  it('shows no link for values the pipeline would not have published', () => {
    const region = open(
      initiative({ phone: 'javascript:alert(1)', email: 'x@evil.fr?cc=autre@evil.fr', siret: '13002526500014', verifiedAt: 'hier' }),
    );
    expect(within(region).queryAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['https://www.example.fr/source']);
    for (const label of ['Téléphone', 'E-mail', 'SIRET', 'vérifiées']) expect(region).not.toHaveTextContent(label);
  });
});
