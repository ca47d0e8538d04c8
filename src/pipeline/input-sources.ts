/**
 * What `--in` may name besides a CSV file: an Excel workbook (its first sheet, read by the
 * core, core/sheet-rows.ts) or a CSV published at an http(s) URL (a shared spreadsheet's CSV
 * export), downloaded to a temporary file first so the run reads it like any file.
 */
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFirstSheet, type SheetCell } from './core/sheet-rows';
import { PipelineFatalError } from './output-files';

const DOWNLOAD_TIMEOUT_MS = 60_000;

export function isHttpInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export function isWorkbookInput(input: string): boolean {
  return /\.xlsx$/i.test(input.replace(/[?#].*$/, ''));
}

export interface LocalInput {
  path: string;
  /** The name the report shows: the file's, or the URL's last path segment. */
  name: string;
  remove(): void;
}

/** The URL's content in a temporary file; a PipelineFatalError in French when it cannot be fetched. */
export async function downloadInput(url: string): Promise<LocalInput> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    throw new PipelineFatalError(`impossible de télécharger ${url} : ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
  }
  if (!response.ok) throw new PipelineFatalError(`impossible de télécharger ${url} : le serveur répond ${response.status} ${response.statusText}`.trim());
  const bytes = new Uint8Array(await response.arrayBuffer());
  const name = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '') || 'export.csv';
  const directory = mkdtempSync(join(tmpdir(), 'carte-ess-in-'));
  const path = join(directory, isWorkbookInput(name) ? 'input.xlsx' : 'input.csv');
  writeFileSync(path, bytes);
  // The GeoJSON's `updated` is the input's modification time: the server's, when it says it.
  const lastModified = Date.parse(response.headers.get('last-modified') ?? '');
  if (Number.isFinite(lastModified)) utimesSync(path, lastModified / 1000, lastModified / 1000);
  return { path, name, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

/** The first sheet's rows of a workbook file. */
export async function readWorkbookRows(path: string): Promise<SheetCell[][]> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new PipelineFatalError(`impossible de lire ${path} : ${(error as Error).message}`);
  }
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return (await readFirstSheet(copy)).rows;
}
