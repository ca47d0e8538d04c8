/** « Proposer une initiative »: the configured form (config.json `proposeUrl`), in a new tab. */
import { useSiteConfig } from '../../state/site-config';
import './contribute.css';

export function ProposeLink({ className = '' }: { className?: string }) {
  const proposeUrl = useSiteConfig((state) => state.config.proposeUrl);
  if (!proposeUrl) return null;
  return (
    <a className={`contribute-link ${className}`.trim()} href={proposeUrl} target="_blank" rel="noopener noreferrer">
      Proposer une initiative<span className="visually-hidden"> (nouvel onglet)</span>
    </a>
  );
}
