import { useAppStore } from '../../state/store';
import { ProposeLink } from '../contribute/ProposeLink';
import { fullMapUrl } from '../../domain/embed-code';
import { useEmbedMode } from './use-embed-settings';
import { useHostMessages } from './use-host-messages';
import { ShareActions } from '../share/ShareActions';
import './embed.css';

/**
 * The compact chrome of an embedded map: the service's name, the attribution and a way out
 * to the full map with the same filters, selection and camera.
 */
export function EmbedBar() {
  const { embed } = useEmbedMode();
  const filters = useAppStore((state) => state.filters);
  const selectedId = useAppStore((state) => state.selectedId);
  useHostMessages(embed);
  if (!embed) return null;
  const currentHref = () => fullMapUrl(window.location.href, { filters, selectedId });
  return (
    <div className="embed-bar">
      <p className="embed-bar-title">
        <strong>Carte ESS</strong>
        <span className="embed-bar-attribution"> · initiatives de l’économie sociale et solidaire</span>
      </p>
      <ShareActions print={false} />
      <a
        className="embed-bar-full"
        href={currentHref()}
        target="_blank"
        rel="noopener"
        // The camera lives in the hash, which moves without a render: take it at the last moment.
        onClick={(event) => {
          event.currentTarget.href = currentHref();
        }}
      >
        Ouvrir la carte complète<span className="visually-hidden"> (nouvel onglet)</span>
      </a>
      <ProposeLink className="embed-bar-propose" />
    </div>
  );
}
