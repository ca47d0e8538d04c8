/**
 * « Signaler une erreur » on an initiative's details: the configured form (config.json
 * `reportUrl`) prefilled with its id, name, commune and permalink, in a new tab (a sandboxed
 * iframe lets it out only as a new tab, CONTRACT §8).
 */
import type { Initiative } from '../../domain/initiative';
import { fullMapUrl } from '../../domain/embed-code';
import { fillReportUrl } from '../../domain/site-config';
import { useSiteConfig } from '../../state/site-config';
import { useAppStore } from '../../state/store';
import './contribute.css';

export function ReportErrorLink({ initiative }: { initiative: Initiative }) {
  const reportUrl = useSiteConfig((state) => state.config.reportUrl);
  const filters = useAppStore((state) => state.filters);
  if (!reportUrl) return null;
  const href = fillReportUrl(reportUrl, {
    id: initiative.id,
    nom: initiative.name,
    commune: initiative.commune,
    lien: fullMapUrl(window.location.href, { filters, selectedId: initiative.id }),
  });
  return (
    <p className="details-report">
      <a className="contribute-link" href={href} target="_blank" rel="noopener noreferrer">
        Signaler une erreur<span className="visually-hidden"> sur {initiative.name} (nouvel onglet)</span>
      </a>
    </p>
  );
}
