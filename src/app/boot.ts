/**
 * The page's entry script (index.html): it reads config.json and the data's first bytes (and asks
 * for the compact file they may name) while the app's code (main.tsx: React, the interface)
 * downloads, instead of after it has run (~0.4 s at 100,000 initiatives, bench/README.md).
 * The map's code is asked for by the app: started here, its 1.1 MB competed with the app's own
 * download and delayed the first screen.
 */
import './first-requests';
import { loadSiteConfig } from '../state/site-config';
import { requestDefaultDataEarly } from '../state/load-initiatives';

void loadSiteConfig();
requestDefaultDataEarly();

import('./main').catch(() => {
  // Without the app's code nothing else would say it: a sentence instead of a blank page.
  const root = document.getElementById('root');
  if (root) {
    root.setAttribute('role', 'alert');
    root.textContent = 'La page n’a pas pu être chargée. Vérifiez votre connexion puis rechargez la page.';
  }
});
