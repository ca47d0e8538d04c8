import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import type { Initiative } from '../../src/domain/initiative';
import { resetAppStore, useAppStore } from '../../src/state/store';
import { ExportControls } from '../../src/features/export/ExportControls';
import { ResultsList } from '../../src/features/results-list/ResultsList';
import { anInitiative } from '../support/builders';

function initiative(id: string, name: string, themes: Initiative['themes'], commune: string, description = ''): Initiative {
  return anInitiative({
    id, name, themes, territory: 'urbain', commune, insee: '75056', department: '75', description,
    source: '', website: '', legalForm: '', longitude: 2.35, latitude: 48.85, approximate: false,
  });
}

const initiatives = [
  initiative('velo', 'Vélo solidaire', ['mobilite'], 'Paris', '=HYPERLINK("http://x")\nsuite'),
  initiative('epicerie', 'Épicerie du coin', ['commerces'], 'Lyon'),
  initiative('auto', 'Autopartage rural', ['mobilite', 'transition-energetique'], 'Aurillac'),
];

interface Download { fileName: string; blob: Blob }

/**
 * jsdom has no object URLs and does not save files: record the Blob handed to
 * URL.createObjectURL and the <a download> the control clicks, which is what the browser saves.
 */
function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  let counter = 0;
  URL.createObjectURL = (blob: Blob) => {
    counter += 1;
    const url = `blob:test/${counter}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  document.addEventListener('click', (event) => {
    const link = event.target as HTMLAnchorElement;
    if (link.tagName === 'A' && link.hasAttribute('download')) {
      event.preventDefault();
      downloads.push({ fileName: link.download, blob: blobs.get(link.href) as Blob });
    }
  });
  return downloads;
}

describe('ExportControls', () => {
  let downloads: Download[];
  beforeEach(() => {
    resetAppStore();
    useAppStore.getState().setInitiatives(initiatives);
    downloads = captureDownloads();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 27, 10, 0));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('downloads exactly the shown initiatives, in the list’s name order, for a French spreadsheet', async () => {
    useAppStore.getState().setFilters({ themes: ['mobilite'] });
    render(<ExportControls />);
    await userEvent.click(screen.getByRole('button', { name: /CSV/ }));
    expect(downloads).toHaveLength(1);
    const { fileName, blob } = downloads[0] as Download;
    expect(fileName).toBe('initiatives-ess-2026-11-27.csv');
    expect(blob.type).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows.slice(1).map((row) => row[1])).toEqual(['Autopartage rural', 'Vélo solidaire']);
    expect(rows[2]?.[9]).toBe('\'=HYPERLINK("http://x")\nsuite');
  });

  it('offers standard comma CSV', async () => {
    render(<ExportControls />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Format du CSV/ }), 'rfc4180');
    await userEvent.click(screen.getByRole('button', { name: /CSV/ }));
    const text = await (downloads[0] as Download).blob.text();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\r\n')[0]?.split(',')[0]).toBe('id');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
  });

  it('downloads the shown initiatives as GeoJSON', async () => {
    useAppStore.getState().setFilters({ themes: ['commerces'] });
    render(<ExportControls />);
    await userEvent.click(screen.getByRole('button', { name: /GeoJSON/ }));
    const { fileName, blob } = downloads[0] as Download;
    expect(fileName).toBe('initiatives-ess-2026-11-27.geojson');
    const collection = JSON.parse(await blob.text()) as { features: { properties: { id: string } }[] };
    expect(collection.features.map((feature) => feature.properties.id)).toEqual(['epicerie']);
  });

  it('holds exactly what the list shows, in its order, when the list keeps only the visible zone', async () => {
    const placed = [
      { ...initiatives[0]!, longitude: 2.35, latitude: 48.85 },
      { ...initiatives[1]!, longitude: 4.83, latitude: 45.76 },
      { ...initiatives[2]!, longitude: 2.44, latitude: 44.93 },
    ];
    useAppStore.getState().setInitiatives(placed);
    // Clermont-Ferrand chosen; the map shows the Massif central and Lyon, not Paris.
    useAppStore.getState().setOrigin({ label: 'Clermont-Ferrand', longitude: 3.08, latitude: 45.78 });
    useAppStore.getState().setViewport([2, 44, 5.5, 46.5]);
    useAppStore.getState().setListScope('in-view');
    render(<><ResultsList /><ExportControls /></>);
    const listed = screen.getAllByRole('listitem').map((item) => item.querySelector('button')?.textContent);
    expect(listed).toEqual(['Autopartage rural', 'Épicerie du coin']);
    expect(screen.getByText(/2 initiatives affichées/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /CSV/ }));
    const rows = Papa.parse<string[]>(await (downloads[0] as Download).blob.text(), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows.slice(1).map((row) => row[1])).toEqual(listed);
  });

  it('is disabled until the data is loaded', () => {
    resetAppStore();
    render(<ExportControls />);
    expect(screen.getByRole('button', { name: /CSV/ })).toBeDisabled();
  });
});
