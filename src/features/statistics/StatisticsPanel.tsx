import { useId, useMemo, useState, type ReactNode } from 'react';
import { computeStatistics, countPracticalFacts, statisticsCsv, type CountRow, type Statistics, type StatisticsTableKind } from '../../domain/statistics';
import type { Initiative } from '../../domain/initiative';
import { CSV_MEDIA_TYPE, exportFileName } from '../../domain/csv-export';
import { getTheme, isThemeId } from '../../domain/themes';
import { downloadText } from '../export/download';
import { useAppStore } from '../../state/store';
import './statistics.css';

const integerFormat = new Intl.NumberFormat('fr-FR');
const percentFormat = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

const FILE_NAMES: Record<StatisticsTableKind, string> = {
  themes: 'statistiques-themes',
  territories: 'statistiques-territoires',
  departments: 'statistiques-departements',
  practical: 'statistiques-informations-pratiques',
};

function downloadCsv(kind: StatisticsTableKind, rows: readonly CountRow[]) {
  downloadText(statisticsCsv(kind, rows), exportFileName(new Date(), 'csv', FILE_NAMES[kind]), CSV_MEDIA_TYPE);
}

interface StatisticsTableProps {
  kind: StatisticsTableKind;
  caption: string;
  /** Header of the first column (what is counted). */
  rowHeader: string;
  rows: readonly CountRow[];
  /** Short reading note under the caption. */
  note?: string;
  /** Accessible name of the export button, e.g. « Exporter le tableau par thème ». */
  exportLabel: string;
  exportHintId: string;
}

function StatisticsTable({ kind, caption, rowHeader, rows, note, exportLabel, exportHintId }: StatisticsTableProps) {
  const largest = rows.reduce((maximum, row) => Math.max(maximum, row.count), 0);
  return (
    <div className="statistics-block">
      <table className="statistics-table">
        <caption>
          {caption}
          {note && <span className="statistics-note">{note}</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            <th scope="col" className="statistics-number">Initiatives</th>
            <th scope="col" className="statistics-number">Part</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {kind === 'departments' ? `${row.label} (${row.key})` : row.label}
                <span className="statistics-bar-track" aria-hidden="true">
                  <span
                    className="statistics-bar"
                    style={{
                      width: `${largest === 0 ? 0 : (row.count / largest) * 100}%`,
                      background: kind === 'themes' && isThemeId(row.key) ? getTheme(row.key).color : undefined,
                    }}
                  />
                </span>
              </th>
              <td className="statistics-number">{integerFormat.format(row.count)}</td>
              <td className="statistics-number">{percentFormat.format(row.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 0 && (
        <button type="button" className="statistics-export" aria-describedby={exportHintId} onClick={() => downloadCsv(kind, rows)}>
          {exportLabel}
        </button>
      )}
    </div>
  );
}

/**
 * A native disclosure whose table is only built while it is open: 101 département rows
 * re-rendered on every filter change would cost time for nothing when folded.
 */
function Disclosure({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="statistics-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}

interface StatisticsBodyProps {
  statistics: Statistics;
  exportHintId: string;
  initiatives: readonly Initiative[];
  indices: readonly number[];
}

function StatisticsBody({ statistics, exportHintId, initiatives, indices }: StatisticsBodyProps) {
  const { total } = statistics;
  return (
    <>
      <p className="statistics-summary">
        Pour les {integerFormat.format(total)} initiative{total > 1 ? 's' : ''} correspondant aux filtres.
      </p>
      <p id={exportHintId} className="visually-hidden">Fichier CSV pour tableur</p>
      <StatisticsTable
        kind="themes"
        caption="Initiatives par thème"
        note="Une initiative qui relève de plusieurs thèmes compte dans chacun."
        rowHeader="Thème"
        rows={statistics.byTheme}
        exportLabel="Exporter le tableau par thème"
        exportHintId={exportHintId}
      />
      <Disclosure summary="Par type de territoire">
        {() => (
          <StatisticsTable
            kind="territories"
            caption="Initiatives par type de territoire"
            rowHeader="Type de territoire"
            rows={statistics.byTerritory}
            exportLabel="Exporter le tableau par type de territoire"
            exportHintId={exportHintId}
          />
        )}
      </Disclosure>
      <Disclosure summary={`Par département (${statistics.byDepartment.length})`}>
        {() => (
          <StatisticsTable
            kind="departments"
            caption="Initiatives par département"
            rowHeader="Département"
            rows={statistics.byDepartment}
            exportLabel="Exporter le tableau par département"
            exportHintId={exportHintId}
          />
        )}
      </Disclosure>
      <Disclosure summary="Informations pratiques">
        {() => (
          <StatisticsTable
            kind="practical"
            caption="Initiatives ayant chaque information pratique"
            note="Adresse, contacts, horaires, SIRET, et date de la dernière vérification."
            rowHeader="Information"
            rows={countPracticalFacts(initiatives, indices)}
            exportLabel="Exporter le tableau des informations pratiques"
            exportHintId={exportHintId}
          />
        )}
      </Disclosure>
    </>
  );
}

/**
 * « Statistiques »: what the current filters keep, counted per theme, territory type and
 * département, as tables (the numbers) with decorative bars, each exportable for a spreadsheet.
 */
export function StatisticsPanel() {
  const baseId = useId();
  const headingId = `${baseId}-heading`;
  const bodyId = `${baseId}-body`;
  const status = useAppStore((state) => state.status);
  const initiatives = useAppStore((state) => state.initiatives);
  const visibleIndices = useAppStore((state) => state.visibleIndices);
  // Contacts and opening hours are counted too: counted again once the compact data's details came.
  const detailsStatus = useAppStore((state) => state.detailsStatus);
  const [expanded, setExpanded] = useState(true);

  // Folded, nothing is counted or drawn: filter changes then cost this panel nothing.
  const statistics = useMemo(
    () => (expanded && detailsStatus ? computeStatistics(initiatives, visibleIndices) : null),
    [expanded, initiatives, visibleIndices, detailsStatus],
  );

  if (status !== 'ready') return null;

  return (
    <section className="statistics" aria-labelledby={headingId}>
      <div className="statistics-header">
        <h2 id={headingId}>Statistiques</h2>
        <button type="button" className="statistics-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded((value) => !value)}>
          {expanded ? 'Masquer les statistiques' : 'Afficher les statistiques'}
        </button>
      </div>
      <div id={bodyId} hidden={!expanded}>
        {statistics && (
          <StatisticsBody statistics={statistics} exportHintId={`${baseId}-export-hint`} initiatives={initiatives} indices={visibleIndices} />
        )}
      </div>
    </section>
  );
}
