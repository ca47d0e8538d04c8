import { useId, useState } from 'react';
import { selectListOrder } from '../../state/list-order';
import { useAppStore } from '../../state/store';
import { buildCsvRecords, CSV_MEDIA_TYPE, exportFileName, type CsvDialect } from '../../domain/csv-export';
import { buildGeoJson, GEOJSON_MEDIA_TYPE } from '../../domain/geojson-export';
import { spreadsheetRows, SHEET_COLUMNS } from '../../domain/spreadsheet-export';
import { downloadBlob, downloadText } from './download';
import './export.css';

const DIALECT_LABELS: Record<CsvDialect, string> = {
  'excel-fr': 'pour tableur (Excel, LibreOffice)',
  rfc4180: 'standard, virgules (portails open data)',
};

/** Downloads what the results list shows, in its order, as CSV (two flavours), Excel or GeoJSON. */
export function ExportControls() {
  // With the compact data file, exports wait for the descriptions and contacts (a second or two).
  const detailsStatus = useAppStore((state) => state.detailsStatus);
  const ready = useAppStore((state) => state.status === 'ready') && detailsStatus === 'complete';
  const count = useAppStore((state) => selectListOrder(state).indices.length);
  const [dialect, setDialect] = useState<CsvDialect>('excel-fr');
  const [xlsxState, setXlsxState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const selectId = useId();
  const hintId = useId();

  const exportAs = (format: 'csv' | 'geojson') => {
    const state = useAppStore.getState();
    const { indices } = selectListOrder(state);
    const fileName = exportFileName(new Date(), format);
    if (format === 'csv') downloadText(buildCsvRecords(state.initiatives, indices, { dialect }), fileName, CSV_MEDIA_TYPE);
    else downloadText(buildGeoJson(state.initiatives, indices), fileName, GEOJSON_MEDIA_TYPE);
  };

  const exportXlsx = async () => {
    const state = useAppStore.getState();
    const rows = spreadsheetRows(state.initiatives, selectListOrder(state).indices);
    setXlsxState('busy');
    try {
      // The Excel writer is loaded on this first click only (chunk of its own).
      const { buildXlsx } = await import('./xlsx-file');
      downloadBlob(await buildXlsx(rows, SHEET_COLUMNS), exportFileName(new Date(), 'xlsx'));
      setXlsxState('idle');
    } catch {
      setXlsxState('failed');
    }
  };

  return (
    <section className="export-controls" aria-label="Exporter la liste">
      <button type="button" className="export-csv" disabled={!ready} aria-describedby={hintId} onClick={() => exportAs('csv')}>
        Télécharger en CSV
      </button>
      <button type="button" className="export-xlsx" disabled={!ready || xlsxState === 'busy'} aria-describedby={hintId} onClick={() => void exportXlsx()}>
        Télécharger en Excel
      </button>
      <button type="button" className="export-geojson" disabled={!ready} aria-describedby={hintId} onClick={() => exportAs('geojson')}>
        GeoJSON
      </button>
      <label className="export-dialect" htmlFor={selectId}>
        <span>Format du CSV</span>
        <select id={selectId} value={dialect} onChange={(event) => setDialect(event.target.value as CsvDialect)}>
          {(Object.keys(DIALECT_LABELS) as CsvDialect[]).map((value) => (
            <option key={value} value={value}>{DIALECT_LABELS[value]}</option>
          ))}
        </select>
      </label>
      <p id={hintId} className="export-hint">
        {count.toLocaleString('fr-FR')} {count > 1 ? 'initiatives affichées' : 'initiative affichée'}, dans l’ordre de la liste
        {detailsStatus === 'loading' && ' (export disponible dès que les descriptions sont chargées)'}
      </p>
      {detailsStatus === 'error' && <p className="export-error" role="alert">Export indisponible : les descriptions n’ont pas pu être chargées. Rechargez la page.</p>}
      {xlsxState === 'failed' && (
        <p className="export-error" role="alert">
          Le fichier Excel n’a pas pu être préparé (connexion perdue ?). Réessayez, ou téléchargez le CSV.
        </p>
      )}
    </section>
  );
}
