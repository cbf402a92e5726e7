// `npm run docs:channels`: rewrites the channel list in docs/api.md from the contract
// (tests/shared/readme-channels.test.ts with UPDATE_DOCS=1; the same test fails when it is stale).
import { runBin } from './lib.mjs';

process.exit(await runBin('vitest', 'vitest', ['run', '--project', 'node', 'tests/shared/readme-channels.test.ts'], { env: { ...process.env, UPDATE_DOCS: '1' } }));
