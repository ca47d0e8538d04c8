import { Component, type ReactNode } from 'react';

export const MAP_UNAVAILABLE_MESSAGE =
  'La carte ne peut pas s’afficher sur cet appareil (WebGL indisponible). La liste des initiatives reste utilisable.';

interface BoundaryState {
  failed: boolean;
}

/** WebGL may be missing (old device, disabled GPU): say so and leave the list usable. */
export class MapErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      return (
        <div className="map-view map-unavailable" data-testid="map" data-map-status="idle" data-basemap="offline">
          <p className="map-message">{MAP_UNAVAILABLE_MESSAGE}</p>
        </div>
      );
    }
    return this.props.children;
  }
}
