import type { IconSpec } from './icons';

let iconContext: CanvasRenderingContext2D | null | undefined;

/**
 * One small canvas for every icon, kept in memory: a GPU-backed canvas would stall the GPU
 * on each read-back, and a filter change can ask for dozens of new count bubbles at once.
 */
function sharedContext(): CanvasRenderingContext2D | null {
  if (iconContext === undefined) {
    iconContext = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  }
  return iconContext;
}

/** Device-pixel size of an icon at a pixel ratio (clamped to 1–3, as it is drawn). */
export function iconPixelSize(spec: IconSpec, pixelRatio: number): { width: number; height: number; ratio: number } {
  const ratio = Math.max(1, Math.min(3, Math.round(pixelRatio)));
  const side = Math.ceil(spec.size * ratio);
  const width = spec.shape === 'pill' ? Math.ceil((spec.width ?? spec.size) * ratio) : side;
  return { width, height: side, ratio };
}

/** Paints an icon at the screen's pixel ratio; returns what MapLibre's addImage takes. */
export function drawIcon(spec: IconSpec, pixelRatio: number): { image: ImageData; pixelRatio: number } | null {
  const { width, height, ratio } = iconPixelSize(spec, pixelRatio);
  const context = sharedContext();
  if (!context) return null;
  const canvas = context.canvas;
  if (canvas.width < width || canvas.height < height) {
    canvas.width = Math.max(canvas.width, width);
    canvas.height = Math.max(canvas.height, height);
  }
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width, height);
  paintIcon(context, spec, ratio, 0, 0);
  return { image: context.getImageData(0, 0, width, height), pixelRatio: ratio };
}

/** Paints an icon with its top-left corner at (x, y) device pixels of a 2D context. */
export function paintIcon(context: CanvasRenderingContext2D, spec: IconSpec, ratio: number, x: number, y: number): void {
  context.save();
  context.setTransform(ratio, 0, 0, ratio, x, y);
  const size = spec.size;
  const cssWidth = spec.shape === 'pill' ? (spec.width ?? spec.size) : size;
  const line = 2;
  context.lineWidth = line;
  context.fillStyle = spec.fill;
  context.strokeStyle = spec.stroke;
  context.beginPath();
  if (spec.shape === 'circle') {
    context.arc(size / 2, size / 2, size / 2 - line, 0, Math.PI * 2);
  } else if (spec.shape === 'pill') {
    context.lineWidth = 1.5;
    context.roundRect(1, 1, cssWidth - 2, size - 2, (size - 2) / 2);
  } else if (spec.shape === 'rounded-square') {
    context.roundRect(line, line, size - 2 * line, size - 2 * line, size / 5);
  } else {
    // A pin whose tip is the bottom centre of the image.
    const radius = size * 0.3;
    context.moveTo(size / 2, size - line);
    context.arc(size / 2, radius + line, radius, Math.PI * 0.8, Math.PI * 0.2);
    context.closePath();
  }
  context.fill();
  context.stroke();
  if (spec.shape === 'pin') {
    context.beginPath();
    context.fillStyle = spec.stroke;
    context.arc(size / 2, size * 0.3 + line, size * 0.11, 0, Math.PI * 2);
    context.fill();
  }
  if (spec.text) {
    const fontSize = spec.shape === 'pill' ? size * 0.65 : spec.text.length <= 2 ? size * 0.5 : spec.text.length <= 3 ? size * 0.4 : size * 0.3;
    context.fillStyle = spec.textColor;
    context.font = `bold ${Math.round(fontSize)}px system-ui, 'DejaVu Sans', Arial, sans-serif`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(spec.text, cssWidth / 2, size / 2 + 1, cssWidth - 4);
  }
  context.restore();
}
