/**
 * The publish page (CONTRACT §9): a spreadsheet checked in the browser with the pipeline's
 * own rules, its report row by row, and the GeoJSON to publish. Nothing is uploaded.
 */
import { useId, type ReactNode } from 'react';
import { PublishReport } from './PublishReport';
import { useFileCheck, type PreviewItem } from './use-file-check';
import './publish.css';

const STAGE_LABEL = { lecture: 'Lecture du fichier', communes: 'Chargement de la liste des communes', rows: 'Vérification des lignes' } as const;

/** `renderMap`: the page's shell puts the map preview there (features never import src/map). */
export function PublishPage({ renderMap }: { renderMap?: (points: readonly PreviewItem[]) => ReactNode }) {
  const { check, start } = useFileCheck();
  const inputId = useId();
  return (
    <main id="contenu" className="publish-page">
      <h1>Vérifier et publier les données</h1>
      <p>
        Choisissez le tableau des initiatives : un CSV (UTF-8, ou tel qu’Excel l’enregistre, avec des
        points-virgules) ou un classeur Excel <code>.xlsx</code> (sa première feuille). Il est vérifié
        dans votre navigateur avec les mêmes règles que la commande <code>npm run data</code> : rien
        n’est envoyé.
      </p>
      <p className="publish-field">
        <label htmlFor={inputId}>Fichier des initiatives (CSV ou Excel .xlsx)</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) start(file);
          }}
        />
      </p>
      <div role="status" aria-live="polite" className="publish-status">
        {check.state === 'running' && (
          <>
            <label>
              {STAGE_LABEL[check.stage]} : {Math.round(check.fraction * 100)} %
              <progress max={1} value={check.fraction} />
            </label>
          </>
        )}
        {check.state === 'done' &&
          `${check.fileName} vérifié en ${(check.milliseconds / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s : ${check.report.rowsWritten} initiative(s) à publier, ${check.report.rowsRejected} ligne(s) rejetée(s).`}
      </div>
      {check.state === 'failed' && (
        <p role="alert" className="publish-error">
          {check.fileName} : {check.message}
        </p>
      )}
      {check.state === 'done' && (
        <>
          <p>
            <a className="publish-download" href={check.downloadUrl} download="initiatives.geojson">
              Télécharger le GeoJSON à publier (initiatives.geojson)
            </a>
          </p>
          <p>
            Remplacez par ce fichier <code>data/initiatives.geojson</code> à côté de la carte publiée : les lignes rejetées n’y sont pas.
          </p>
          <PublishReport report={check.report} preview={check.preview} map={check.preview.length > 0 ? renderMap?.(check.preview) : undefined} />
        </>
      )}
    </main>
  );
}
