/**
 * The pipeline's files on disk: outputs written to a temporary file beside their target and
 * renamed into place (a reader never sees half a file, a failed or cancelled run leaves the
 * old file untouched), temporary files removed on every exit, outputs that would overwrite
 * the input or each other refused, and file system errors said in one French sentence.
 */
import { closeSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PipelineFatalError } from './core/table-run';

/** A problem that stops the run (CLI exit code 2); defined by the core, which the browser shares. */
export { PipelineFatalError };

/** Temporary files not yet renamed or removed, removed when the process exits anyway. */
const liveTemporaries = new Set<string>();
let exitHookInstalled = false;

function removeLiveTemporaries(): void {
  for (const path of liveTemporaries) rmSync(path, { force: true });
  liveTemporaries.clear();
}

/** `initiatives.geojson.tmp-1234-1`: the pid says whether its writer may still be running. */
const TEMPORARY_NAME = /^(.*)\.tmp-(\d+)(?:-\d+)?$/;
let temporaryCount = 0;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files an interrupted run of another process left beside `target`
 * (a killed process cannot clean up): otherwise the next build would copy them into dist/.
 */
export function removeStaleTemporaries(target: string): void {
  const directory = dirname(target);
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMPORARY_NAME.exec(name);
    if (match && match[1] === basename(target) && !isRunning(Number(match[2]))) rmSync(join(directory, name), { force: true });
  }
}

const CAUSES: Record<string, string> = {
  ENOENT: 'fichier ou dossier introuvable',
  EACCES: 'accès refusé',
  EPERM: 'opération non permise',
  EISDIR: 'c’est un dossier',
  ENOTDIR: 'un élément du chemin n’est pas un dossier',
  EROFS: 'système de fichiers en lecture seule',
  ENOSPC: 'disque plein',
  EDQUOT: 'quota disque dépassé',
  ENAMETOOLONG: 'nom trop long',
  EMFILE: 'trop de fichiers ouverts',
  EBUSY: 'fichier occupé',
  EEXIST: 'un fichier porte déjà ce nom',
};

/** « impossible d'écrire out.geojson : accès refusé au dossier /x » for a file system error. */
export function fileErrorMessage(action: string, path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause = code && CAUSES[code] ? CAUSES[code] : error instanceof Error ? error.message : String(error);
  return `impossible ${action} ${path} : ${cause}`;
}

/** The file system error of `action` on `path`, as a PipelineFatalError. */
export function fileError(action: string, path: string, error: unknown): PipelineFatalError {
  return new PipelineFatalError(fileErrorMessage(action, path, error), { cause: error });
}

/**
 * An output being written: a temporary file beside `target` (same folder, so the final
 * rename is atomic), published by `publish()` or removed by `discard()`. Creating it checks
 * that the target can be written, before any work is done.
 */
export class TemporaryOutput {
  readonly temporaryPath: string;
  private fd: number | undefined;

  constructor(readonly target: string) {
    let targetIsDirectory = false;
    try {
      targetIsDirectory = statSync(target).isDirectory();
    } catch {
      // Absent: created below.
    }
    if (targetIsDirectory) throw new PipelineFatalError(`impossible d’écrire ${target} : c’est un dossier (donnez un nom de fichier)`);
    const directory = dirname(target) || '.';
    try {
      mkdirSync(directory, { recursive: true });
    } catch (error) {
      throw fileError('de créer le dossier', directory, error);
    }
    removeStaleTemporaries(target);
    temporaryCount += 1;
    this.temporaryPath = `${target}.tmp-${process.pid}-${temporaryCount}`;
    try {
      this.fd = openSync(this.temporaryPath, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const where = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `dans le dossier ${directory}` : '';
      throw new PipelineFatalError(`${fileErrorMessage('d’écrire', target, error)}${where ? ` ${where}` : ''}`, { cause: error });
    }
    liveTemporaries.add(this.temporaryPath);
    if (!exitHookInstalled) {
      process.once('exit', removeLiveTemporaries);
      exitHookInstalled = true;
    }
  }

  write(data: string | Uint8Array, start = 0, end = typeof data === 'string' ? 0 : data.length): void {
    const fd = this.openDescriptor();
    try {
      if (typeof data === 'string') {
        writeSync(fd, data);
        return;
      }
      let offset = start;
      while (offset < end) offset += writeSync(fd, data, offset, end - offset);
    } catch (error) {
      throw fileError('d’écrire', this.target, error);
    }
  }

  /** Renames the finished file over its target. */
  publish(): void {
    this.close();
    try {
      renameSync(this.temporaryPath, this.target);
    } catch (error) {
      this.discard();
      throw fileError('d’écrire', this.target, error);
    }
    liveTemporaries.delete(this.temporaryPath);
  }

  /** Leaves the target as it was. */
  discard(): void {
    this.close();
    rmSync(this.temporaryPath, { force: true });
    liveTemporaries.delete(this.temporaryPath);
  }

  private openDescriptor(): number {
    if (this.fd === undefined) throw new Error(`${this.temporaryPath} is closed`);
    return this.fd;
  }

  private close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }
}

/** What identifies a file: its device and inode when it exists (hard links too), else its real path. */
function fileIdentity(path: string): string {
  try {
    const stats = statSync(path); // follows symbolic links
    return `inode:${stats.dev}:${stats.ino}`;
  } catch {
    // Absent: the real path of its folder (symbolic links resolved) and its name.
    let directory = resolve(dirname(path));
    try {
      directory = realpathSync(directory);
    } catch {
      // A folder still to be created.
    }
    return `path:${join(directory, basename(path))}`;
  }
}

export interface NamedPath {
  /** The option that gave it, as typed: `--out`. */
  option: string;
  path: string;
}

/**
 * Refuses a run whose output would replace one of its inputs or another output: the same
 * path, or another name of the same file (symbolic or hard link).
 */
export function checkDistinctPaths(inputs: readonly NamedPath[], outputs: readonly NamedPath[]): void {
  const seen = new Map<string, NamedPath>();
  for (const input of inputs) {
    if (!/^https?:\/\//i.test(input.path)) seen.set(fileIdentity(input.path), input);
  }
  for (const output of outputs) {
    const identity = fileIdentity(output.path);
    const earlier = seen.get(identity);
    if (earlier) {
      const isInput = inputs.includes(earlier);
      throw new PipelineFatalError(
        `${output.option} ${output.path} désigne le même fichier que ${earlier.option} ${earlier.path} : ` +
          `${isInput ? 'il serait écrasé' : 'l’un remplacerait l’autre'} ; choisissez un autre nom pour ${output.option}`,
      );
    }
    seen.set(identity, output);
  }
}
