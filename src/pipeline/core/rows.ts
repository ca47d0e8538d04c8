/**
 * What the pipeline does to each record that depends on that record alone: validation,
 * geocoding, the density grid, and the feature's JSON, encoded as UTF-8. Records go in by
 * batches and come out as a BatchResult, so this work can run on the calling thread or in a
 * worker (row-worker.ts) with the same code. What depends on the rows before (duplicate ids,
 * whether a feature is the first one written, the report's counters) stays with the caller,
 * which applies results in file order (table-run.ts).
 *
 * Pure: the schema and the geocoder are given, so the same code runs in the CLI and in the browser.
 */
import type { FieldCheck } from '../../domain/field-check';
import { FIELD_CHECKS } from '../../domain/field-checks';
import { SOURCE_COLUMNS, TEXT_PROPERTIES, type FieldCheckName, type TextPropertySpec } from '../../domain/initiative';
import { THEME_IDS } from '../../domain/themes';
import type { Commune } from './communes';
import type { GeocodeQuery, GeocodeResult, Geocoder } from './geocoder';
import { ByteSink } from './byte-sink';
import type { CellCheck } from './cell-check';
import { compileRowValidator, type FieldProblem, type TableSchema } from './row-schema';

/** Columns the pipeline reads, in the order of RowConfig.known (defined with the feature, domain/initiative.ts). */
export const KNOWN_COLUMNS = SOURCE_COLUMNS;

/** What every batch of a file shares, fixed once the header is read. */
export interface RowConfig {
  /** Index of each known column in the file, -1 when absent; in KNOWN_COLUMNS order. */
  known: readonly number[];
  /** Number of columns of the header. */
  columnCount: number;
  densityGrid?: ReadonlyMap<string, number>;
}

/** Consecutive items of the file, in order: records, and lines that could not be read. */
export interface RecordBatch {
  /** Per item: the record's fields; an empty array for an unreadable line. */
  fields: string[][];
  /** Per item: its physical line. */
  lines: number[];
  /** Per item: papaparse's quote problem for a record; the reason for an unreadable line; else null. */
  notes: (string | null)[];
  /** Per item: 1 for an unreadable line, 0 for a record. */
  unreadable: number[];
  /** Per item: what the cell check found (characters removed, undecodable bytes), else null. */
  checks: (CellCheck | null)[];
}

export function emptyBatch(): RecordBatch {
  return { fields: [], lines: [], notes: [], unreadable: [], checks: [] };
}

export interface Message {
  column: string;
  message: string;
}

/** Everything a record produced besides a clean feature; absent for the usual good row. */
export interface RowNotes {
  /** Index of the item in its batch. */
  item: number;
  /** Set when the record has more values than the header has columns: the only rejection reason then. */
  tooManyValues?: string;
  /** Warnings reported whatever happens to the row. */
  warnings?: Message[];
  /** Its own problems, in report order; the row is rejected when there is any. */
  problems?: FieldProblem[];
  /** Warnings reported only if the row is written. */
  warningsIfWritten?: Message[];
}

export interface BatchResult {
  /** The candidate features, back to back, each as `,\n{…}` in UTF-8. */
  bytes: Uint8Array;
  /** Per item: the byte length of its feature in `bytes`; -1 when the record has no feature. */
  featureBytes: Int32Array;
  /** Notes of the items that have any, in item order. */
  notes: RowNotes[];
  /** Per item: the record's id (see recordId); null for an unreadable line or an empty id. */
  ids: (string | null)[];
}

