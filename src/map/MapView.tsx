/** Placeholder until the map lands; replaced by its owner. */
export default function MapView() {
  return <div className="map-placeholder" />;
}
