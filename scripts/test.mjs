// `npm test`: build (the e2e tests serve out/renderer; a main test checks out/preload), then every
// vitest project (node, renderer, e2e). Extra arguments go to vitest; its exit code is ours.
import { buildApp, runBin } from './lib.mjs';

await buildApp();
process.exit(await runBin('vitest', 'vitest', ['run', ...process.argv.slice(2)]));
