/**
 * The compact data file (docs/compact-data.md): read when the GeoJSON's head names it with the
 * right digest, its details (descriptions, contacts) arriving after the first screen; a stale or
 * missing one is ignored and the GeoJSON read instead, with a console warning.
 */
import { expect, it } from 'vitest';
import { encodeCompactInitiatives } from '../../src/domain/compact-writer';
import { parseInitiativesCollection } from '../../src/domain/geojson';
import type { Initiative } from '../../src/domain/initiative';
import { nameOrder } from '../../src/domain/sort-orders';
import { bundledFeatures, describeE2E, type OpenOptions } from './driver';

const DIGEST = 'sha256-e2e';

/** The bundled data published as `--compact` does, the compact file's first initiative renamed so a test can tell which file was read. */
function published(options: { digest?: string; compact?: 'missing' } = {}): OpenOptions & { first: Initiative; renamed: string } {
  const features = bundledFeatures();
  const { initiatives } = parseInitiativesCollection({ type: 'FeatureCollection', features });
  // Near the top of the list (sorted by name), so its button is on the first screen.
  const first = [...nameOrder(initiatives)].map((position) => initiatives[position] as Initiative).find((initiative) => initiative.description.length > 20) as Initiative;
  const renamed = `${first.name} (fichier compact)`;
  const compactInitiatives = initiatives.map((initiative) => (initiative === first ? { ...initiative, name: renamed } : initiative));
  const compact = Buffer.concat(encodeCompactInitiatives(compactInitiatives, options.digest ?? DIGEST).parts);
  const geojson = `{"type":"FeatureCollection","compact":${JSON.stringify({ href: 'initiatives.compact.bin', digest: DIGEST })},"features":[\n${features.map((feature) => JSON.stringify(feature)).join(',\n')}\n]}\n`;
  return {
    data: { body: geojson },
    ...(options.compact === 'missing' ? { missing: /initiatives\.compact\.bin$/ } : { files: { 'initiatives.compact.bin': { body: compact, contentType: 'application/octet-stream' } } }),
    first,
    renamed,
  };
}

describeE2E('compact data file', (browser) => {
  it('is read when the GeoJSON names it: the list, then the description and the export from its details', async () => {
    const { first, renamed, ...options } = published();
    const app = await browser.open(options);
    await app.waitForCount(bundledFeatures().length);
    const details = await app.openDetailsFromList(renamed);
    await expect.poll(() => details.textContent(), { timeout: 10_000 }).toContain(first.description);
    const { bytes } = await app.download(app.page.getByRole('button', { name: /CSV/ }));
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain(renamed);
    expect(csv).toContain(first.description.slice(0, 20));
    expect(app.warnings.filter((warning) => warning.includes('compact'))).toEqual([]);
  });

  it('is ignored when it is not the one the GeoJSON names (stale): the GeoJSON’s initiatives show', async () => {
    const { first, ...options } = published({ digest: 'sha256-older' });
    const app = await browser.open(options);
    await app.waitForCount(bundledFeatures().length);
    const details = await app.openDetailsFromList(first.name);
    await expect.poll(() => details.textContent()).toContain(first.description);
    expect(app.warnings.some((warning) => warning.includes('Fichier compact ignoré') && warning.includes('ne correspond pas'))).toBe(true);
  });

  it('is not required: when it is missing, the GeoJSON is read', async () => {
    const { first, ...options } = published({ compact: 'missing' });
    const app = await browser.open(options);
    await app.waitForCount(bundledFeatures().length);
    await app.openDetailsFromList(first.name);
    expect(app.warnings.some((warning) => warning.includes('Fichier compact ignoré'))).toBe(true);
  });
});
