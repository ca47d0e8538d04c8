import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseInitiativesCollection } from '../../src/domain/geojson';
import { CORE_COLUMNS, TEXT_PROPERTIES, type Initiative } from '../../src/domain/initiative';
import { runPipeline, type PipelineReport } from '../../src/pipeline/run';

/**
 * The header of most spreadsheets: every column but the optional facts people can act on
 * (adresse, email…), which the hand-written rows of the tests leave out.
 */
export const HEADER = [...CORE_COLUMNS, ...TEXT_PROPERTIES.filter((property) => property.presence === 'always').map((property) => property.column)].join(',');

export function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'carte-ess-pipeline-'));
}

export interface RunOutcome {
  report: PipelineReport;
  initiatives: Initiative[];
  outputText: string;
}

/** Writes `content` (text as UTF-8, or raw bytes) to a file and runs the real pipeline on it. */
export function runOn(content: string | Buffer, options: { densityGrid?: string } = {}): RunOutcome {
  const directory = temporaryDirectory();
  const input = join(directory, 'initiatives.csv');
  const output = join(directory, 'initiatives.geojson');
  writeFileSync(input, content);
  const report = runPipeline({ input, output, ...options });
  const outputText = readFileSync(output, 'utf8');
  const parsed = parseInitiativesCollection(JSON.parse(outputText));
  if (parsed.invalid.length > 0) throw new Error(`invalid features written: ${JSON.stringify(parsed.invalid)}`);
  return { report, initiatives: parsed.initiatives, outputText };
}

export function windows1252(text: string): Buffer {
  return iconv.encode(text, 'win1252');
}
