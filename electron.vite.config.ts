import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';
import { channelNames, events } from './shared/contract';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Runtime dependencies stay in node_modules; playwright-core (dev only) is used by the harness.
      externalizeDeps: { include: ['playwright-core'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The HTTP harness is built beside main (same core code) but never started by the app;
          // electron-builder.yml leaves it out of the package.
          harness: resolve(__dirname, 'electron/harness/cli.ts'),
        },
      },
    },
  },
  preload: {
    // The sandboxed preload cannot require zod: the channel and event names are baked in as plain lists.
    define: {
      __QCDC_CHANNELS__: JSON.stringify(channelNames),
      __QCDC_EVENTS__: JSON.stringify(Object.keys(events)),
    },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
