import type { FeatureCollection, Point } from 'geojson';
import type { ThemeId } from '../domain/themes';
import type { MapItem } from './clustering';
import type { DepartmentCircles } from './department-circles';
import { iconName, labelIconName } from './icons';

/** What the cluster canvas draws for one item in view: the item and the name of its image. */
export interface OverlayItem extends MapItem {
  icon: string;
}

export function itemsToOverlay(items: readonly MapItem[], mainThemeOf: (initiative: number) => ThemeId | undefined): OverlayItem[] {
  return items.map((item) => ({ ...item, icon: iconName(item, mainThemeOf) }));
}

export interface OverlayPoint {
  role: 'selection' | 'origin';
  longitude: number;
  latitude: number;
}

export function overlayCollection(points: readonly OverlayPoint[]): FeatureCollection<Point, { role: string }> {
  return {
    type: 'FeatureCollection',
    features: points.map((point) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [point.longitude, point.latitude] },
      properties: { role: point.role },
    })),
  };
}

export interface CircleProperties {
  department: string;
  name: string;
  count: number;
  radius: number;
  /** Image name of the count label. */
  label: string;
}

/** Département circles with the image name of their count label. */
export function circlesToCollection(circles: DepartmentCircles): FeatureCollection<Point, CircleProperties> {
  return {
    type: 'FeatureCollection',
    features: circles.features.map((circle) => ({
      type: 'Feature',
      geometry: circle.geometry,
      properties: { ...circle.properties, label: labelIconName(circle.properties.count) },
    })),
  };
}
