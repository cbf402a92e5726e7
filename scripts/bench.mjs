// `npm run bench [-- --quick | --scale 100k | --data-dir <dir>]`: builds the app (for the screen
// measurements) and the benchmark (bench/, TypeScript on the real core), then runs it. The report
// lands in bench-results/. Each step prints its elapsed time (the full run has a 15-minute budget).
import { ROOT, run } from './lib.mjs';

const args = process.argv.slice(2);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const started = performance.now();

async function step(name, cmd, cmdArgs) {
  const t0 = performance.now();
  const code = await run(cmd, cmdArgs, { cwd: ROOT });
  process.stdout.write(`· ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return code;
}

let code = await step('build app (electron-vite)', npx, ['electron-vite', 'build']);
if (code === 0) code = await step('build benchmark', npx, ['vite', 'build', '-c', 'bench/vite.config.ts', '--logLevel', 'warn']);
if (code === 0) code = await step('benchmark', process.execPath, ['out/bench/run.js', ...args]);
process.stdout.write(`· total: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(code);
