/**
 * Clustering designed for 100,000 initiatives: initiatives sit on commune points, so the
 * expensive spatial index is built ONCE over the distinct positions, and a filter change only
 * re-counts typed arrays. Pure TypeScript (no MapLibre): the map component stays humble.
 */
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import type { Bounds } from '../domain/bounds';

/** Initiatives grouped by identical position, in compressed-row form. */
export interface PositionIndex {
  positionCount: number;
  longitudes: Float64Array;
  latitudes: Float64Array;
  /** Initiative index → position index. */
  positionOfInitiative: Int32Array;
  /** Members of position p are `members[memberStart[p] .. memberStart[p + 1])`, in data order. */
  memberStart: Int32Array;
  members: Int32Array;
}

export interface Located {
  longitude: number;
  latitude: number;
}

/**
 * A number naming a point to about a metre (1e-5°): a numeric Map key is several times faster
 * than a string one at 100,000 initiatives, and stays below 2^53.
 */
function positionKey(longitude: number, latitude: number): number {
  return Math.round((longitude + 180) * 1e5) * 2e7 + Math.round((latitude + 90) * 1e5);
}

export function indexPositions(items: readonly Located[]): PositionIndex {
  const positionByKey = new Map<number, number>();
  const positionOfInitiative = new Int32Array(items.length);
  const longitudeList: number[] = [];
  const latitudeList: number[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as Located;
    const key = positionKey(item.longitude, item.latitude);
    let position = positionByKey.get(key);
    if (position === undefined) {
      position = longitudeList.length;
      positionByKey.set(key, position);
      longitudeList.push(item.longitude);
      latitudeList.push(item.latitude);
    }
    positionOfInitiative[index] = position;
  }
  const positionCount = longitudeList.length;
  const memberStart = new Int32Array(positionCount + 1);
  for (let index = 0; index < items.length; index++) {
    const slot = (positionOfInitiative[index] as number) + 1;
    memberStart[slot] = (memberStart[slot] as number) + 1;
  }
  for (let position = 0; position < positionCount; position++) {
    memberStart[position + 1] = (memberStart[position + 1] as number) + (memberStart[position] as number);
  }
  const cursor = memberStart.slice(0, positionCount);
  const members = new Int32Array(items.length);
  for (let index = 0; index < items.length; index++) {
    const position = positionOfInitiative[index] as number;
    members[cursor[position] as number] = index;
    cursor[position] = (cursor[position] as number) + 1;
  }
  return {
    positionCount,
    longitudes: Float64Array.from(longitudeList),
    latitudes: Float64Array.from(latitudeList),
    positionOfInitiative,
    memberStart,
    members,
  };
}

/** Initiative indices at one position, in data order; only the visible ones when `visible` is given. */
export function membersAt(positions: PositionIndex, position: number, visible?: Uint8Array): number[] {
  const all = Array.from(positions.members.subarray(positions.memberStart[position], positions.memberStart[position + 1]));
  return visible ? all.filter((initiative) => visible[initiative] === 1) : all;
}

/** How the filters' result falls on the positions. */
export interface FilteredCounts {
  perPosition: Uint32Array;
  /** For each position, one visible initiative there (the last in data order), or -1. */
  sampleInitiative: Int32Array;
  /** 1 for each initiative the filters keep. */
  visible: Uint8Array;
  total: number;
}

export function countByPosition(positions: PositionIndex, visibleIndices: ArrayLike<number>): FilteredCounts {
  const perPosition = new Uint32Array(positions.positionCount);
  const sampleInitiative = new Int32Array(positions.positionCount).fill(-1);
  const positionOf = positions.positionOfInitiative;
  const visible = new Uint8Array(positionOf.length);
  const length = visibleIndices.length;
  for (let cursor = 0; cursor < length; cursor++) {
    const initiative = visibleIndices[cursor] as number;
    const position = positionOf[initiative];
    if (position === undefined) continue;
    visible[initiative] = 1;
    perPosition[position] = (perPosition[position] as number) + 1;
    sampleInitiative[position] = initiative;
  }
  return { perPosition, sampleInitiative, visible, total: length };
}

/** Which cluster each position belongs to at one integer zoom. */
interface ZoomLevel {
  clusterCount: number;
  clusterOfPosition: Int32Array;
  /** Supercluster's cluster id for each cluster, or -1 when the "cluster" is one position. */
  clusterIds: Int32Array;
}

export interface HierarchyOptions {
  /** Cluster radius in pixels (at 512-pixel tiles, as MapLibre and supercluster count them). */
  radius?: number;
  /** Above this zoom every distinct position stands alone. */
  maxZoom?: number;
}

export const CLUSTER_MAX_ZOOM = 14;

/**
 * Supercluster index over the distinct positions, built once per dataset. Each zoom's
 * position → cluster assignment is computed on first use and kept.
 */
export class ClusterHierarchy {
  readonly maxZoom: number;
  private readonly index: Supercluster<{ position: number }>;
  private readonly levels = new Map<number, ZoomLevel>();

  constructor(readonly positions: PositionIndex, options: HierarchyOptions = {}) {
    this.maxZoom = options.maxZoom ?? CLUSTER_MAX_ZOOM;
    this.index = new Supercluster<{ position: number }>({ radius: options.radius ?? 50, maxZoom: this.maxZoom, minPoints: 2 });
    const points: PointFeature<{ position: number }>[] = new Array(positions.positionCount);
    for (let position = 0; position < positions.positionCount; position++) {
      points[position] = {
        type: 'Feature',
        properties: { position },
        geometry: { type: 'Point', coordinates: [positions.longitudes[position] as number, positions.latitudes[position] as number] },
      };
    }
    this.index.load(points);
  }

