// `npm test`: first the system programs the tests need (scripts/check-system.mjs: installed on
// Debian/Ubuntu as root, else ONE line naming the packages and a non-zero exit before anything runs),
// then the build (the e2e tests serve out/renderer; a main test checks out/preload), then every vitest
// project (node, renderer, e2e). Extra arguments go to vitest; its exit code is ours.
import { buildApp, runBin } from './lib.mjs';
import { ensureSystem } from './check-system.mjs';

const system = ensureSystem();
if (!system.ok) {
  process.stderr.write(`${system.line}\n`);
  process.exit(1);
}
await buildApp();
// The tests use exactly the Chromium that was checked (electron/harness/chromium.ts reads QCDC_CHROMIUM).
const env = { ...process.env, QCDC_CHROMIUM: system.chromium };
process.exit(await runBin('vitest', 'vitest', ['run', ...process.argv.slice(2)], { env }));
