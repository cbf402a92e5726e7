// `npm run bench [-- --quick | --scale 100k]`: builds the app (for the screen measurements) and the
// benchmark (bench/, TypeScript on the real core), then runs it. The report lands in bench-results/.
import { ROOT, run } from './lib.mjs';

const args = process.argv.slice(2);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let code = await run(npx, ['electron-vite', 'build'], { cwd: ROOT });
if (code === 0) code = await run(npx, ['vite', 'build', '-c', 'bench/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT });
if (code === 0) code = await run(process.execPath, ['out/bench/run.js', ...args], { cwd: ROOT });
process.exit(code);
