/**
 * npm run data -- --in FILE.csv|FILE.xlsx|https://…/export.csv --out FILE.geojson [--report FILE.json] [--strict] [--densite GRID.csv] [--quiet-ok] [--debug]
 *   [--a-reverifier MOIS [--a-reverifier-csv LISTE.csv]] [--compact]
 *
 * Exit codes (CONTRACT §1): 0 output written; 1 with --strict when a row was rejected or no
 * row was written (output still written); 2 could not run (nothing published, the report says
 * why); 130/143 interrupted by SIGINT/SIGTERM (nothing published).
 */
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { escapeUnsafe, shorten } from '../domain/safe-text';
import { downloadInput, isHttpInput, isWorkbookInput, readWorkbookRows, type LocalInput } from './input-sources';
import { checkDistinctPaths, TemporaryOutput } from './output-files';
import { ProgressLine } from './progress-line';
import { buildReverifyList, defaultReverifyPath, parseMonths, referenceDate } from './reverify';
import { PipelineCancelledError, PipelineFatalError, runPipelineAsync, type PipelineReport } from './run';

interface CliOptions {
  input: string;
  output: string;
  report?: string;
  strict: boolean;
  densityGrid?: string;
  quietWhenClean: boolean;
  /** `--a-reverifier N`: list the initiatives not checked for N months. */
  reverifyMonths?: number;
  reverifyPath?: string;
  /** `--compact`: also write the compact data file the page reads first (docs/compact-data.md). */
  compact: boolean;
}

const USAGE =
  'usage : npm run data -- --in FICHIER.csv|FICHIER.xlsx|https://…/export.csv --out FICHIER.geojson [--report RAPPORT.json] [--strict] [--densite GRILLE.csv] [--quiet-ok] [--debug] [--a-reverifier MOIS [--a-reverifier-csv LISTE.csv]] [--compact]';

function parseArguments(argv: readonly string[]): CliOptions {
  const options: Partial<CliOptions> = { strict: false, quietWhenClean: false, compact: false };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const next = () => {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) throw new PipelineFatalError(`${argument} attend une valeur\n${USAGE}`);
      index += 1;
      return value;
    };
    switch (argument) {
      case '--in': options.input = next(); break;
      case '--out': options.output = next(); break;
      case '--report': options.report = next(); break;
      case '--densite': options.densityGrid = next(); break;
      case '--strict': options.strict = true; break;
      case '--quiet-ok': options.quietWhenClean = true; break;
      case '--compact': options.compact = true; break;
      case '--debug': break; // read by main
      case '--a-reverifier': {
        const typed = next();
        const months = parseMonths(typed);
        if (months === null) throw new PipelineFatalError(`--a-reverifier attend un nombre entier de mois (par exemple 18), pas « ${shorten(typed, 40)} »\n${USAGE}`);
        options.reverifyMonths = months;
        break;
      }
      case '--a-reverifier-csv': options.reverifyPath = next(); break;

      default: throw new PipelineFatalError(`option inconnue : ${argument}\n${USAGE}`);
    }
  }
  if (!options.input || !options.output) throw new PipelineFatalError(`--in et --out sont obligatoires\n${USAGE}`);
  if (options.reverifyPath && options.reverifyMonths === undefined) throw new PipelineFatalError(`--a-reverifier-csv va avec --a-reverifier MOIS\n${USAGE}`);
  if (options.reverifyMonths !== undefined) options.reverifyPath ??= defaultReverifyPath(options.output, options.report);
  return options as CliOptions;
}

/** From this many initiatives the CLI suggests `--compact` (below, the GeoJSON loads quickly enough). */
const COMPACT_SUGGESTED_FROM = 5_000;

/**
 * `--compact`: the compact file beside the published GeoJSON; a failure leaves the GeoJSON alone
 * and is a warning. Its code (the app's reader and index among it) is loaded only then.
 */
