import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer's build, shared by electron-vite (electron.vite.config.ts) and plain `vite build`
 * (end-to-end tests build into a private folder with `--outDir`).
 */
export const rendererConfig = {
  root: resolve(__dirname, 'renderer'),
  base: './',
  build: {
    outDir: resolve(__dirname, 'out/renderer'),
    // electron-vite leaves the renderer unminified by default; minified, the first screen's
    // JavaScript is less than half the size, which Chromium parses and compiles at every start.
    minify: true,
    rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
  },
  plugins: [react()],
};

export default defineConfig(rendererConfig);
