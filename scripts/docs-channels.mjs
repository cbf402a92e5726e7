// `npm run docs:channels`: rewrites the README channel list from the contract
// (tests/shared/readme-channels.test.ts with UPDATE_README=1; the same test fails when it is stale).
import { runBin } from './lib.mjs';

process.exit(await runBin('vitest', 'vitest', ['run', '--project', 'node', 'tests/shared/readme-channels.test.ts'], { env: { ...process.env, UPDATE_README: '1' } }));
