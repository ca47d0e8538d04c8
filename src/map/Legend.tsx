import { THEMES } from '../domain/themes';

/** Colour never carries meaning alone: the legend pairs each colour with its letter and label. */
export function Legend({ circles = false }: { circles?: boolean }) {
  return (
    <details className="map-legend">
      <summary>Légende</summary>
      <ul>
        {circles && (
          <li>
            <span className="map-legend-symbol map-legend-cluster" aria-hidden="true" />
            Cercle par département : sa surface est proportionnelle au nombre d’initiatives affichées
          </li>
        )}
        {THEMES.map((theme) => (
          <li key={theme.id}>
            <span className="map-legend-symbol" style={{ background: theme.color }} aria-hidden="true">
              {theme.symbol}
            </span>
            {theme.label}
          </li>
        ))}
        <li>
          <span className="map-legend-symbol map-legend-cluster" aria-hidden="true">
            12
          </span>
          Groupe d’initiatives proches (cliquer pour zoomer)
        </li>
        <li>
          <span className="map-legend-symbol map-legend-stack" aria-hidden="true">
            3
          </span>
          Plusieurs initiatives dans la même commune (cliquer pour les lister)
        </li>
      </ul>
    </details>
  );
}
