import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PublishPage } from '../features/publish/PublishPage';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <PublishPage />
    </StrictMode>,
  );
}
