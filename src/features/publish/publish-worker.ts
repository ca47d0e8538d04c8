/**
 * The publish page's worker: the file is checked here, off the page's thread, by the
 * pipeline's own core (the same code as `npm run data`), so a large file keeps the page
 * responsive and its progress shows. Nothing leaves the browser.
 */
import { checkCsvBytes, type CheckOptions } from '../../pipeline/core/check-table';
import type { Geocoder } from '../../pipeline/core/geocoder';
import { checkXlsxBytes } from '../../pipeline/core/sheet-rows';
import { PipelineFatalError, publicationTime } from '../../pipeline/core/table-run';
import { loadGeocoder } from './commune-data';
import { isWorkbook, type CheckReply, type CheckRequest } from './publish-protocol';

const scope = self as unknown as { postMessage(message: CheckReply, transfer?: Transferable[]): void; onmessage: ((event: MessageEvent<CheckRequest>) => void) | null };
let geocoder: Promise<Geocoder> | undefined;

async function check(request: CheckRequest): Promise<void> {
  const started = performance.now();
  scope.postMessage({ kind: 'progress', stage: 'communes', fraction: 0 });
  geocoder ??= loadGeocoder(request.indexUrls);
  geocoder.catch(() => {
    geocoder = undefined;
  });
  const ready = await geocoder;
  let lastPosted = 0;
  const options: CheckOptions = {
    input: request.name,
    geocoder: () => ready,
    updated: publicationTime(request.lastModified),
    onProgress: (fraction) => {
      if (fraction - lastPosted < 0.02 && fraction < 1) return;
      lastPosted = fraction;
      scope.postMessage({ kind: 'progress', stage: 'rows', fraction });
    },
  };
  const bytes = new Uint8Array(request.bytes);
  const result = isWorkbook(request.name, bytes) ? await checkXlsxBytes(request.bytes, options) : checkCsvBytes(bytes, options);
  const geojson = result.geojson.buffer.slice(result.geojson.byteOffset, result.geojson.byteOffset + result.geojson.byteLength) as ArrayBuffer;
  scope.postMessage({ kind: 'done', report: result.report, geojson, milliseconds: performance.now() - started }, [geojson]);
}

scope.onmessage = (event) => {
  check(event.data).catch((error: unknown) => {
    const message = error instanceof PipelineFatalError ? `Le fichier ne peut pas être vérifié : ${error.message}.` : error instanceof Error ? error.message : String(error);
    scope.postMessage({ kind: 'failed', message });
  });
};
