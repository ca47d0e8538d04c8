import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens first: every feature's stylesheet builds on them.
import './tokens.css';
import { App } from './App';
import './app.css';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
