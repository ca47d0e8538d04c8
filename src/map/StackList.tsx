import { useEffect, useId, useRef } from 'react';
import { Popup } from 'react-map-gl/maplibre';
import type { Initiative } from '../domain/initiative';

interface StackListProps {
  longitude: number;
  latitude: number;
  initiatives: readonly Initiative[];
  onChoose: (id: string) => void;
  onClose: () => void;
}

/**
 * Initiatives sharing one commune point never split by zooming: clicking their stack lists
 * them, each a button that opens its details.
 */
export function StackList({ longitude, latitude, initiatives, onChoose, onClose }: StackListProps) {
  const headingId = useId();
  const firstButton = useRef<HTMLButtonElement>(null);
  const commune = initiatives[0]?.commune ?? '';

  useEffect(() => {
    firstButton.current?.focus();
  }, [longitude, latitude]);

  return (
    <Popup longitude={longitude} latitude={latitude} closeButton={false} closeOnClick={false} maxWidth="320px" onClose={onClose}>
      <section
        className="stack-list"
        aria-labelledby={headingId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <div className="stack-list-header">
          <h2 id={headingId}>
            {initiatives.length} initiatives à {commune}
          </h2>
          <button type="button" className="stack-list-close" aria-label="Fermer la liste" onClick={onClose}>
            ×
          </button>
        </div>
        <ul>
          {initiatives.map((initiative, index) => (
            <li key={initiative.id}>
              <button type="button" ref={index === 0 ? firstButton : undefined} onClick={() => onChoose(initiative.id)}>
                {initiative.name}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </Popup>
  );
}
