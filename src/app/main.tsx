import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens first: every feature's stylesheet builds on them.
import './tokens.css';
import { App } from './App';
import { applyLocationToStore } from '../state/use-url-sync';
import { loadSiteConfig } from '../state/site-config';
import { requestDefaultDataEarly } from '../state/load-initiatives';
import './app.css';

// The URL's state (embed=1 above all) is in the store before the first render: an embedded map
// paints its compact layout at once instead of the full page's, then jumping (layout shift).
applyLocationToStore();
// config.json names the data and the basemap, so the data is read and the map started only once
// it has answered: asked for now, not after the first render (which delayed it by ~0.5 s).
void loadSiteConfig();
requestDefaultDataEarly();

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
