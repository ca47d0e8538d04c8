import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const port = Number(process.env.PORT ?? 5173);

export default defineConfig({
  plugins: [react()],
  // Relative base so the built app works from any sub-path of a partner's static host.
  base: './',
  server: { port, strictPort: true, host: 'localhost' },
  preview: { port, strictPort: true, host: 'localhost' },
  build: { sourcemap: false, chunkSizeWarningLimit: 1500 },
});
