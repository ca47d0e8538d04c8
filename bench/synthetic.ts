/**
 * Seeded synthetic initiatives placed on real communes, weighted by population.
 * The same generator feeds the 100,000-feature GeoJSON (the app's input) and the
 * 1,000,000-row CSV (the pipeline's input), so both describe the same kind of data.
 */
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEPARTMENT_CODE_PATTERN } from '../src/domain/departments';
import { THEME_IDS, type ThemeId } from '../src/domain/themes';
import type { TerritoryId } from '../src/domain/territories';
import { initiativeToFeature } from '../src/domain/geojson-export';
import { compactPathFor, writeCompactBeside } from '../src/pipeline/compact-file';
import { COMPACT_MAGIC } from '../src/domain/compact-format';
import { SOURCE_COLUMNS, TEXT_PROPERTIES, textProperty, type CORE_COLUMNS, type Initiative, type PublishedFeature, type TextPropertySpec } from '../src/domain/initiative';

const require = createRequire(import.meta.url);

export const BENCH_DIRECTORY = dirname(fileURLToPath(import.meta.url));
export const CACHE_DIRECTORY = join(BENCH_DIRECTORY, '.cache');
export const DEFAULT_SEED = 20261127;

/** Bump when the generator's output changes, so stale cached files are not reused. */
const GENERATOR_VERSION = 2;

/** An initiative as the app holds it, plus the postal code the pipeline's CSV carries. */
export interface SyntheticInitiative extends Omit<Initiative, 'approximate'> {
  postalCode: string;
}

interface CogCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  population?: number;
  codesPostaux?: string[];
}

interface CommuneBox {
  id: string;
  bbox: [number, number, number, number];
}

export interface PlacedCommune {
  insee: string;
  name: string;
  department: string;
  postalCode: string;
  population: number;
  longitude: number;
  latitude: number;
}


let communePool: { communes: PlacedCommune[]; cumulativePopulation: Float64Array } | null = null;