  /** The integer zoom whose clusters are shown at a (fractional) map zoom. */
  levelZoom(mapZoom: number): number {
    return Math.max(0, Math.min(this.maxZoom + 1, Math.floor(mapZoom)));
  }

  level(zoom: number): ZoomLevel {
    const levelZoom = this.levelZoom(zoom);
    const cached = this.levels.get(levelZoom);
    if (cached) return cached;
    const clusterOfPosition = new Int32Array(this.positions.positionCount).fill(-1);
    let level: ZoomLevel;
    if (levelZoom > this.maxZoom) {
      const clusterIds = new Int32Array(this.positions.positionCount).fill(-1);
      for (let position = 0; position < this.positions.positionCount; position++) clusterOfPosition[position] = position;
      level = { clusterCount: this.positions.positionCount, clusterOfPosition, clusterIds };
    } else {
      const clusters = this.index.getClusters([-180, -90, 180, 90], levelZoom);
      const clusterIds = new Int32Array(clusters.length).fill(-1);
      clusters.forEach((feature, clusterIndex) => {
        const properties = feature.properties as Partial<ClusterProperties> & { position?: number };
        if (properties.cluster && properties.cluster_id !== undefined) {
          clusterIds[clusterIndex] = properties.cluster_id;
          for (const leaf of this.index.getLeaves(properties.cluster_id, Infinity)) {
            clusterOfPosition[leaf.properties.position] = clusterIndex;
          }
        } else if (properties.position !== undefined) {
          clusterOfPosition[properties.position] = clusterIndex;
        }
      });
      level = { clusterCount: clusters.length, clusterOfPosition, clusterIds };
    }
    this.levels.set(levelZoom, level);
    return level;
  }

  /** The zoom at which a cluster splits into several (supercluster's expansion zoom). */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }
}

/** What the map draws: a cluster of several positions, a stack of initiatives at one position, or one initiative. */
export type MapItemKind = 'cluster' | 'stack' | 'point';

export interface MapItem {
  kind: MapItemKind;
  longitude: number;
  latitude: number;
  /** Filtered initiatives it stands for. */
  count: number;
  /** kind 'cluster': supercluster id, for the expansion zoom. */
  clusterId: number;
  /** kind 'stack' or 'point': the position index. */
  position: number;
  /** kind 'point': the initiative index. */
  initiative: number;
}

/** The one bounds type of the app (domain/bounds.ts), re-exported for the map's modules. */
export type { Bounds } from '../domain/bounds';

/**
 * The items to draw at a zoom, in (a margin around) the viewport: each cluster counts only the
 * initiatives the filters keep, sits at their count-weighted centroid, is hidden when empty,
 * and becomes a stack or a point when its kept initiatives share one position.
 */
export function itemsInView(hierarchy: ClusterHierarchy, counts: FilteredCounts, zoom: number, bounds: Bounds | null): MapItem[] {
  const level = hierarchy.level(zoom);
  const { positions } = hierarchy;
  const clusterCount = level.clusterCount;
  const total = new Uint32Array(clusterCount);
  const sumLongitude = new Float64Array(clusterCount);
  const sumLatitude = new Float64Array(clusterCount);
  const occupiedPositions = new Uint32Array(clusterCount);
  const somePosition = new Int32Array(clusterCount);
  for (let position = 0; position < positions.positionCount; position++) {
    const count = counts.perPosition[position] as number;
    if (count === 0) continue;
    const cluster = level.clusterOfPosition[position] as number;
    if (cluster < 0) continue;
    total[cluster] = (total[cluster] as number) + count;
    sumLongitude[cluster] = (sumLongitude[cluster] as number) + count * (positions.longitudes[position] as number);
    sumLatitude[cluster] = (sumLatitude[cluster] as number) + count * (positions.latitudes[position] as number);
    occupiedPositions[cluster] = (occupiedPositions[cluster] as number) + 1;
    somePosition[cluster] = position;
  }
  const margin = bounds ? expand(bounds, 0.5) : null;
  const items: MapItem[] = [];
  for (let cluster = 0; cluster < clusterCount; cluster++) {
    const count = total[cluster] as number;
    if (count === 0) continue;
    let item: MapItem;
    if (occupiedPositions[cluster] === 1) {
      const position = somePosition[cluster] as number;
      item = {
        kind: count === 1 ? 'point' : 'stack',
        longitude: positions.longitudes[position] as number,
        latitude: positions.latitudes[position] as number,
        count,
        clusterId: -1,
        position,
        initiative: count === 1 ? (counts.sampleInitiative[position] as number) : -1,
      };
    } else {
      item = {
        kind: 'cluster',
        longitude: (sumLongitude[cluster] as number) / count,
        latitude: (sumLatitude[cluster] as number) / count,
        count,
        clusterId: level.clusterIds[cluster] as number,
        position: -1,
        initiative: -1,
      };
    }
    if (margin && !contains(margin, item.longitude, item.latitude)) continue;
    items.push(item);
  }
  return items;
}

function expand(bounds: Bounds, ratio: number): Bounds {
  const [west, south, east, north] = bounds;
  const width = (east - west) * ratio;
  const height = (north - south) * ratio;
  return [west - width, south - height, east + width, north + height];
}

function contains(bounds: Bounds, longitude: number, latitude: number): boolean {
  return longitude >= bounds[0] && longitude <= bounds[2] && latitude >= bounds[1] && latitude <= bounds[3];
}

/** Short count label for a bubble: 7, 856, 1,2 k, 35 k (French decimal comma). */
export function formatCount(count: number): string {
  if (count < 1000) return String(count);
  if (count < 10_000) return `${(Math.floor(count / 100) / 10).toFixed(1).replace('.', ',').replace(/,0$/, '')} k`;
  return `${Math.floor(count / 1000)} k`;
}
