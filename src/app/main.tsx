import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens first: every feature's stylesheet builds on them.
import './tokens.css';
import { App } from './App';
import { applyLocationToStore } from '../state/use-url-sync';
import './app.css';

// The URL's state (embed=1 above all) is in the store before the first render: an embedded map
// paints its compact layout at once instead of the full page's, then jumping (layout shift).
applyLocationToStore();
// config.json and the data are already being read: the entry script (boot.ts) asked for them.

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