/** Current communes that have a bounding box, with their box centre and population. */
export function loadCommunePool(): { communes: PlacedCommune[]; cumulativePopulation: Float64Array } {
  if (communePool) return communePool;
  const cog = require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[];
  const boxes = require('@etalab/fr-bounding-boxes/dist/communes.json') as CommuneBox[];
  const boxByCode = new Map(boxes.map((box) => [box.id.replace('fr:commune:', ''), box.bbox]));
  const communes: PlacedCommune[] = [];
  for (const commune of cog) {
    if (commune.type !== 'commune-actuelle' || !commune.departement) continue;
    if (!DEPARTMENT_CODE_PATTERN.test(commune.departement)) continue;
    const box = boxByCode.get(commune.code);
    if (!box) continue;
    communes.push({
      insee: commune.code,
      name: commune.nom,
      department: commune.departement,
      postalCode: commune.codesPostaux?.[0] ?? '',
      // Every commune keeps a small chance, so villages appear too.
      population: Math.max(commune.population ?? 0, 50),
      longitude: round6((box[0] + box[2]) / 2),
      latitude: round6((box[1] + box[3]) / 2),
    });
  }
  const cumulativePopulation = new Float64Array(communes.length);
  let total = 0;
  communes.forEach((commune, index) => {
    total += commune.population;
    cumulativePopulation[index] = total;
  });
  communePool = { communes, cumulativePopulation };
  return communePool;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** mulberry32: small, fast, good enough for test data, and identical on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

// Uneven theme frequencies, as in real directories, so each filter gives a distinct count.
const THEME_WEIGHTS: Record<ThemeId, number> = {
  alimentation: 26,
  commerces: 14,
  mobilite: 9,
  entrepreneuriat: 12,
  'tiers-lieux': 17,
  'economie-circulaire': 15,
  'transition-energetique': 7,
};

const NAME_KINDS: Record<ThemeId, readonly string[]> = {
  alimentation: ['Épicerie solidaire', 'AMAP', 'Jardin partagé', 'Légumerie', 'Cuisine collective', 'Marché de producteurs', 'Paniers paysans'],
  commerces: ['Café associatif', 'Épicerie coopérative', 'Librairie coopérative', 'Multiservice rural', 'Boutique partagée', 'Bistrot de pays'],
  mobilite: ['Garage solidaire', 'Atelier vélo', 'Auto-partage', 'Plateforme mobilité', 'Transport solidaire', 'Vélo-école'],
  entrepreneuriat: ['Coopérative d’activité', 'Pôle territorial de coopération', 'Couveuse d’entreprises', 'Fabrique à initiatives', 'SCIC', 'Groupement d’employeurs'],
  'tiers-lieux': ['Tiers-lieu', 'Fablab', 'Maison des services', 'Friche culturelle', 'Espace de coworking', 'Ressourcerie créative'],
  'economie-circulaire': ['Recyclerie', 'Ressourcerie', 'Repair café', 'Atelier de réemploi', 'Donnerie', 'Matériauthèque'],
  'transition-energetique': ['Centrale villageoise', 'Coopérative citoyenne d’énergie', 'Parc solaire citoyen', 'Plateforme de rénovation', 'Réseau de chaleur partagé'],
};

const NAME_FLOURISHES = ['', '', '', ' La Ruche', ' Les Communs', ' L’Escale', ' Le Lien', ' La Fabrique', ' Terre et Partage', ' Le Relais', ' Solid’Air', ' Au Fil de l’Eau'];

const DESCRIPTION_OPENINGS = [
  'Association d’habitants qui',
  'Coopérative locale qui',
  'Collectif citoyen qui',
  'Structure de l’insertion par l’activité économique qui',
  'Projet porté par des bénévoles et des salariés qui',
  'Lieu ouvert à tous qui',
];
const DESCRIPTION_ACTIONS = [
  'propose des produits locaux à prix accessibles',
  'répare, réemploie et revend des objets du quotidien',
  'accompagne les habitants vers l’emploi',
  'organise des ateliers de cuisine et de jardinage',
  'met à disposition des vélos et des voitures partagées',
  'produit une électricité renouvelable détenue par les citoyens',
  'accueille des permanences de services publics',
  'forme des jeunes aux métiers de la réparation',
  'anime un café et une programmation culturelle',
  'soutient les porteurs de projets du territoire',
  'collecte les invendus auprès des commerces',
  'loue des outils et du matériel de bricolage',
];
const DESCRIPTION_CLOSINGS = [
  'Ouvert du mardi au samedi.',
  'Adhésion à prix libre.',
  'Bénévoles bienvenus, même quelques heures par mois.',
  'En partenariat avec la commune et les associations voisines.',
  'Les horaires changent pendant les vacances scolaires.',
  '',
];
const LEGAL_FORMS = ['Association loi 1901', 'SCIC', 'SCOP', 'SAS ESUS', 'Association', 'Régie de quartier', 'SCIC SAS', ''];

function pickThemes(random: () => number): ThemeId[] {
  const count = 1 + Math.floor(random() * random() * 3.2);
  const themes: ThemeId[] = [];
  const totalWeight = THEME_IDS.reduce((sum, theme) => sum + THEME_WEIGHTS[theme], 0);
  while (themes.length < Math.min(count, 3)) {
    let target = random() * totalWeight;
    let chosen: ThemeId = THEME_IDS[0] as ThemeId;
    for (const theme of THEME_IDS) {
      target -= THEME_WEIGHTS[theme];
      if (target < 0) {
        chosen = theme;
        break;
      }
    }
    if (!themes.includes(chosen)) themes.push(chosen);
  }
  return themes;
}

function pickTerritory(random: () => number, population: number): TerritoryId {
  const roll = random();
  if (population < 2_000) return roll < 0.85 ? 'rural' : 'centre-ville';
  if (population < 20_000) return roll < 0.25 ? 'rural' : roll < 0.65 ? 'centre-ville' : roll < 0.8 ? 'qpv' : 'urbain';
  return roll < 0.3 ? 'qpv' : roll < 0.5 ? 'centre-ville' : 'urbain';
}

function findCommuneIndex(cumulative: Float64Array, target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] as number) <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Yields `count` initiatives; the same seed always yields the same sequence. */
export function* generateInitiatives(count: number, seed: number = DEFAULT_SEED): Generator<SyntheticInitiative> {
  const { communes, cumulativePopulation } = loadCommunePool();
  const totalPopulation = cumulativePopulation[cumulativePopulation.length - 1] as number;
  const random = createRandom(seed);
  for (let index = 0; index < count; index += 1) {
    const commune = communes[findCommuneIndex(cumulativePopulation, random() * totalPopulation)] as PlacedCommune;
    const themes = pickThemes(random);
    const mainTheme = themes[0] as ThemeId;
    const name = `${pick(random, NAME_KINDS[mainTheme])}${pick(random, NAME_FLOURISHES)} de ${commune.name}`;
    const sentences = [`${pick(random, DESCRIPTION_OPENINGS)} ${pick(random, DESCRIPTION_ACTIONS)} à ${commune.name}.`];
    const extraActions = Math.floor(random() * 3);
    for (let extra = 0; extra < extraActions; extra += 1) {
      sentences.push(`Elle ${pick(random, DESCRIPTION_ACTIONS)}, avec le soutien des habitants.`);
    }
    const closing = pick(random, DESCRIPTION_CLOSINGS);
    if (closing) sentences.push(closing);
    const id = `bench-${String(index + 1).padStart(7, '0')}`;
    const hasWebsite = random() < 0.6;
    yield {
      id,
      name,
      themes,
      territory: pickTerritory(random, commune.population),
      commune: commune.name,
      insee: commune.insee,
      postalCode: commune.postalCode,
      department: commune.department,
      description: sentences.join(' '),
      legalForm: pick(random, LEGAL_FORMS),
      website: hasWebsite ? `https://${slugify(name).slice(0, 40)}.example.org/` : '',
      source: `https://annuaire.example.org/initiatives/${id}`,
      longitude: commune.longitude,
      latitude: commune.latitude,
    };
  }
}

