// `npm run dist [-- --win|--linux]`: installers with electron-builder (needs internet: Electron zips,
// NSIS, better-sqlite3 prebuilds for the target). electron-builder rebuilds node_modules/better-sqlite3
// for Electron in place; afterwards we put the Node build back so `npm test` keeps working.
import { ROOT, buildApp, run, runBin } from './lib.mjs';

await buildApp();
const code = await runBin('electron-builder', 'electron-builder', ['--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)]);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const restored = await run(npm, ['rebuild', 'better-sqlite3'], { cwd: ROOT, shell: process.platform === 'win32' });
if (restored !== 0) {
  process.stderr.write('Không dựng lại được better-sqlite3 cho Node; chạy: npm rebuild better-sqlite3 / restore failed.\n');
}
process.exit(code || restored);
