/**
 * The compact data file beside a published GeoJSON (docs/compact-data.md): what the page reads
 * instead of the GeoJSON when the GeoJSON points to it. Made from the GeoJSON as written (one
 * feature per line), so the two cannot say different things; then the GeoJSON's head gains the
 * `compact` member with the digest of its features, which the compact file repeats. A GeoJSON
 * replaced later (by the publish page, by hand) has no such member, or another digest: the page
 * then reads the GeoJSON and ignores the stale compact file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { CompactLink } from '../domain/compact-initiatives';
import { encodeCompactInitiatives } from '../domain/compact-writer';
import { initiativeFromFeature } from '../domain/geojson';
import type { Initiative } from '../domain/initiative';
import { fileError, TemporaryOutput } from './output-files';

/** `initiatives.geojson` → `initiatives.compact.bin`, beside it. */
export function compactPathFor(geojsonPath: string): string {
  return geojsonPath.replace(/(\.geojson|\.json)?$/i, '.compact.bin');
}

/** The GeoJSON's head line with the `compact` member added before `features`. */
export function headWithCompact(head: string, link: CompactLink): string {
  const marker = '"features":[';
  const at = head.lastIndexOf(marker);
  if (at < 0) throw new Error('en-tête GeoJSON inattendu');
  return `${head.slice(0, at)}"compact":${JSON.stringify(link)},${head.slice(at)}`;
}

/**
 * Writes `<name>.compact.bin` beside `geojsonPath` (a GeoJSON as the pipeline writes it) and adds
 * the link to it in the GeoJSON's head; both files are replaced whole (written, then renamed).
 */
export async function writeCompactBeside(geojsonPath: string): Promise<{ compactPath: string; initiatives: number }> {
  const lines = createInterface({ input: createReadStream(geojsonPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  const hash = createHash('sha256');
  let head: string | null = null;
  const initiatives: Initiative[] = [];
  try {
    for await (const line of lines) {
      if (head === null) {
        head = line;
        continue;
      }
      hash.update(`${line}\n`);
      if (!line.startsWith('{"type":"Feature"')) continue;
      const initiative = initiativeFromFeature(JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line));
      if (initiative) initiatives.push(initiative);
    }
  } catch (error) {
    throw fileError('de lire', geojsonPath, error);
  }
  if (head === null || !head.startsWith('{"type":"FeatureCollection"')) throw new Error(`${geojsonPath} n’est pas un GeoJSON écrit par le pipeline`);
  const updated = /"updated":("[^"]*")/.exec(head)?.[1];
  const compactPath = compactPathFor(geojsonPath);
  const digest = `sha256-${hash.digest('hex')}`;
  const { parts, coreBytes } = encodeCompactInitiatives(initiatives, digest, updated ? (JSON.parse(updated) as string) : undefined);
  const link: CompactLink = { href: basename(compactPath), digest, coreBytes };
  const compact = new TemporaryOutput(compactPath);
  const geojson = new TemporaryOutput(geojsonPath);
  try {
    for (const part of parts) compact.write(part);
    geojson.write(`${headWithCompact(head, link)}\n`);
    // The features are copied as they are, from the byte after the head's line.
    for await (const chunk of createReadStream(geojsonPath, { start: Buffer.byteLength(head) + 1 })) geojson.write(chunk as Buffer);
    compact.publish();
    geojson.publish();
  } catch (error) {
    compact.discard();
    geojson.discard();
    throw error;
  }
  return { compactPath, initiatives: initiatives.length };
}
