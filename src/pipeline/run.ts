/**
 * The pipeline run: CSV of initiatives → validated, geocoded GeoJSON + report.
 * Streams: the input is read chunk by chunk and features are written as they come, so memory
 * holds only the set of ids and the report (CONTRACT §1–3, docs/pipeline.md).
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { THEME_IDS } from '../domain/themes';
import { NotUtf8Error, readCsvFile, readCsvText, type TextEncodingName } from './csv-reader';
import type { Commune } from './gazetteer';
import { getGeocoder, type GeocodeResult, type Geocoder } from './geocoder';
import { compileRowValidator, loadTableSchema } from './row-schema';

export interface PipelineOptions {
  input: string;
  output: string;
  densityGrid?: string;
}

export interface RejectedRow {
  line: number;
  column: string;
  reason: string;
  id?: string;
}

export interface PipelineWarning {
  line: number;
  column: string;
  message: string;
  id?: string;
}

export interface PipelineReport {
  input: string;
  encoding: TextEncodingName;
  delimiter: string;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  rejected: RejectedRow[];
  warnings: PipelineWarning[];
}

/** A problem that stops the run (CLI exit code 2). */
export class PipelineFatalError extends Error {}

const REQUIRED_COLUMNS = ['id', 'nom', 'themes', 'commune'];
const KNOWN_COLUMNS = [
  'id', 'nom', 'themes', 'territoire', 'commune', 'code_insee', 'code_postal',
  'departement', 'description', 'forme_juridique', 'site_web', 'source',
];
/** Small enough that pending output dies young in V8's heap instead of being promoted. */
const OUTPUT_BUFFER_CHARS = 1 << 15;

/** « Code INSEE » → code_insee, « Site web » → site_web: forgiving about how Excel users type headers. */
export function normalizeColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/**
 * A copy that does not keep the input chunk alive: V8 represents substrings as slices of
 * their parent, so an id kept for the duplicate check would otherwise retain the whole
 * megabyte of CSV text it was cut from.
 */
function flatCopy(text: string): string {
  return (` ${text}`).slice(1);
}

interface FeatureFragments {
  head: string;
  commune: string;
  tail: string;
}

/** Per commune object; a result whose point is not its commune's own (an arrondissement) is not cached. */
const fragmentsByCommune = new Map<Commune, FeatureFragments>();

function buildFragments(longitude: number, latitude: number, commune: Commune, approximate: boolean): FeatureFragments {
  const coordinates = JSON.stringify([round5(longitude), round5(latitude)]);
  return {
    head: `{"type":"Feature","geometry":{"type":"Point","coordinates":${coordinates}},"properties":{`,
    commune: `"commune":${JSON.stringify(commune.name)},"insee":${JSON.stringify(commune.code)},"department":${JSON.stringify(commune.departmentCode)},`,
    tail: `"approximate":${approximate}}}`,
  };
}

/** The parts of a feature's JSON that depend only on the commune, built once per commune. */
function communeFragments(geocoded: { commune: Commune; longitude: number; latitude: number; approximate: boolean }): FeatureFragments {
  const { commune } = geocoded;
  if (geocoded.longitude !== commune.longitude || geocoded.latitude !== commune.latitude || geocoded.approximate !== commune.approximate) {
    return buildFragments(geocoded.longitude, geocoded.latitude, commune, geocoded.approximate);
  }
  let fragments = fragmentsByCommune.get(commune);
  if (!fragments) {
    fragments = buildFragments(commune.longitude, commune.latitude, commune, commune.approximate);
    fragmentsByCommune.set(commune, fragments);
  }
  return fragments;
}

/** INSEE density grid: commune code → level 1 (dense) … 7 (very sparse). */
export function loadDensityGrid(path: string): Map<string, number> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PipelineFatalError(`impossible de lire la grille de densité ${path} : ${(error as Error).message}`);
  }
  const grid = new Map<string, number>();
  let header: string[] | undefined;
  readCsvText(text, {
    onRecord(fields) {
      if (!header) {
        header = fields.map(normalizeColumnName);
        return;
      }
      const code = fields[header.indexOf('code_insee')]?.trim().toUpperCase();
      const level = Number(fields[header.indexOf('densite')]);
      if (code && Number.isInteger(level)) grid.set(code, level);
    },
    onUnreadableLine() {},
  });
  if (!header?.includes('code_insee') || !header.includes('densite')) {
    throw new PipelineFatalError(`grille de densité ${path} : colonnes code_insee et densite attendues`);
  }
  return grid;
}

export function runPipeline(options: PipelineOptions): PipelineReport {
  const densityGrid = options.densityGrid ? loadDensityGrid(options.densityGrid) : undefined;
  try {
    return runWithEncoding(options, 'utf-8', densityGrid);
  } catch (error) {
    if (error instanceof NotUtf8Error) return runWithEncoding(options, 'windows-1252', densityGrid);
    throw error;
  }
}

