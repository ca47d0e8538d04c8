/**
 * `--a-reverifier N`: the published initiatives whose facts were last checked more than N
 * months ago, or never (no `date_verification`, or one the run left out as invalid), as a
 * French-spreadsheet CSV to work from (docs/pipeline.md). Read back from the GeoJSON this
 * run published, so the list describes exactly what the map shows; each row keeps its line
 * in the source file.
 */
import { createReadStream } from 'node:fs';
import { join, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { buildTableCsv, type TableCell } from '../domain/csv-export';
import { formatPhone } from '../domain/phone';
import { monthsSinceUtc } from '../domain/verification-date';
import type { PipelineReport } from './pipeline-report';

/** The file's name when no `--a-reverifier-csv` is given: beside the report, else beside the GeoJSON. */
export const REVERIFY_FILE_NAME = 'a-reverifier.csv';

export function defaultReverifyPath(output: string, report?: string): string {
  return join(dirname(report ?? output), REVERIFY_FILE_NAME);
}

/** The columns, in order (docs/pipeline.md). */
export const REVERIFY_COLUMNS = [
  'ligne', 'id', 'nom', 'commune', 'code INSEE', 'date_verification', 'mois écoulés', 'motif', 'source', 'site web', 'e-mail', 'téléphone',
] as const;

/** `N` as typed after `--a-reverifier`: a whole number of months, or null. */
export function parseMonths(typed: string): number | null {
  return /^\d{1,4}$/.test(typed) ? Number(typed) : null;
}

/**
 * The reference instant: SOURCE_DATE_EPOCH (seconds) when set, as for the GeoJSON's `updated`,
 * so that a build gives the same list on every machine; else now.
 */
export function referenceDate(environment: NodeJS.ProcessEnv = process.env): Date {
  const epoch = environment.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

interface PublishedProperties {
  id: string;
  name: string;
  commune: string;
  insee: string;
  source?: string;
  website?: string;
  email?: string;
  phone?: string;
  verified_at?: string;
}

export interface ReverifyOptions {
  months: number;
  reference: Date;
  /** The source line of a published id (the run's TableRun). */
  lineOf: (id: string) => number | undefined;
  report: PipelineReport;
}

export interface ReverifyList {
  csv: string;
  count: number;
}

/**
 * Reads the published GeoJSON one feature per line (the pipeline writes it so) and keeps the
 * initiatives to check again, in file order.
 */
export async function buildReverifyList(geojsonPath: string, options: ReverifyOptions): Promise<ReverifyList> {
  const invalidDateLines = new Set(options.report.warnings.filter((warning) => warning.column === 'date_verification').map((warning) => warning.line));
  const rows: TableCell[][] = [];
  const lines = createInterface({ input: createReadStream(geojsonPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const text of lines) {
    if (!text.startsWith('{"type":"Feature"')) continue;
    const feature = JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text) as { properties: PublishedProperties };
    const row = reverifyRow(feature.properties, options, invalidDateLines);
    if (row) rows.push(row);
  }
  return { csv: buildTableCsv(REVERIFY_COLUMNS, rows), count: rows.length };
}

function reverifyRow(properties: PublishedProperties, options: ReverifyOptions, invalidDateLines: ReadonlySet<number>): TableCell[] | null {
  const line = options.lineOf(properties.id) ?? '';
  const checked = properties.verified_at;
  let age: number | '' = '';
  let reason: string;
  if (checked) {
    age = monthsSinceUtc(checked, options.reference);
    if (age <= options.months) return null;
    reason = `vérifiée il y a plus de ${options.months} mois`;
  } else {
    reason = typeof line === 'number' && invalidDateLines.has(line) ? 'date de vérification invalide (voir le rapport)' : 'jamais vérifiée (date_verification vide)';
  }
  return [
    line, properties.id, properties.name, properties.commune, { code: properties.insee }, checked ?? '', age, reason,
    properties.source ?? '', properties.website ?? '', properties.email ?? '', properties.phone ? formatPhone(properties.phone) : '',
  ];
}