/** A feature of the published GeoJSON, built the way the app's own export builds it. */
export function toFeature(initiative: SyntheticInitiative): PublishedFeature {
  return initiativeToFeature({ ...initiative, approximate: false });
}

/** The pipeline's input columns (CONTRACT §2), defined with the feature in src/domain/initiative.ts. */
export const CSV_COLUMNS = SOURCE_COLUMNS;

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const CORE_CELLS: Record<(typeof CORE_COLUMNS)[number], (initiative: SyntheticInitiative) => string> = {
  id: (initiative) => initiative.id,
  nom: (initiative) => initiative.name,
  themes: (initiative) => initiative.themes.join('|'),
  territoire: (initiative) => initiative.territory,
  commune: (initiative) => initiative.commune,
  code_insee: (initiative) => initiative.insee,
  code_postal: (initiative) => initiative.postalCode,
  departement: (initiative) => initiative.department,
};
const TEXT_PROPERTY_BY_COLUMN = new Map<string, TextPropertySpec>(TEXT_PROPERTIES.map((property) => [property.column, property]));

/** One line of the pipeline's input CSV, without the line break. */
export function toCsvRow(initiative: SyntheticInitiative): string {
  return SOURCE_COLUMNS.map((column) => {
    const core = CORE_CELLS[column as keyof typeof CORE_CELLS] as ((item: SyntheticInitiative) => string) | undefined;
    const property = TEXT_PROPERTY_BY_COLUMN.get(column);
    return csvField(core ? core(initiative) : property ? (textProperty(initiative, property) ?? '') : '');
  }).join(',');
}

function cachePath(kind: 'geojson' | 'csv', count: number, seed: number): string {
  return join(CACHE_DIRECTORY, `initiatives-${count}-s${seed}-v${GENERATOR_VERSION}.${kind}`);
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial);
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
      buffer = '';
    }
  }
  stream.write(buffer);
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  // Renamed only when complete, so an interrupted run never leaves a truncated cache file.
  renameSync(partial, path);
}

/** Path of the cached GeoJSON of `count` initiatives, generated on first use. */
export async function ensureGeojson(count: number, seed: number = DEFAULT_SEED): Promise<string> {
  const path = cachePath('geojson', count, seed);
  if (existsSync(path)) return path;
  function* lines(): Generator<string> {
    yield '{"type":"FeatureCollection","features":[\n';
    let first = true;
    for (const initiative of generateInitiatives(count, seed)) {
      yield `${first ? '' : ',\n'}${JSON.stringify(toFeature(initiative))}`;
      first = false;
    }
    yield '\n]}\n';
  }
  await writeLines(path, lines());
  return path;
}

/**
 * The cached GeoJSON of `count` initiatives as `npm run data -- --compact` publishes it: a copy
 * whose head links to the compact file written beside it (same directory, standard names).
 */
export async function ensureCompact(count: number, seed: number = DEFAULT_SEED): Promise<{ geojsonPath: string; compactPath: string }> {
  // Named after the format's magic line (its version), so a new format never reuses an old file.
  const directory = join(CACHE_DIRECTORY, `compact-${count}-s${seed}-v${GENERATOR_VERSION}-${COMPACT_MAGIC.trim()}`);
  const geojsonPath = join(directory, 'initiatives.geojson');
  const compactPath = compactPathFor(geojsonPath);
  // Made again when the code that writes it changed since (a cached file in an older layout would measure the wrong thing).
  const writers = ['src/domain/compact-format.ts', 'src/domain/compact-writer.ts', 'src/pipeline/compact-file.ts'].map((path) => statSync(join(BENCH_DIRECTORY, '..', path)).mtimeMs);
  if (existsSync(geojsonPath) && existsSync(compactPath) && statSync(compactPath).mtimeMs > Math.max(...writers)) return { geojsonPath, compactPath };
  mkdirSync(directory, { recursive: true });
  copyFileSync(await ensureGeojson(count, seed), geojsonPath);
  await writeCompactBeside(geojsonPath);
  return { geojsonPath, compactPath };
}

/** Path of the cached pipeline-input CSV of `count` rows, generated on first use. */
export async function ensureCsv(count: number, seed: number = DEFAULT_SEED): Promise<string> {
  const path = cachePath('csv', count, seed);
  if (existsSync(path)) return path;
  function* lines(): Generator<string> {
    yield `${CSV_COLUMNS.join(',')}\n`;
    for (const initiative of generateInitiatives(count, seed)) yield `${toCsvRow(initiative)}\n`;
  }
  await writeLines(path, lines());
  return path;
}

export function fileSizeMb(path: string): number {
  return statSync(path).size / 1024 / 1024;
}

/** Theme lists of a cached GeoJSON, in feature order (the expected filter counts come from them). */
export function readThemeLists(geojsonPath: string): ThemeId[][] {
  const document = JSON.parse(readFileSync(geojsonPath, 'utf8')) as { features: { properties: { themes: ThemeId[] } }[] };
  return document.features.map((feature) => feature.properties.themes);
}
