/**
 * « 12 000 lignes vérifiées, 6 % du fichier… » on stderr while a long run works, so a
 * maintainer at a terminal sees it moving (2,000 unknown communes took minutes without a word).
 * Only on a terminal: logs, pipes and tests get no such line. Rewritten in place with a carriage
 * return, a few times a second at most, and erased before anything else is printed.
 */

/** A run shorter than this shows nothing. */
export const PROGRESS_FIRST_AFTER_MS = 1000;
/** The line is rewritten at most this often. */
export const PROGRESS_EVERY_MS = 250;

/** How far a run is, as the pipeline reports it (run.ts). */
export interface PipelineProgress {
  /** Data rows checked so far (rejected ones included). */
  rowsChecked: number;
  /** Share of the input read, 0–1; null when unknown (a workbook's rows). */
  fraction: number | null;
}

/**
 * Whether to write the line now: never off a terminal; the first time once the run has lasted
 * `firstAfterMs`; then every PROGRESS_EVERY_MS.
 */
export function progressDue(onTerminal: boolean, startedAt: number, lastWrittenAt: number | null, now: number, firstAfterMs = PROGRESS_FIRST_AFTER_MS): boolean {
  if (!onTerminal) return false;
  if (lastWrittenAt === null) return now - startedAt >= firstAfterMs;
  return now - lastWrittenAt >= PROGRESS_EVERY_MS;
}

/** Thousands with a plain space (« 12 000 »): a terminal shows every font's space. */
function frenchInteger(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function progressText({ rowsChecked, fraction }: PipelineProgress): string {
  const rows = `${frenchInteger(rowsChecked)} ${rowsChecked > 1 ? 'lignes vérifiées' : 'ligne vérifiée'}`;
  if (fraction === null) return `${rows}…`;
  const percent = Math.min(99, Math.floor(fraction * 100));
  return `${rows}, ${percent} % du fichier…`;
}

/** A stream as the CLI gets it: stderr, a terminal when `isTTY` is true. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** The line on `stream`, kept up to date by `update` and erased by `clear`. */
export class ProgressLine {
  private readonly startedAt: number;
  private lastWrittenAt: number | null = null;
  private shownLength = 0;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = () => performance.now(),
    private readonly firstAfterMs = PROGRESS_FIRST_AFTER_MS,
  ) {
    this.startedAt = now();
  }

  update(progress: PipelineProgress): void {
    const now = this.now();
    if (!progressDue(this.stream.isTTY === true, this.startedAt, this.lastWrittenAt, now, this.firstAfterMs)) return;
    const text = progressText(progress);
    // Padded over the previous text, which may have been longer.
    this.stream.write(`\r${text.padEnd(this.shownLength)}`);
    this.shownLength = text.length;
    this.lastWrittenAt = now;
  }

  /** Erases the line (if one was shown), so what follows starts on a clean line. */
  clear(): void {
    if (this.shownLength === 0) return;
    this.stream.write(`\r${' '.repeat(this.shownLength)}\r`);
    this.shownLength = 0;
  }
}
