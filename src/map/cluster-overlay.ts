/**
 * The clusters, stacks and single initiatives, drawn on a 2D canvas laid over the map.
 *
 * Why not a MapLibre layer: a GeoJSON source re-tiles in the worker on every filter change and
 * the map then draws several full frames (tiles arrive one by one), each a full redraw of the
 * basemap. In software WebGL that was 300–600 ms per theme toggle at 100,000 initiatives. Here
 * a filter change redraws a few hundred images on this canvas in a few milliseconds and the
 * WebGL map is left alone; the canvas follows the camera on every frame the map renders.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describeIcon } from './icons';
import { drawIcon } from './draw-icon';
import type { ItemProperties } from './map-features';

/** One thing drawn: where, which image, and what a click on it means. */
export interface OverlayItem extends ItemProperties {
  longitude: number;
  latitude: number;
}

/** An item at its screen position, with the half-extent of its image in CSS pixels. */
export interface PlacedItem {
  item: OverlayItem;
  x: number;
  y: number;
  halfWidth: number;
  halfHeight: number;
  round: boolean;
}

/** Smaller counts first, so that the bigger bubbles are drawn on top of them. */
export function drawingOrder(items: readonly OverlayItem[]): OverlayItem[] {
  return [...items].sort((a, b) => a.count - b.count);
}

/** The item under a point: the topmost one drawn there (the last in drawing order). */
export function itemAt(placed: readonly PlacedItem[], x: number, y: number): OverlayItem | null {
  for (let index = placed.length - 1; index >= 0; index -= 1) {
    const candidate = placed[index] as PlacedItem;
    const dx = x - candidate.x;
    const dy = y - candidate.y;
    const inside = candidate.round
      ? dx * dx + dy * dy <= candidate.halfWidth * candidate.halfWidth
      : Math.abs(dx) <= candidate.halfWidth && Math.abs(dy) <= candidate.halfHeight;
    if (inside) return candidate.item;
  }
  return null;
}

/** Initiatives counted by the items whose centre is on screen (what a person sees counted). */
export function countOnScreen(placed: readonly PlacedItem[], width: number, height: number): number {
  let total = 0;
  for (const { item, x, y } of placed) {
    if (x >= 0 && y >= 0 && x <= width && y <= height) total += item.count;
  }
  return total;
}

interface Sprite {
  image: HTMLCanvasElement;
  /** CSS pixels. */
  width: number;
  height: number;
  round: boolean;
}

/** Enough for every count bubble a session meets; beyond it the cache starts over. */
const SPRITE_CACHE_LIMIT = 4000;

export class ClusterOverlay {
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D | null;
  private readonly sprites = new Map<string, Sprite | null>();
  private items: OverlayItem[] = [];
  private placed: PlacedItem[] = [];
  private readonly onRender = () => this.draw();

  constructor(private readonly map: MapLibreMap) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'carte-ess-clusters';
    // The list gives the same information to assistive technologies and the keyboard.
    this.canvas.setAttribute('aria-hidden', 'true');
    this.canvas.dataset.testid = 'cluster-overlay';
    map.getCanvasContainer().appendChild(this.canvas);
    this.context = this.canvas.getContext('2d');
    map.on('render', this.onRender);
    map.on('resize', this.onRender);
  }

  /** Replaces what is drawn and draws it now. */
  setItems(items: readonly OverlayItem[]): void {
    this.items = drawingOrder(items);
    this.draw();
  }

  /** The item under a point of the map (CSS pixels from its top-left corner). */
  itemAt(x: number, y: number): OverlayItem | null {
    return itemAt(this.placed, x, y);
  }

  /** Initiatives counted by the items on screen. */
  countOnScreen(): number {
    const mapCanvas = this.map.getCanvas();
    return countOnScreen(this.placed, mapCanvas.clientWidth, mapCanvas.clientHeight);
  }

  remove(): void {
    this.map.off('render', this.onRender);
    this.map.off('resize', this.onRender);
    this.canvas.remove();
  }

  private draw(): void {
    const context = this.context;
    if (!context) return;
    const mapCanvas = this.map.getCanvas();
    const width = mapCanvas.clientWidth;
    const height = mapCanvas.clientHeight;
    const ratio = Math.max(1, Math.min(3, Math.round(window.devicePixelRatio || 1)));
    if (this.canvas.width !== width * ratio || this.canvas.height !== height * ratio) {
      this.canvas.width = width * ratio;
      this.canvas.height = height * ratio;
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const placed: PlacedItem[] = [];
    for (const item of this.items) {
      const sprite = this.sprite(item.icon, ratio);
      if (!sprite) continue;
      const point = this.map.project([item.longitude, item.latitude]);
      const halfWidth = sprite.width / 2;
      const halfHeight = sprite.height / 2;
      if (point.x < -halfWidth || point.y < -halfHeight || point.x > width + halfWidth || point.y > height + halfHeight) continue;
      context.drawImage(sprite.image, point.x - halfWidth, point.y - halfHeight, sprite.width, sprite.height);
      placed.push({ item, x: point.x, y: point.y, halfWidth, halfHeight, round: sprite.round });
    }
    this.placed = placed;
  }

  private sprite(name: string, ratio: number): Sprite | null {
    const key = `${name}@${ratio}`;
    const cached = this.sprites.get(key);
    if (cached !== undefined) return cached;
    if (this.sprites.size >= SPRITE_CACHE_LIMIT) this.sprites.clear();
    const spec = describeIcon(name);
    const drawn = spec ? drawIcon(spec, ratio) : null;
    let sprite: Sprite | null = null;
    if (spec && drawn) {
      const image = document.createElement('canvas');
      image.width = drawn.image.width;
      image.height = drawn.image.height;
      image.getContext('2d')?.putImageData(drawn.image, 0, 0);
      sprite = { image, width: drawn.image.width / drawn.pixelRatio, height: drawn.image.height / drawn.pixelRatio, round: spec.shape === 'circle' };
    }
    this.sprites.set(key, sprite);
    return sprite;
  }
}
