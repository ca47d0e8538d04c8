import { formatInitiativeCount } from '../../domain/count-text';
import { getDepartment } from '../../domain/departments';
import type { Initiative } from '../../domain/initiative';
import { safeExternalUrl } from '../../domain/links';
import { getTerritory } from '../../domain/territories';
import { THEMES, getTheme } from '../../domain/themes';
import type { MapSnapshot } from '../../state/map-snapshot';
import { describeFilters } from '../embed/describe-filters';
import type { Filters } from '../../domain/filters';
import { QrCode } from './QrCode';
import { formatUpdated } from '../../domain/site-config';
import { useSiteConfig } from '../../state/site-config';

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

function place(initiative: Initiative): string {
  const department = getDepartment(initiative.department);
  return `${initiative.commune} (${department ? `${department.code} ${department.name}` : initiative.department})`;
}

function ThemeSymbol({ id }: { id: Initiative['themes'][number] }) {
  const theme = getTheme(id);
  return <span className="print-symbol" style={{ backgroundColor: theme.color }} aria-hidden="true">{theme.symbol}</span>;
}

/** The foot of every printed page: dates, attributions, and the QR code of the link. */
function PrintFooter({ link, attribution, qrLabel }: { link: string; attribution: readonly string[]; qrLabel: string }) {
  const updated = formatUpdated(useSiteConfig((state) => state.updated));
  return (
    <footer className="print-footer">
      <div className="print-footer-text">
        {updated && <p>Données mises à jour le {updated}.</p>}
        <p>Imprimé le {dateFormat.format(new Date())}.</p>
        <p>{attribution.join(' · ')}</p>
        <p className="print-link">{link}</p>
      </div>
      <QrCode text={link} label={qrLabel} />
    </footer>
  );
}

interface ListSheetProps {
  title: string;
  filters: Filters;
  epciName: (siren: string) => string | undefined;
  initiatives: readonly Initiative[];
  /** Indices into `initiatives`, in the list's order. */
  order: ArrayLike<number>;
  snapshot: MapSnapshot | null;
  link: string;
}

/** The filtered list on paper: every initiative, in the list's order, not only the rows on screen. */
export function ListSheet({ title, filters, epciName, initiatives, order, snapshot, link }: ListSheetProps) {
  const rows: Initiative[] = [];
  for (let position = 0; position < order.length; position += 1) {
    const initiative = initiatives[order[position] as number];
    if (initiative) rows.push(initiative);
  }
  return (
    <article className="print-sheet">
      <header className="print-header">
        <h1>{title}</h1>
        <p><strong>Filtres :</strong> {describeFilters(filters, epciName)}.</p>
        <p><strong>{formatInitiativeCount(rows.length)}</strong>, dans l’ordre de la liste.</p>
      </header>
      {snapshot && (
        <img className="print-map" src={snapshot.image} width={snapshot.width} height={snapshot.height} alt={`Carte des ${formatInitiativeCount(rows.length)} affichées`} />
      )}
      <ul className="print-legend" aria-label="Légende">
        {THEMES.map((theme) => (
          <li key={theme.id}><ThemeSymbol id={theme.id} /> {theme.label}</li>
        ))}
        <li><span className="print-symbol print-symbol--cluster" aria-hidden="true">12</span> Groupe d’initiatives proches</li>
      </ul>
      <ol className="print-list" aria-label="Initiatives imprimées">
        {rows.map((initiative) => (
          <li key={initiative.id}>
            {initiative.themes[0] && <ThemeSymbol id={initiative.themes[0]} />}
            <span className="print-list-text">
              <strong>{initiative.name}</strong> — {place(initiative)}
              <span className="print-list-themes"> · {initiative.themes.map((id) => getTheme(id).shortLabel).join(', ')}</span>
            </span>
          </li>
        ))}
      </ol>
      <PrintFooter link={link} attribution={snapshot?.attribution ?? []} qrLabel="Code QR du lien vers cette vue de la carte" />
    </article>
  );
}

/** One initiative on paper, for a flyer: its details and the QR code of its link. */
export function InitiativeSheet({ title, initiative, link }: { title: string; initiative: Initiative; link: string }) {
  const website = safeExternalUrl(initiative.website);
  return (
    <article className="print-sheet print-sheet--one">
      <p className="print-kicker">{title}</p>
      <h1>{initiative.name}</h1>
      <p className="print-place">{place(initiative)}</p>
      <ul className="print-themes">
        {initiative.themes.map((id) => (
          <li key={id}><ThemeSymbol id={id} /> {getTheme(id).label}</li>
        ))}
      </ul>
      <p>Territoire : {getTerritory(initiative.territory).label}{initiative.legalForm ? ` · ${initiative.legalForm}` : ''}</p>
      {initiative.description && <p className="print-description">{initiative.description}</p>}
      {website && <p>Site web : {website}</p>}
      <PrintFooter link={link} attribution={[]} qrLabel={`Code QR du lien vers ${initiative.name} sur la carte`} />
    </article>
  );
}
