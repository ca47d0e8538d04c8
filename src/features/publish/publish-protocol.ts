/** Messages between the publish page and its worker (publish-worker.ts). */
import type { PipelineReport } from '../../pipeline/core/table-run';

export interface CheckRequest {
  name: string;
  bytes: ArrayBuffer;
  /** File.lastModified: the GeoJSON's `updated`, as the CLI takes the file's modification time. */
  lastModified: number;
  indexUrls: { communes: string; formerCommunes: string };
}

export type CheckReply =
  | { kind: 'progress'; stage: 'communes' | 'rows'; fraction: number }
  | { kind: 'done'; report: PipelineReport; geojson: ArrayBuffer; milliseconds: number }
  | { kind: 'failed'; message: string };

/** An .xlsx by its name or its zip signature (« PK »), whatever the extension says. */
export function isWorkbook(name: string, bytes: Uint8Array): boolean {
  return /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
}
