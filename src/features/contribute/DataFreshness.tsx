/** « Données mises à jour le … », from the published GeoJSON's `updated` (CONTRACT §3). */
import { formatUpdated } from '../../domain/site-config';
import { useSiteConfig } from '../../state/site-config';

export function DataFreshness() {
  const label = formatUpdated(useSiteConfig((state) => state.updated));
  if (!label) return null;
  return <p className="data-freshness">Données mises à jour le {label}</p>;
}
