import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        // Main-process code runs in plain Node against a recording fake of the `electron` module.
        resolve: { alias: [{ find: /^electron$/, replacement: fileURLToPath(new URL('./tests/main/fake-electron.ts', import.meta.url)) }] },
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/core/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          testTimeout: 30000,
          pool: 'forks',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.tsx', 'renderer/**/*.test.tsx'],
          setupFiles: ['tests/renderer/setup.ts'],
          testTimeout: 30000,
        },
      },
      {
        // Issue #18's fault tests (kill loop, hostile sweep, disk full, read-only, flipped backup byte):
        // they start harness processes and mount folders, so one file at a time. `npm run test:faults`
        // runs the long versions of the same files.
        test: {
          name: 'faults',
          environment: 'node',
          include: ['tests/faults/**/*.test.ts'],
          testTimeout: 120000,
          hookTimeout: 120000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120000,
          hookTimeout: 120000,
          pool: 'forks',
          // One browser flow at a time: CI machines have 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
