import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommuneSearch } from '../../src/features/commune-search/CommuneSearch';
import { createCommuneIndex, parseCommuneRecords, type CommuneIndex, type CommuneRecord } from '../../src/domain/commune-search';
import { resetAppStore, useAppStore } from '../../src/state/store';
import type { Initiative } from '../../src/domain/initiative';
import { distanceKm } from '../../src/domain/distance';
import { anInitiative } from '../support/builders';

// All current communes from the public COG, placed at their bounding-box centre: the same
// sources and row shape as data/communes.json.
const require = createRequire(import.meta.url);
const readJson = (specifier: string): unknown => JSON.parse(readFileSync(require.resolve(specifier), 'utf8'));
const cog = readJson('@etalab/decoupage-administratif/data/communes.json') as { code: string; nom: string; departement: string; type: string; population?: number }[];
const boxes = readJson('@etalab/fr-bounding-boxes/dist/communes.json') as { id: string; bbox: [number, number, number, number] }[];
const boxByCode = new Map(boxes.map((box) => [box.id.replace('fr:commune:', ''), box.bbox]));
const records: CommuneRecord[] = cog
  .filter((commune) => commune.type === 'commune-actuelle' && boxByCode.has(commune.code))
  .map((commune) => {
    const [west, south, east, north] = boxByCode.get(commune.code)!;
    return [commune.code, commune.nom, commune.departement, (west + east) / 2, (south + north) / 2, commune.population ?? 0];
  });
const communeIndex: CommuneIndex = createCommuneIndex(parseCommuneRecords(records));
const loadIndex = () => Promise.resolve(communeIndex);
const vaillant = communeIndex.communes.find((commune) => commune.code === '52499')!;

function initiative(id: string, name: string, longitude: number, latitude: number): Initiative {
  return anInitiative({
    id, name, themes: ['mobilite'], territory: 'rural', commune: 'X', insee: '52121', department: '52',
    description: '', source: '', website: '', legalForm: '', longitude, latitude, approximate: false,
  });
}

const initiatives = [
  initiative('lille', 'Vélo-école de Lille', 3.0573, 50.6292),
  initiative('langres', 'Garage solidaire de Langres', 5.3336, 47.8625),
  initiative('nice', 'Covoiturage niçois', 7.262, 43.7102),
];

beforeEach(() => {
  resetAppStore();
  useAppStore.getState().setInitiatives(initiatives);
});

