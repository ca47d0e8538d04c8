import { EmbedControl } from '../features/embed/EmbedControl';
import { ShareActions } from '../features/share/ShareActions';

/** The map's name when config.json names none (CONTRACT §8). */
export const DEFAULT_SITE_TITLE = 'Carte ESS';

/**
 * The page's heading and its page-wide actions.
 * Hook for config.json (issue 16): pass its `title` here; the document title follows.
 */
export function SiteHeader({ title = DEFAULT_SITE_TITLE }: { title?: string }) {
  return (
    <header className="app-header">
      <h1 className="app-title">{title}</h1>
      <p className="app-tagline">Initiatives de l’économie sociale et solidaire</p>
      <div className="app-actions">
        <ShareActions />
        <EmbedControl />
      </div>
      <a className="accessibility-link" href="accessibilite.html">Accessibilité : partiellement conforme</a>
    </header>
  );
}
