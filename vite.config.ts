import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

const port = Number(process.env.PORT ?? 5173);

export default defineConfig({
  plugins: [react()],
  // Relative base so the built app works from any sub-path of a partner's static host.
  base: './',
  server: { port, strictPort: true, host: 'localhost' },
  preview: { port, strictPort: true, host: 'localhost' },
  build: {
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        accessibilite: resolve(import.meta.dirname, 'accessibilite.html'),
        publier: resolve(import.meta.dirname, 'publier.html'),
      },
      output: {
        // The app's code, which the entry script (src/app/boot.ts) loads at once, is named for what it is.
        chunkFileNames: (chunk) => (chunk.facadeModuleId?.endsWith('/src/app/main.tsx') ? 'assets/app-[hash].js' : 'assets/[name]-[hash].js'),
        // MapLibre's worker ships as `.mjs`, a type Debian's nginx (and other stock servers) send as
        // application/octet-stream, which browsers refuse for a module worker: emit it as `.js`.
        assetFileNames: (asset) =>
          (asset.names[0] ?? '').endsWith('.mjs') ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]',
      },
    },
  },
});
