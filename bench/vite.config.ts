import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/** The benchmark is TypeScript importing the real core: build it for Node (out/bench/run.js). */
export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'run.ts'),
    outDir: resolve(import.meta.dirname, '../out/bench'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), /^[^./]/],
      output: { format: 'es', entryFileNames: 'run.js' },
    },
  },
});