async function writeCompactIfAsked(report: PipelineReport, options: CliOptions): Promise<void> {
  if (!options.compact) {
    if (report.rowsWritten >= COMPACT_SUGGESTED_FROM) {
      process.stderr.write(`conseil : avec ${report.rowsWritten} initiatives, --compact écrit aussi un fichier compact que la carte charge plus vite (docs/compact-data.md)\n`);
    }
    return;
  }
  try {
    const { writeCompactBeside } = await import('./compact-file');
    const { compactPath, initiatives } = await writeCompactBeside(options.output);
    if (!options.quietWhenClean) process.stderr.write(`fichier compact : ${initiatives} initiative(s) dans ${compactPath}\n`);
  } catch (error) {
    process.stderr.write(`avertissement : fichier compact non écrit (la carte lira le GeoJSON) : ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

function printReport(report: PipelineReport, options: CliOptions): void {
  const name = basename(options.input);
  const lines: string[] = [];
  for (const rejected of report.rejected) lines.push(`${name}:${rejected.line}: ${rejected.column}: ${rejected.reason}`);
  const clean = report.rowsRejected === 0 && report.rowsRead > 0;
  if (!(clean && options.quietWhenClean)) {
    for (const warning of report.warnings) lines.push(`${name}:${warning.line}: avertissement: ${warning.column}: ${warning.message}`);
    if (report.rowsRead === 0) lines.push(`${name} : aucune initiative, le fichier n’a que sa ligne d’en-tête ; la carte publiée sera vide`);
    else if (report.rowsWritten === 0) lines.push(`${name} : aucune initiative publiée, les ${report.rowsRead} ligne(s) sont toutes rejetées`);
    lines.push(
      `${report.rowsRead} ligne(s) lue(s), ${report.rowsWritten} écrite(s) dans ${options.output}, ${report.rowsRejected} rejetée(s), ${report.warnings.length} avertissement(s)` +
        (report.encoding === 'xlsx'
          ? ' [xlsx, première feuille]'
          : ` [${report.encoding} : ${report.encodingReason}, séparateur « ${report.delimiter === '\t' ? 'tabulation' : report.delimiter} »]`),
    );
  }
  // One problem per line, and nothing from the data acts on the terminal.
  if (lines.length > 0) process.stderr.write(`${lines.map((line) => escapeUnsafe(shorten(line, 2000))).join('\n')}\n`);
}

/** After the GeoJSON is published: the list of initiatives to check again, from that very file. */
async function writeReverifyList(file: TemporaryOutput, report: PipelineReport, lineOf: (id: string) => number | undefined, options: CliOptions): Promise<void> {
  const months = options.reverifyMonths as number;
  const list = await buildReverifyList(options.output, { months, reference: referenceDate(), lineOf, report });
  file.write(list.csv);
  file.publish();
  process.stderr.write(`${list.count} initiative(s) à revérifier (date de vérification de plus de ${months} mois, absente ou invalide) : ${options.reverifyPath}\n`);
}

/** CARTE_ESS_PROGRESS_AFTER_MS (tests, demos): after how long a run on a terminal shows its progress line. */
function progressDelay(): number | undefined {
  const value = process.env.CARTE_ESS_PROGRESS_AFTER_MS;
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** What the CLI's exit code is for a signal, as a shell reports it (128 + signal number). */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** After a failed run, the report says so instead of describing an older run (or is removed). */
function writeFailureReport(path: string, input: string, message: string): void {
  try {
    const file = new TemporaryOutput(path);
    file.write(`${JSON.stringify({ input: basename(input), error: message }, null, 2)}\n`);
    file.publish();
  } catch {
    try {
      rmSync(path, { force: true });
    } catch {
      // A folder, or not writable: nothing that could be mistaken for this run's report.
    }
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const cancel = new AbortController();
  const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES) => {
    // A second signal while the run winds down: leave at once (the exit hook removes temporary files).
    if (cancel.signal.aborted) process.exit(SIGNAL_EXIT_CODES[signal]);
    cancel.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let options: CliOptions | undefined;
  let pathsChecked = false;
  let reportFile: TemporaryOutput | undefined;
  let reverifyFile: TemporaryOutput | undefined;
  let downloaded: LocalInput | undefined;
  try {
    options = parseArguments(argv);
    const remote = isHttpInput(options.input);
    const inputs = remote ? [] : [{ option: '--in', path: options.input }];
    if (options.densityGrid) inputs.push({ option: '--densite', path: options.densityGrid });
    const outputs = [{ option: '--out', path: options.output }];
    if (options.report) outputs.push({ option: '--report', path: options.report });
    if (options.reverifyPath) outputs.push({ option: '--a-reverifier-csv', path: options.reverifyPath });
    checkDistinctPaths(inputs, outputs);
    pathsChecked = true;
    // Opened first: a report that cannot be written stops the run before any work.
    reportFile = options.report ? new TemporaryOutput(options.report) : undefined;
    reverifyFile = options.reverifyPath ? new TemporaryOutput(options.reverifyPath) : undefined;
    let lineOf: ((id: string) => number | undefined) | undefined;
    downloaded = remote ? await downloadInput(options.input) : undefined;
    const input = downloaded?.path ?? options.input;
    const sheetRows = isWorkbookInput(downloaded?.name ?? input) ? await readWorkbookRows(input) : undefined;
    const progress = new ProgressLine(process.stderr, undefined, progressDelay());
    const report = await runPipelineAsync(
      {
        input,
        inputName: downloaded?.name,
        sheetRows,
        output: options.output,
        densityGrid: options.densityGrid,
        parallel: 'auto',
        beforePublish: (finished, lineOfId) => {
          reportFile?.write(`${JSON.stringify(finished, null, 2)}\n`);
          lineOf = lineOfId;
        },
        onProgress: (reached) => progress.update(reached),
      },
      cancel.signal,
    ).finally(() => progress.clear());
    // The GeoJSON is published: whatever happens now, the exit code says how the rows went.
    try {
      reportFile?.publish();
    } catch (error) {
      process.stderr.write(`avertissement : ${error instanceof Error ? error.message : String(error)}\n`);
    }
    printReport(report, options);
    if (reverifyFile && lineOf) {
      // Like the report: once the GeoJSON is published, a failure here is a warning, not exit 2.
      try {
        await writeReverifyList(reverifyFile, report, lineOf, options);
      } catch (error) {
        reverifyFile.discard();
        process.stderr.write(`avertissement : liste à revérifier non écrite : ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
    await writeCompactIfAsked(report, options);
    const empty = report.rowsWritten === 0;
    return options.strict && (report.rowsRejected > 0 || empty) ? 1 : 0;
  } catch (error) {
    reportFile?.discard();
    reverifyFile?.discard();
    if (error instanceof PipelineCancelledError) {
      const signal = String(cancel.signal.reason) as keyof typeof SIGNAL_EXIT_CODES;
      const message = `interrompu (${signal}) : rien n’a été publié, ${options?.output ?? 'la sortie'} est inchangé`;
      if (options?.report) writeFailureReport(options.report, options.input, message);
      process.stderr.write(`${message}\n`);
      return SIGNAL_EXIT_CODES[signal] ?? 130;
    }
    const known = error instanceof PipelineFatalError;
    const cause = error instanceof Error ? error.message : String(error);
    const message = known ? cause : `échec inattendu en traitant ${options?.input ?? 'les arguments'} : ${cause} (relancez avec --debug pour le détail)`;
    if (options?.report && pathsChecked) writeFailureReport(options.report, options.input, message);
    process.stderr.write(`erreur : ${escapeUnsafe(shorten(message, 2000))}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 2;
  } finally {
    downloaded?.remove();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

// V8 otherwise decides, a few thousand rows in, that some per-row allocations are long-lived
// and allocates them in the old generation, where they keep each row's strings alive until a
// full collection: at a million rows that tripled the time spent collecting garbage and the
// peak memory (measured: 16.4 s → 12.2 s of CPU, 890 → 377 MB). Set before any row is read;
// it applies to the worker thread too.
setFlagsFromString('--no-allocation-site-pretenuring');
process.exitCode = await main(process.argv.slice(2));
