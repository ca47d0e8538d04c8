import { qrModules } from './start-print';

/** A QR code drawn as one SVG path from the encoder's modules (crisp at any print size). */
export function QrCode({ text, label }: { text: string; label: string }) {
  const modules = qrModules(text);
  if (!modules) return null;
  const size = modules.length;
  let path = '';
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return (
    <svg className="print-qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" data-testid="print-qr">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