describe('commune search (combobox)', () => {
  it('is a combobox whose name mentions « commune », closed until something is typed', () => {
    render(<CommuneSearch loadIndex={loadIndex} />);
    const field = screen.getByRole('combobox', { name: /commune/i });
    expect(field).toHaveAttribute('aria-expanded', 'false');
    expect(field).toHaveAttribute('aria-controls');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
  });

  it('suggests matching communes with their département and walks them with the arrow keys', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={loadIndex} />);
    const field = screen.getByRole('combobox', { name: /commune/i });
    await user.type(field, 'sainte colombe');
    await waitFor(() => expect(field).toHaveAttribute('aria-expanded', 'true'));
    const listbox = screen.getByRole('listbox');
    expect(field.getAttribute('aria-controls')).toBe(listbox.id);
    const options = within(listbox).getAllByRole('option');
    expect(options.length).toBeGreaterThan(1);
    // Homonyms are told apart by their département.
    const labels = options.map((option) => option.textContent);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.every((label) => /^Sainte-Colombe \(\w+ — .+\)$/.test(label ?? ''))).toBe(true);

    expect(field).not.toHaveAttribute('aria-activedescendant');
    await user.keyboard('{ArrowDown}');
    expect(field).toHaveAttribute('aria-activedescendant', options[0]!.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(field).toHaveAttribute('aria-activedescendant', options[1]!.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'false');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    // Up from the first wraps to the last suggestion.
    expect(field).toHaveAttribute('aria-activedescendant', options[options.length - 1]!.id);
    expect(field).toHaveFocus();
  });

  it('Enter picks the highlighted commune: origin set, map asked to centre on it, list sorted by distance', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={loadIndex} />);
    const field = screen.getByRole('combobox', { name: /commune/i });
    await user.type(field, 'vaillant');
    await screen.findByRole('option', { name: 'Vaillant (52 — Haute-Marne)' });
    await user.keyboard('{ArrowDown}{Enter}');

    const state = useAppStore.getState();
    expect(state.origin).toEqual({ label: 'Vaillant (52 — Haute-Marne)', longitude: vaillant.longitude, latitude: vaillant.latitude });
    expect(state.cameraIntent?.move).toEqual({ kind: 'fly-to', longitude: vaillant.longitude, latitude: vaillant.latitude, zoom: 10 });
    expect(state.sort).toBe('distance');
    expect(field).toHaveValue('Vaillant (52 — Haute-Marne)');
    expect(field).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText(/triées par distance depuis/)).toHaveTextContent('Vaillant (52 — Haute-Marne)');
  });

  it('Enter picks the highlighted homonym, not merely the first suggestion', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={loadIndex} />);
    await user.type(screen.getByRole('combobox', { name: /commune/i }), 'sainte colombe');
    const options = await screen.findAllByRole('option');
    const third = options[2]!.textContent;
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
    expect(useAppStore.getState().origin?.label).toBe(third);
    expect(third).not.toBe(options[0]!.textContent);
  });

  it('names the nearest initiative even when the chosen commune has none', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={loadIndex} />);
    await user.type(screen.getByRole('combobox', { name: /commune/i }), 'vaillant');
    await screen.findByRole('option', { name: 'Vaillant (52 — Haute-Marne)' });
    await user.keyboard('{Enter}');
    const expectedKm = distanceKm(vaillant, initiatives[1]!);
    expect(screen.getByText(/La plus proche/)).toHaveTextContent(
      `La plus proche : Garage solidaire de Langres, à ${expectedKm.toLocaleString('fr-FR', { maximumFractionDigits: expectedKm < 10 ? 1 : 0 })} km.`,
    );
  });

  it('Escape closes the suggestions, a second Escape empties the field', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={loadIndex} />);
    const field = screen.getByRole('combobox', { name: /commune/i });
    await user.type(field, 'chaum');
    await waitFor(() => expect(field).toHaveAttribute('aria-expanded', 'true'));
    await user.keyboard('{Escape}');
    expect(field).toHaveAttribute('aria-expanded', 'false');
    expect(field).toHaveValue('chaum');
    await user.keyboard('{Escape}');
    expect(field).toHaveValue('');
    expect(useAppStore.getState().origin).toBeNull();
  });

  it('a click on a suggestion chooses it too', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={loadIndex} />);
    await user.type(screen.getByRole('combobox', { name: /commune/i }), 'st dizier');
    await user.click(await screen.findByRole('option', { name: 'Saint-Dizier (52 — Haute-Marne)' }));
    expect(useAppStore.getState().origin?.label).toBe('Saint-Dizier (52 — Haute-Marne)');
  });

  it('the starting point can be cleared, which gives the list back its usual order', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={loadIndex} />);
    await user.type(screen.getByRole('combobox', { name: /commune/i }), 'vaillant');
    await screen.findByRole('option', { name: 'Vaillant (52 — Haute-Marne)' });
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Effacer le point de départ' }));
    expect(useAppStore.getState().origin).toBeNull();
    expect(useAppStore.getState().sort).not.toBe('distance');
    expect(screen.getByRole('combobox', { name: /commune/i })).toHaveValue('');
  });

  it('forgets the chosen commune in the field when the starting point is cleared elsewhere', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={loadIndex} />);
    const field = screen.getByRole('combobox', { name: /commune/i });
    await user.type(field, 'vaillant');
    await screen.findByRole('option', { name: 'Vaillant (52 — Haute-Marne)' });
    await user.keyboard('{Enter}');
    act(() => useAppStore.getState().setOrigin(null));
    expect(field).toHaveValue('');
    expect(screen.queryByText(/triées par distance depuis/)).not.toBeInTheDocument();
  });

  it('says so when no commune matches', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={loadIndex} />);
    const field = screen.getByRole('combobox', { name: /commune/i });
    await user.type(field, 'qqqzzz');
    expect(await screen.findByText('Aucune commune ne correspond.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-expanded', 'false');
  });

  it('says so when the commune list cannot be loaded', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={() => Promise.reject(new Error('HTTP 404'))} />);
    await user.type(screen.getByRole('combobox', { name: /commune/i }), 'vai');
    expect(await screen.findByText(/n’a pas pu être chargée/)).toBeInTheDocument();
  });
});

describe('« Autour de moi »', () => {
  // jsdom has no geolocation: these stand-ins answer the way a browser does.
  function answeringGeolocation(answer: { coords: { longitude: number; latitude: number } } | { code: number }): Geolocation {
    return {
      getCurrentPosition: (success: PositionCallback, failure?: PositionErrorCallback | null) => {
        if ('coords' in answer) success(answer as unknown as GeolocationPosition);
        else failure?.({ code: answer.code, message: '', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
      },
      watchPosition: () => 0,
      clearWatch: () => undefined,
    } as Geolocation;
  }

  it('uses the position when allowed', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={loadIndex} geolocation={answeringGeolocation({ coords: { longitude: 5.1, latitude: 47.7 } })} />);
    await user.click(screen.getByRole('button', { name: 'Autour de moi' }));
    expect(useAppStore.getState().origin).toEqual({ label: 'Ma position', longitude: 5.1, latitude: 47.7 });
    expect(useAppStore.getState().cameraIntent?.move).toEqual({ kind: 'fly-to', longitude: 5.1, latitude: 47.7, zoom: 10 });
  });

  it('explains in French when the person refuses', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={loadIndex} geolocation={answeringGeolocation({ code: 1 })} />);
    await user.click(screen.getByRole('button', { name: 'Autour de moi' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Vous n’avez pas autorisé l’accès à votre position');
    expect(useAppStore.getState().origin).toBeNull();
  });

  it('explains in French when the browser has no geolocation', async () => {
    const user = userEvent.setup();
    render(<CommuneSearch loadIndex={loadIndex} geolocation={undefined} />);
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Autour de moi' }));
    });
    expect(screen.getByRole('alert')).toHaveTextContent('La géolocalisation n’est pas disponible');
  });
});
