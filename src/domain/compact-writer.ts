/**
 * Writes initiatives as a compact data file (docs/compact-data.md): the core blocks, the order
 * block, then the details blocks. Read back by compact-initiatives.ts.
 */
import { encodeBlock, encodeFile } from './compact-format';
import { DETAILS_BLOCK_SIZE } from './compact-initiatives';
import { fieldOf, TEXT_PROPERTIES, type Initiative } from './initiative';
import { nameOrder } from './sort-orders';

/** Records per core block: the page reads one while the next downloads. */
// Measured at 250,000 (headless Chromium, 2 cores): 20,000-record blocks, each read while the next
// downloaded, made the page interactive later (5.0–5.9 s) than one block (4.0–4.4 s).
export const CORE_BLOCK_SIZE = 1_000_000;

/** The core block of records [start, start + count). */
function coreBlock(initiatives: readonly Initiative[], start: number, size: number, digest: string, updated?: string): Uint8Array {
  const slice = initiatives.slice(start, start + size);
  const count = slice.length;
  const longitude = new Float64Array(count);
  const latitude = new Float64Array(count);
  const approximate = new Uint8Array(count);
  slice.forEach((initiative, offset) => {
    longitude[offset] = initiative.longitude;
    latitude[offset] = initiative.latitude;
    approximate[offset] = initiative.approximate ? 1 : 0;
  });
  const text = (read: (initiative: Initiative) => string) => slice.map(read);
  return encodeBlock({
    kind: 'core',
    start,
    count,
    extra: { digest, total: initiatives.length, ...(updated ? { updated } : {}) },
    numbers: [
      { name: 'longitude', type: 'f64', values: longitude },
      { name: 'latitude', type: 'f64', values: latitude },
      { name: 'approximate', type: 'u8', values: approximate },
    ],
    texts: [
      { name: 'id', values: text((initiative) => initiative.id) },
      { name: 'name', values: text((initiative) => initiative.name) },
      { name: 'themes', values: text((initiative) => initiative.themes.join(',')) },
      { name: 'territory', values: text((initiative) => initiative.territory) },
      { name: 'commune', values: text((initiative) => initiative.commune) },
      { name: 'insee', values: text((initiative) => initiative.insee) },
      { name: 'department', values: text((initiative) => initiative.department) },
    ],
  });
}

/**
 * The compact file of `initiatives`; `digest` identifies the GeoJSON they come from. Core blocks,
 * then the order block (the list's name order, sorted once here rather than on every page
 * load), which ends what the first screen needs, then the details blocks.
 */
export function encodeCompactInitiatives(initiatives: readonly Initiative[], digest: string, updated?: string, coreBlockSize = CORE_BLOCK_SIZE): { parts: Uint8Array[]; coreBytes: number } {
  const count = initiatives.length;
  const blocks: Uint8Array[] = [];
  for (let start = 0; start === 0 || start < count; start += coreBlockSize) blocks.push(coreBlock(initiatives, start, coreBlockSize, digest, updated));
  blocks.push(encodeBlock({ kind: 'order', start: 0, count, extra: { digest }, numbers: [{ name: 'nameOrder', type: 'u32', values: nameOrder(initiatives) }], texts: [] }));
  const opening = encodeFile(blocks);
  const coreBytes = opening.reduce((sum, part) => sum + part.byteLength, 0);
  for (let start = 0; start < count; start += DETAILS_BLOCK_SIZE) {
    const slice = initiatives.slice(start, start + DETAILS_BLOCK_SIZE);
    blocks.push(
      encodeBlock({
        kind: 'details',
        start,
        count: slice.length,
        // Read on a later download: the digest tells a block of this file from one of a newer file.
        extra: { digest },
        numbers: [],
        texts: TEXT_PROPERTIES.map((property) => ({
          name: property.key,
          values: slice.map((initiative) => (initiative as unknown as Record<string, string | undefined>)[fieldOf(property)] ?? null),
        })),
      }),
    );
  }
  return { parts: encodeFile(blocks), coreBytes };
}