/** The record's id as the report shows it: its trimmed cell, undefined when empty. */
export function recordId(fields: readonly string[], known: readonly number[]): string | undefined {
  const index = known[0] ?? -1;
  return (index < 0 ? '' : (fields[index] ?? '').trim()) || undefined;
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/**
 * A copy that does not keep the input chunk alive: V8 represents substrings as slices of
 * their parent, so a string kept in a cache would otherwise retain the whole chunk of CSV
 * text it was cut from.
 */
export function flatCopy(text: string): string {
  return (` ${text}`).slice(1);
}

interface FeatureFragments {
  head: string;
  commune: string;
  tail: string;
}

function buildFragments(longitude: number, latitude: number, commune: Commune, approximate: boolean): FeatureFragments {
  const coordinates = JSON.stringify([round5(longitude), round5(latitude)]);
  return {
    head: `{"type":"Feature","geometry":{"type":"Point","coordinates":${coordinates}},"properties":{`,
    commune: `"commune":${JSON.stringify(commune.name)},"insee":${JSON.stringify(commune.code)},"department":${JSON.stringify(commune.departmentCode)},`,
    tail: `"approximate":${approximate}}}`,
  };
}

/** What the per-record work is given, besides the file's columns. */
export interface RowDependencies {
  schema: TableSchema;
  /** Called on the first record that needs a commune. */
  geocoder: () => Geocoder;
}

/** Compiles the per-record work for one file; the returned function is called batch after batch, in order. */
export function createRowProcessor(config: RowConfig, dependencies: RowDependencies): (batch: RecordBatch) => BatchResult {
  const { known, columnCount, densityGrid } = config;
  const validateRow = compileRowValidator(dependencies.schema);
  // Built on the first record that needs it, so a missing file or column fails fast.
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
  /** Per commune object; a result whose point is not its commune's own (an arrondissement) is not cached. */
  const fragmentsByCommune = new Map<Commune, FeatureFragments>();
  const communeFragments = (geocoded: { commune: Commune; longitude: number; latitude: number; approximate: boolean }) => {
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
  };

  // One row object and one geocoding query, refilled for each record: a million short-lived
  // rows made V8 pretenure their allocation site, and rows allocated in the old generation
  // then kept every cell's string alive until the next full collection.
  const row: Record<string, string> = Object.fromEntries(KNOWN_COLUMNS.map((column) => [column, '']));
  // Each text property's key, JSON-encoded once, and its column: written by one loop below.
  const textProperties = (TEXT_PROPERTIES as readonly TextPropertySpec[]).map((property) => ({ ...property, prefix: `${JSON.stringify(property.key)}:` }));
  const query: GeocodeQuery = { commune: '', codeInsee: '', postalCode: '', department: '' };
  // Rows repeat the same hours or e-mail domain, and reading opening hours is costly: each
  // distinct value is checked once per file (up to a bound, like the theme lists above).
  const verdicts = new Map<string, FieldCheck>();
  const checkField = (name: FieldCheckName, value: string): FieldCheck => {
    const key = `${name}\u0000${value}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = FIELD_CHECKS[name](value);
      if (verdicts.size < 10_000) verdicts.set(flatCopy(key), verdict);
    }
    return verdict;
  };

  /** The record's feature in `sink` (returns its byte length), or -1 with its reasons in `notes`. */
  const processRecord = (fields: string[], quoteProblem: string | null, sink: ByteSink, notes: RowNotes): number => {
    const cell = (position: number) => {
      const index = known[position] ?? -1;
      return index < 0 ? '' : (fields[index] ?? '').trim();
    };
    for (let position = 0; position < KNOWN_COLUMNS.length; position += 1) row[KNOWN_COLUMNS[position] as string] = cell(position);
    // Even when the extra cells are empty: a value cut in two by an unquoted separator shifts
    // every cell after it, and an empty last column then looks like a trailing separator.
    if (fields.length > columnCount) {
      notes.tooManyValues = `${fields.length} valeurs pour ${columnCount} colonnes : la ligne n’est pas publiée (un séparateur dans une valeur sans guillemets décale les colonnes suivantes ; entourez cette valeur de guillemets)`;
      return -1;
    }
    let warnings: Message[] | undefined;
    if (quoteProblem) (warnings ??= []).push({ column: 'ligne', message: `${quoteProblem} : vérifiez les valeurs de cette ligne` });

    // Excel drops leading zeros from codes it takes for numbers (01001 → 1001): put them back.
    if (/^[0-9]{4}$/.test(row.code_insee ?? '')) row.code_insee = `0${row.code_insee}`;
    if (/^[0-9]{4}$/.test(row.code_postal ?? '')) row.code_postal = `0${row.code_postal}`;
    if (/^[1-9]$/.test(row.departement ?? '')) row.departement = `0${row.departement}`;
    const problems = validateRow.isValid(row) ? [] : validateRow(row);
    for (const problem of problems) {
      if (problem.column === 'themes' && row.themes) {
        const unknown = row.themes.split(themePattern).map((theme) => theme.trim()).filter((theme) => theme && !(THEME_IDS as readonly string[]).includes(theme));
        problem.reason = `thème(s) inconnu(s) : ${unknown.map((theme) => `« ${theme} »`).join(', ') || '(vide)'} ; thèmes permis : ${THEME_IDS.join(', ')}`;
      }
    }
    const themesJson = themesToJson(row.themes ?? '');

    let geocoded: GeocodeResult | undefined;
    const communeFieldsValid = problems.length === 0 || !problems.some((problem) => ['commune', 'code_insee', 'code_postal', 'departement'].includes(problem.column));
    if (communeFieldsValid) {
      geocoder ??= dependencies.geocoder();
      query.commune = row.commune ?? '';
      query.codeInsee = row.code_insee;
      query.postalCode = row.code_postal;
      query.department = row.departement;
      geocoded = geocoder.geocode(query);
      if (!geocoded.ok) problems.push({ column: geocoded.column, reason: geocoded.reason });
    }

    let territory = row.territoire ?? '';
    if (densityGrid && geocoded?.ok) {
      const level = densityGrid.get(geocoded.commune.code);
      if (level !== undefined) {
        const rural = level >= 5;
        if (!territory && rural) territory = 'rural';
        else if (territory === 'rural' && !rural) {
          (warnings ??= []).push({ column: 'territoire', message: `« rural » alors que la grille de densité classe ${geocoded.commune.name} au niveau ${level} (urbain)` });
        } else if (territory === 'urbain' && rural) {
          (warnings ??= []).push({ column: 'territoire', message: `« urbain » alors que la grille de densité classe ${geocoded.commune.name} au niveau ${level} (rural)` });
        }
      }
    }
    if (!territory && (problems.length === 0 || !problems.some((problem) => problem.column === 'territoire'))) {
      problems.push({ column: 'territoire', reason: 'territoire manquant (qpv, rural, centre-ville ou urbain)' });
    }
    if (warnings) notes.warnings = warnings;

    if (problems.length > 0 || !geocoded?.ok) {
      notes.problems = problems;
      return -1;
    }
    if (geocoded.warnings.length > 0 || geocoded.approximate) {
      const warningsIfWritten: Message[] = geocoded.warnings.map((message) => ({ column: 'commune', message }));
      if (geocoded.approximate) {
        warningsIfWritten.push({ column: 'commune', message: `position approximative pour ${geocoded.commune.name} (${geocoded.commune.code}) : point de repli, pas le bourg` });
      }
      notes.warningsIfWritten = warningsIfWritten;
    }
    // Every initiative of a commune gets the commune's point, unchanged, even when several
    // share it: positions stay stable so clustering is computed once, and the map lists the
    // initiatives stacked on one point instead of spreading them artificially (docs/pipeline.md).
    // Built by hand with a cached per-commune part: JSON.stringify of a whole feature was the
    // main cost at a million rows. Key order is fixed, so the output is byte-stable. The id
    // (a validated slug) and the territory (a validated enum value) need no JSON escaping.
    const fragments = communeFragments(geocoded);
    let text = '';
    for (const property of textProperties) {
      let value = row[property.column] as string;
      if (value && property.check) {
        const verdict = checkField(property.check, value);
        if (verdict.ok) value = verdict.value;
        else {
          // A bad optional value is reported and left out; the rest of the row is published (CONTRACT §2).
          (notes.warningsIfWritten ??= []).push({ column: property.column, message: verdict.reason });
          value = '';
        }
      }
      // An optional property is left out when the row has no value for it (CONTRACT §3).
      if (value || property.presence === 'always') text += `${property.prefix}${JSON.stringify(value)},`;
    }
    return sink.write(
      `,\n${fragments.head}"id":"${row.id}","name":${JSON.stringify(row.nom)},` +
        `"themes":${themesJson},"territory":"${territory}",${fragments.commune}${text}${fragments.tail}`,
    );
  };

  return (batch) => {
    const count = batch.fields.length;
    const sink = new ByteSink(Math.max(1 << 16, count * 2048));
    const featureBytes = new Int32Array(count).fill(-1);
    const notes: RowNotes[] = [];
    const ids: (string | null)[] = new Array<string | null>(count).fill(null);
    // Filled by a record only when it has something to say, which few records do.
    let scratch: RowNotes = { item: 0 };
    for (let item = 0; item < count; item += 1) {
      if (batch.unreadable[item]) continue;
      ids[item] = recordId(batch.fields[item] as string[], known) ?? null;
      scratch.item = item;
      featureBytes[item] = processRecord(batch.fields[item] as string[], batch.notes[item] ?? null, sink, scratch);
      if (scratch.tooManyValues !== undefined || scratch.warnings || scratch.problems || scratch.warningsIfWritten) {
        notes.push(scratch);
        scratch = { item: 0 };
      }
    }
    return { bytes: sink.bytes(), featureBytes, notes, ids };
  };
}
