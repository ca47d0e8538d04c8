/**
 * What the pipeline does to each record that depends on that record alone: validation,
 * geocoding, the density grid, and the feature's JSON, encoded as UTF-8. Records go in by
 * batches and come out as a BatchResult (row-batch.ts), so this work can run on the calling
 * thread or in a worker (row-worker.ts) with the same code. What depends on the rows before
 * (duplicate ids, whether a feature is the first one written, the report's counters) stays
 * with the caller, which applies results in file order (table-run.ts).
 *
 * This file assembles a record's verdict in report order; the column checks live in
 * row-checks.ts and the feature's text in feature-json.ts.
 *
 * Pure: the schema and the geocoder are given, so the same code runs in the CLI and in the browser.
 */
import type { GeocodeQuery, GeocodeResult, Geocoder } from './geocoder';
import { ByteSink } from './byte-sink';
import { createFeatureWriter } from './feature-json';
import { KNOWN_COLUMNS, recordId, type BatchResult, type RecordBatch, type RowConfig, type RowNotes, type SourceRow } from './row-batch';
import {
  communeColumnsValid,
  createOptionalValueCheck,
  createThemesJson,
  explainUnknownThemes,
  noteGeocodingWarnings,
  requireTerritory,
  restoreLeadingZeros,
  territoryFromDensity,
} from './row-checks';
import { compileRowValidator, type TableSchema } from './row-schema';

export * from './row-batch';

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
  const themesJson = createThemesJson();
  const writeFeature = createFeatureWriter(createOptionalValueCheck());

  // One row object and one geocoding query, refilled for each record: a million short-lived
  // rows made V8 pretenure their allocation site, and rows allocated in the old generation
  // then kept every cell's string alive until the next full collection.
  const row: SourceRow = Object.fromEntries(KNOWN_COLUMNS.map((column) => [column, '']));
  const query: GeocodeQuery = { commune: '', codeInsee: '', postalCode: '', department: '' };

  const fillRow = (fields: readonly string[]) => {
    for (let position = 0; position < KNOWN_COLUMNS.length; position += 1) {
      const index = known[position] ?? -1;
      row[KNOWN_COLUMNS[position] as string] = index < 0 ? '' : (fields[index] ?? '').trim();
    }
  };

  const geocode = (): GeocodeResult => {
    geocoder ??= dependencies.geocoder();
    query.commune = row.commune ?? '';
    query.codeInsee = row.code_insee;
    query.postalCode = row.code_postal;
    query.department = row.departement;
    return geocoder.geocode(query);
  };

  /** The record's feature in `sink` (returns its byte length), or -1 with its reasons in `notes`. */
  const processRecord = (fields: string[], quoteProblem: string | null, sink: ByteSink, notes: RowNotes): number => {
    fillRow(fields);
    // Even when the extra cells are empty: a value cut in two by an unquoted separator shifts
    // every cell after it, and an empty last column then looks like a trailing separator.
    if (fields.length > columnCount) {
      notes.tooManyValues = `${fields.length} valeurs pour ${columnCount} colonnes : la ligne n’est pas publiée (un séparateur dans une valeur sans guillemets décale les colonnes suivantes ; entourez cette valeur de guillemets)`;
      return -1;
    }
    if (quoteProblem) (notes.warnings ??= []).push({ column: 'ligne', message: `${quoteProblem} : vérifiez les valeurs de cette ligne` });

    restoreLeadingZeros(row);
    const problems = validateRow.isValid(row) ? [] : validateRow(row);
    explainUnknownThemes(problems, row.themes);
    const themes = themesJson(row.themes ?? '');

    let geocoded: GeocodeResult | undefined;
    if (communeColumnsValid(problems)) {
      geocoded = geocode();
      if (!geocoded.ok) problems.push({ column: geocoded.column, reason: geocoded.reason });
    }
    const territory = territoryFromDensity(row.territoire ?? '', geocoded, densityGrid, notes);
    requireTerritory(territory, problems);

    if (problems.length > 0 || !geocoded?.ok) {
      notes.problems = problems;
      return -1;
    }
    noteGeocodingWarnings(geocoded, notes);
    return sink.write(writeFeature(row, themes, territory, geocoded, notes));
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
