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
import { iconPixelSize, paintIcon } from './draw-icon';
import type { OverlayItem } from './map-features';

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

/** An icon's place in the atlas (device pixels) and its size on screen (CSS pixels). */
interface Sprite {
  x: number;
  y: number;
  pixelWidth: number;
  pixelHeight: number;
  width: number;
  height: number;
  round: boolean;
}

/**
 * Every icon is painted once into one atlas canvas and copied from there: a canvas per icon
 * cost a context each, and a filter change can bring dozens of new count bubbles. When the
 * atlas is full it starts over (icons are repainted as they are needed again).
 */
const ATLAS_WIDTH = 1024;
const ATLAS_HEIGHT = 1024;

export class ClusterOverlay {
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D | null;
  private readonly sprites = new Map<string, Sprite | null>();
  private readonly atlas = document.createElement('canvas');
  private readonly atlasContext: CanvasRenderingContext2D | null;
  /** Next free slot in the atlas: shelves of icons, left to right, top to bottom. */
  private shelf = { x: 0, y: 0, height: 0 };
  private atlasGeneration = 0;
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
    this.atlas.width = ATLAS_WIDTH;
    this.atlas.height = ATLAS_HEIGHT;
    this.atlasContext = this.atlas.getContext('2d');
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
    // New icons are painted into the atlas before any is copied out of it: copying from a canvas
    // just written to snapshots the whole atlas, once per copy when writes and copies alternate.
    const generation = this.atlasGeneration;
    let sprites = this.items.map((item) => this.sprite(item.icon, ratio));
    // The atlas filled up and started over: the icons placed before that are gone, place them again.
    if (this.atlasGeneration !== generation) sprites = this.items.map((item) => this.sprite(item.icon, ratio));
    const placed: PlacedItem[] = [];
    for (const [index, item] of this.items.entries()) {
      const sprite = sprites[index];
      if (!sprite) continue;
      const point = this.map.project([item.longitude, item.latitude]);
      const halfWidth = sprite.width / 2;
      const halfHeight = sprite.height / 2;
      if (point.x < -halfWidth || point.y < -halfHeight || point.x > width + halfWidth || point.y > height + halfHeight) continue;
      context.drawImage(this.atlas, sprite.x, sprite.y, sprite.pixelWidth, sprite.pixelHeight, point.x - halfWidth, point.y - halfHeight, sprite.width, sprite.height);
      placed.push({ item, x: point.x, y: point.y, halfWidth, halfHeight, round: sprite.round });
    }
    this.placed = placed;
    // The canvas says nothing to the DOM by itself: this tells a page (the benchmark's
    // "initiatives drawn" milestone) how many items are on it. Written only when it changes.
    const drawnItems = String(placed.length);
    if (this.canvas.dataset.drawnItems !== drawnItems) this.canvas.dataset.drawnItems = drawnItems;
  }

  private sprite(name: string, ratio: number): Sprite | null {
    const key = `${name}@${ratio}`;
    const cached = this.sprites.get(key);
    if (cached !== undefined) return cached;
    const spec = describeIcon(name);
    const atlasContext = this.atlasContext;
    if (!spec || !atlasContext) {
      this.sprites.set(key, null);
      return null;
    }
    const size = iconPixelSize(spec, ratio);
    if (this.shelf.x + size.width > ATLAS_WIDTH) this.shelf = { x: 0, y: this.shelf.y + this.shelf.height + 1, height: 0 };
    if (this.shelf.y + size.height > ATLAS_HEIGHT) {
      this.sprites.clear();
      this.atlasGeneration += 1;
      atlasContext.clearRect(0, 0, ATLAS_WIDTH, ATLAS_HEIGHT);
      this.shelf = { x: 0, y: 0, height: 0 };
    }
    const { x, y } = this.shelf;
    paintIcon(atlasContext, spec, size.ratio, x, y);
    this.shelf = { x: x + size.width + 1, y, height: Math.max(this.shelf.height, size.height) };
    const sprite: Sprite = {
      x,
      y,
      pixelWidth: size.width,
      pixelHeight: size.height,
      width: size.width / size.ratio,
      height: size.height / size.ratio,
      round: spec.shape === 'circle',
    };
    this.sprites.set(key, sprite);
    return sprite;
  }
}
