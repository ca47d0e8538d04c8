/** Runs a dropped file through the publish worker: progress, then the report and the GeoJSON to download. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PipelineReport } from '../../pipeline/core/table-run';
import { communeIndexUrls } from './commune-data';
import type { CheckReply, CheckRequest } from './publish-protocol';

export interface PreviewItem {
  id: string;
  name: string;
  commune: string;
  longitude: number;
  latitude: number;
}

export type FileCheck =
  | { state: 'idle' }
  | { state: 'running'; fileName: string; stage: 'lecture' | 'communes' | 'rows'; fraction: number }
  | { state: 'failed'; fileName: string; message: string }
  | { state: 'done'; fileName: string; report: PipelineReport; downloadUrl: string; preview: PreviewItem[]; milliseconds: number };

function previewOf(geojson: ArrayBuffer): PreviewItem[] {
  type Feature = { geometry: { coordinates: [number, number] }; properties: { id: string; name: string; commune: string } };
  const collection = JSON.parse(new TextDecoder().decode(geojson)) as { features: Feature[] };
  return collection.features.map(({ geometry, properties }) => ({
    id: properties.id,
    name: properties.name,
    commune: properties.commune,
    longitude: geometry.coordinates[0],
    latitude: geometry.coordinates[1],
  }));
}

export function useFileCheck(): { check: FileCheck; start: (file: File) => void } {
  const [check, setCheck] = useState<FileCheck>({ state: 'idle' });
  const worker = useRef<Worker | null>(null);
  const url = useRef<string | null>(null);

  useEffect(() => () => {
    worker.current?.terminate();
    if (url.current) URL.revokeObjectURL(url.current);
  }, []);

  const start = useCallback((file: File) => {
    worker.current?.terminate();
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
    const fileName = file.name;
    setCheck({ state: 'running', fileName, stage: 'lecture', fraction: 0 });
    const current = new Worker(new URL('./publish-worker.ts', import.meta.url), { type: 'module' });
    worker.current = current;
    current.onmessage = (event: MessageEvent<CheckReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') setCheck({ state: 'running', fileName, stage: reply.stage, fraction: reply.fraction });
      else if (reply.kind === 'failed') setCheck({ state: 'failed', fileName, message: reply.message });
      else {
        url.current = URL.createObjectURL(new Blob([reply.geojson], { type: 'application/geo+json' }));
        setCheck({ state: 'done', fileName, report: reply.report, downloadUrl: url.current, preview: previewOf(reply.geojson), milliseconds: reply.milliseconds });
        current.terminate();
      }
    };
    current.onerror = () => setCheck({ state: 'failed', fileName, message: 'La vérification s’est arrêtée sur une erreur inattendue.' });
    file.arrayBuffer().then(
      (bytes) => {
        const request: CheckRequest = { name: fileName, bytes, lastModified: file.lastModified, indexUrls: communeIndexUrls(document.baseURI) };
        current.postMessage(request, [bytes]);
      },
      () => setCheck({ state: 'failed', fileName, message: 'Le fichier n’a pas pu être lu.' }),
    );
  }, []);

  return { check, start };
}
