/** The report of a checked file, row by row, as `npm run data` gives it; and what will be published. */
import type { ReactNode } from 'react';
import type { PipelineReport } from '../../pipeline/core/table-run';
import type { PreviewItem } from './use-file-check';

const PREVIEW_LIMIT = 500;

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count.toLocaleString('fr-FR')} ${count > 1 ? pluralForm : singular}`;
}

export function PublishReport({ report, preview, map }: { report: PipelineReport; preview: readonly PreviewItem[]; map?: ReactNode }) {
  const read = report.encoding === 'xlsx' ? 'classeur Excel, première feuille' : `${report.encoding}, séparateur « ${report.delimiter === '\t' ? 'tabulation' : report.delimiter} »`;
  return (
    <>
      <section aria-labelledby="bilan">
        <h2 id="bilan">Bilan</h2>
        <ul className="publish-counts">
          <li>{plural(report.rowsRead, 'ligne lue', 'lignes lues')}</li>
          <li>{plural(report.rowsWritten, 'initiative publiée', 'initiatives publiées')}</li>
          <li>{plural(report.rowsRejected, 'ligne rejetée', 'lignes rejetées')}</li>
          <li>{plural(report.warnings.length, 'avertissement', 'avertissements')}</li>
        </ul>
        <p>Fichier lu : {report.input} ({read}).</p>
      </section>
      {report.rejected.length > 0 && (
        <section aria-labelledby="rejets">
          <h2 id="rejets">Lignes rejetées (non publiées)</h2>
          <ul className="publish-problems">
            {report.rejected.map((problem, index) => (
              <li key={index}>
                <strong>ligne {problem.line}</strong>
                {problem.id ? ` (id « ${problem.id} »)` : ''}, colonne <code>{problem.column}</code> : {problem.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.warnings.length > 0 && (
        <section aria-labelledby="avertissements">
          <h2 id="avertissements">Avertissements (lignes publiées)</h2>
          <ul className="publish-problems">
            {report.warnings.map((warning, index) => (
              <li key={index}>
                <strong>ligne {warning.line}</strong>
                {warning.id ? ` (id « ${warning.id} »)` : ''}, colonne <code>{warning.column}</code> : {warning.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="apercu">
        <h2 id="apercu">Aperçu : ce qui sera publié</h2>
        {map}
        {preview.length === 0 ? (
          <p>Aucune initiative ne sera publiée.</p>
        ) : (
          <ul aria-label="Initiatives publiées" className="publish-preview">
            {preview.slice(0, PREVIEW_LIMIT).map((item) => (
              <li key={item.id}>
                {item.name} — {item.commune}
              </li>
            ))}
          </ul>
        )}
        {preview.length > PREVIEW_LIMIT && <p>… et {plural(preview.length - PREVIEW_LIMIT, 'autre', 'autres')}.</p>}
      </section>
    </>
  );
}
