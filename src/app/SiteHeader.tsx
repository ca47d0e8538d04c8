import { useEffect } from 'react';
import { DataFreshness } from '../features/contribute/DataFreshness';
import { ProposeLink } from '../features/contribute/ProposeLink';
import { EmbedControl } from '../features/embed/EmbedControl';
import { ShareActions } from '../features/share/ShareActions';
import { useSiteConfig } from '../state/site-config';

/** The map's name when config.json names none (CONTRACT §8). */
export const DEFAULT_SITE_TITLE = 'Carte ESS';

/** The page's heading (config.json's `title`; the document title follows) and its page-wide actions. */
export function SiteHeader() {
  const title = useSiteConfig((state) => state.config.title) ?? DEFAULT_SITE_TITLE;
  useEffect(() => {
    if (title !== DEFAULT_SITE_TITLE) document.title = `${title} — initiatives de l’économie sociale et solidaire`;
  }, [title]);
  return (
    <header className="app-header">
      <h1 className="app-title">{title}</h1>
      <p className="app-tagline">Initiatives de l’économie sociale et solidaire</p>
      <DataFreshness />
      <div className="app-actions">
        <ShareActions />
        <ProposeLink />
        <EmbedControl />
      </div>
      <a className="accessibility-link" href="accessibilite.html">Accessibilité : partiellement conforme</a>
    </header>
  );
}
