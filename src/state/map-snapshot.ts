/** A picture of the map as it is on screen, for the printed page. */
export interface MapSnapshot {
  /** PNG data URL: the basemap with the initiatives (clusters) drawn over it. */
  image: string;
  /** CSS pixels, for the picture's proportions. */
  width: number;
  height: number;
  /** The attributions the map shows (data, basemap). */
  attribution: string[];
}

type SnapshotProvider = () => MapSnapshot | null;

let provider: SnapshotProvider | null = null;

/**
 * The map (src/map) registers how to picture itself; the print view asks for a picture without
 * knowing MapLibre. Returns the function that unregisters.
 */
export function setMapSnapshotProvider(next: SnapshotProvider): () => void {
  provider = next;
  return () => {
    if (provider === next) provider = null;
  };
}

/** The map as it is now, or null when there is no map (it failed, or has not started). */
export function takeMapSnapshot(): MapSnapshot | null {
  try {
    return provider?.() ?? null;
  } catch {
    // A tainted canvas (a basemap served without CORS) cannot be read: print without the picture.
    return null;
  }
}
