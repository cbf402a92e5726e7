// `npm run web`: build, then serve the app and the automation API on 127.0.0.1 (out/main/harness.js
// prints the URL with its token). Environment: QCDC_DATA_DIR, QCDC_HARNESS_PORT, QCDC_HARNESS_TOKEN.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, buildApp, run } from './lib.mjs';

export async function web() {
  await buildApp();
  return run(process.execPath, [path.join(ROOT, 'out/main/harness.js')]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(await web());
}
