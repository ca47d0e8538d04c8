import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { PublishPage } from '../features/publish/PublishPage';
import type { PreviewItem } from '../features/publish/use-file-check';

// MapLibre is most of the page's weight: fetched only once a file has been checked.
const PreviewMap = lazy(() => import('../map/PreviewMap'));

function renderMap(points: readonly PreviewItem[]) {
  return (
    <Suspense fallback={<p className="publish-map-frame">Chargement de la carte…</p>}>
      <PreviewMap points={points} />
    </Suspense>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <PublishPage renderMap={renderMap} />
    </StrictMode>,
  );
}