function runWithEncoding(options: PipelineOptions, encoding: TextEncodingName, densityGrid: Map<string, number> | undefined): PipelineReport {
  const validateRow = compileRowValidator(loadTableSchema());
  // Built on the first data row, so a missing file or column fails fast.
  let geocoder: Geocoder | undefined;
  const themePattern = /[|,;]/;
  // A file uses few distinct theme lists: each is split and serialised once.
  const themesJsonByText = new Map<string, string>();
  const themesToJson = (text: string) => {
    let json = themesJsonByText.get(text);
    if (json === undefined) {
      const themes: string[] = [];
      for (const theme of text.split(themePattern)) {
        const trimmed = theme.trim();
        if (trimmed && !themes.includes(trimmed)) themes.push(trimmed);
      }
      json = JSON.stringify(themes);
      if (themesJsonByText.size < 10_000) themesJsonByText.set(flatCopy(text), json);
    }
    return json;
  };
  const report: PipelineReport = {
    input: basename(options.input),
    encoding,
    delimiter: ',',
    rowsRead: 0,
    rowsWritten: 0,
    rowsRejected: 0,
    rejected: [],
    warnings: [],
  };
  const writtenIdLines = new Map<string, number>();
  let columns: string[] | undefined;
  let columnIndex = new Map<string, number>();
  /** Index of each known column in the file, -1 when absent; in KNOWN_COLUMNS order. */
  let known: number[] = [];

  // Written to a temporary file and renamed at the end: the app never reads half a file,
  // and a Windows-1252 restart starts from a clean slate.
  mkdirSync(dirname(options.output) || '.', { recursive: true });
  const temporaryPath = `${options.output}.tmp-${process.pid}`;
  const output = openSync(temporaryPath, 'w');
  let outputBuffer = '{"type":"FeatureCollection","features":[';
  let firstFeature = true;
  const flush = () => {
    writeSync(output, outputBuffer);
    outputBuffer = '';
  };

  const reject = (line: number, column: string, reason: string, id?: string) => {
    report.rejected.push(id ? { line, column, reason: flatCopy(reason), id: flatCopy(id) } : { line, column, reason: flatCopy(reason) });
  };
  const warn = (line: number, column: string, message: string, id?: string) => {
    report.warnings.push(id ? { line, column, message: flatCopy(message), id: flatCopy(id) } : { line, column, message: flatCopy(message) });
  };

  const handleHeader = (fields: string[]) => {
    columns = fields.map(normalizeColumnName);
    columnIndex = new Map();
    columns.forEach((name, index) => {
      if (!name) return;
      if (columnIndex.has(name)) warn(1, name, `colonne « ${name} » en double : seule la première est lue`);
      else columnIndex.set(name, index);
    });
    const required = densityGrid ? REQUIRED_COLUMNS : [...REQUIRED_COLUMNS, 'territoire'];
    const missing = required.filter((name) => !columnIndex.has(name));
    if (missing.length > 0) {
      throw new PipelineFatalError(
        `colonne${missing.length > 1 ? 's' : ''} obligatoire${missing.length > 1 ? 's' : ''} absente${missing.length > 1 ? 's' : ''} : ${missing.join(', ')} (colonnes lues : ${columns.filter(Boolean).join(', ') || 'aucune'})`,
      );
    }
    known = KNOWN_COLUMNS.map((name) => columnIndex.get(name) ?? -1);
    const unknown = columns.filter((name) => name && !KNOWN_COLUMNS.includes(name));
    if (unknown.length > 0) warn(1, unknown.join(', '), `colonne(s) inconnue(s) ignorée(s) : ${unknown.join(', ')}`);
  };

  const handleRow = (fields: string[], line: number, quoteProblem: string | undefined) => {
    const columnCount = columns?.length ?? 0;
    report.rowsRead += 1;
    const cell = (position: number) => {
      const index = known[position] ?? -1;
      return index < 0 ? '' : (fields[index] ?? '').trim();
    };
    // One literal with a fixed shape: V8 keeps it in fast mode, unlike a dynamically keyed record.
    const row: Record<string, string> = {
      id: cell(0), nom: cell(1), themes: cell(2), territoire: cell(3), commune: cell(4), code_insee: cell(5),
      code_postal: cell(6), departement: cell(7), description: cell(8), forme_juridique: cell(9), site_web: cell(10), source: cell(11),
    };
    const id = row.id || undefined;
    const extra = fields.slice(columnCount).filter((field) => field.trim() !== '');
    if (extra.length > 0) {
      report.rowsRejected += 1;
      reject(line, 'ligne', `${fields.length} valeurs pour ${columnCount} colonnes : un séparateur dans une valeur sans guillemets ?`, id);
      return;
    }
    if (quoteProblem) warn(line, 'ligne', `${quoteProblem} : vérifiez les valeurs de cette ligne`, id);

    // Excel drops leading zeros from codes it takes for numbers (01001 → 1001): put them back.
    if (/^[0-9]{4}$/.test(row.code_insee ?? '')) row.code_insee = `0${row.code_insee}`;
    if (/^[0-9]{4}$/.test(row.code_postal ?? '')) row.code_postal = `0${row.code_postal}`;
    if (/^[1-9]$/.test(row.departement ?? '')) row.departement = `0${row.departement}`;
    const problems = validateRow(row);
    for (const problem of problems) {
      if (problem.column === 'themes' && row.themes) {
        const unknown = row.themes.split(themePattern).map((theme) => theme.trim()).filter((theme) => theme && !(THEME_IDS as readonly string[]).includes(theme));
        problem.reason = `thème(s) inconnu(s) : ${unknown.map((theme) => `« ${theme} »`).join(', ') || '(vide)'} ; thèmes permis : ${THEME_IDS.join(', ')}`;
      }
    }
    const themesJson = themesToJson(row.themes ?? '');
    if (id && writtenIdLines.has(id)) {
      problems.unshift({ column: 'id', reason: `id en double : « ${id} » est déjà utilisé ligne ${writtenIdLines.get(id)}` });
    }

    let geocoded: GeocodeResult | undefined;
    const communeFieldsValid = !problems.some((problem) => ['commune', 'code_insee', 'code_postal', 'departement'].includes(problem.column));
    if (communeFieldsValid) {
      geocoder ??= getGeocoder();
      geocoded = geocoder.geocode({
        commune: row.commune ?? '',
        codeInsee: row.code_insee,
        postalCode: row.code_postal,
        department: row.departement,
      });
      if (!geocoded.ok) problems.push({ column: geocoded.column, reason: geocoded.reason });
    }

    let territory = row.territoire ?? '';
    if (densityGrid && geocoded?.ok) {
      const level = densityGrid.get(geocoded.commune.code);
      if (level !== undefined) {
        const rural = level >= 5;
        if (!territory && rural) territory = 'rural';
        else if (territory === 'rural' && !rural) {
          warn(line, 'territoire', `« rural » alors que la grille de densité classe ${geocoded.commune.name} au niveau ${level} (urbain)`, id);
        } else if (territory === 'urbain' && rural) {
          warn(line, 'territoire', `« urbain » alors que la grille de densité classe ${geocoded.commune.name} au niveau ${level} (rural)`, id);
        }
      }
    }
    if (!territory && !problems.some((problem) => problem.column === 'territoire')) {
      problems.push({ column: 'territoire', reason: 'territoire manquant (qpv, rural, centre-ville ou urbain)' });
    }

    if (problems.length > 0 || !geocoded?.ok) {
      report.rowsRejected += 1;
      for (const problem of problems) reject(line, problem.column, problem.reason, id);
      return;
    }
    for (const message of geocoded.warnings) warn(line, 'commune', message, id);
    if (geocoded.approximate) {
      warn(line, 'commune', `position approximative pour ${geocoded.commune.name} (${geocoded.commune.code}) : point de repli, pas le bourg`, id);
    }
    // Every initiative of a commune gets the commune's point, unchanged, even when several
    // share it: positions stay stable so clustering is computed once, and the map lists the
    // initiatives stacked on one point instead of spreading them artificially (docs/pipeline.md).
    // Built by hand with a cached per-commune part: JSON.stringify of a whole feature was the
    // main cost at a million rows. Key order is fixed, so the output is byte-stable. The id
    // (a validated slug) and the territory (a validated enum value) need no JSON escaping.
    const fragments = communeFragments(geocoded);
    outputBuffer +=
      `${firstFeature ? '\n' : ',\n'}${fragments.head}"id":"${row.id}","name":${JSON.stringify(row.nom)},` +
      `"themes":${themesJson},"territory":"${territory}",${fragments.commune}` +
      `"description":${JSON.stringify(row.description)},"source":${JSON.stringify(row.source)},` +
      `"website":${JSON.stringify(row.site_web)},"legalForm":${JSON.stringify(row.forme_juridique)},${fragments.tail}`;
    firstFeature = false;
    if (outputBuffer.length > OUTPUT_BUFFER_CHARS) flush();
    const writtenId = row.id as string;
    writtenIdLines.set(writtenId.length >= 13 ? flatCopy(writtenId) : writtenId, line);
    report.rowsWritten += 1;
  };

  try {
    const result = readCsvFile(options.input, encoding, {
      onRecord(fields, line, quoteProblem) {
        if (fields.every((field) => field.trim() === '')) return; // blank line or a row of empty cells
        if (!columns) {
          handleHeader(fields);
          return;
        }
        handleRow(fields, line, quoteProblem);
      },
      onUnreadableLine(line, reason) {
        if (!columns) return;
        report.rowsRead += 1;
        report.rowsRejected += 1;
        reject(line, 'ligne', reason);
      },
    });
    report.delimiter = result.delimiter;
    if (!columns) throw new PipelineFatalError('fichier vide : aucune ligne d’en-tête (id, nom, themes, commune…)');
    outputBuffer += `${firstFeature ? '' : '\n'}]}\n`;
    flush();
    closeSync(output);
    renameSync(temporaryPath, options.output);
    return report;
  } catch (error) {
    closeSync(output);
    rmSync(temporaryPath, { force: true });
    if (error instanceof NotUtf8Error || error instanceof PipelineFatalError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      throw new PipelineFatalError(`impossible de lire ${options.input} : ${code === 'ENOENT' ? 'fichier introuvable' : code === 'EISDIR' ? 'c’est un dossier' : 'accès refusé'}`);
    }
    throw error;
  }
}
