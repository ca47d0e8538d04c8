import type { FeatureCollection, Point } from 'geojson';
import type { ThemeId } from '../domain/themes';
import type { MapItem, MapItemKind } from './clustering';
import type { DepartmentCircles } from '../domain/statistics';
import { iconName, labelIconName } from './icons';

export interface ItemProperties {
  kind: MapItemKind;
  count: number;
  icon: string;
  clusterId: number;
  position: number;
  initiative: number;
}

export function itemsToCollection(items: readonly MapItem[], mainThemeOf: (initiative: number) => ThemeId | undefined): FeatureCollection<Point, ItemProperties> {
  return {
    type: 'FeatureCollection',
    features: items.map((item) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [item.longitude, item.latitude] },
      properties: {
        kind: item.kind,
        count: item.count,
        icon: iconName(item, mainThemeOf),
        clusterId: item.clusterId,
        position: item.position,
        initiative: item.initiative,
      },
    })),
  };
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
