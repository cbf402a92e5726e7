// `npm run test:faults`: the long versions of issue #18's fault tests (tests/faults): 100 SIGKILLs of
// the harness (QCDC_FAULT_KILLS), every other generated hostile payload over HTTP, a full content hash
// after every refused call, 200 flipped backup bits. Builds first (the kill loop starts
// out/main/harness.js), then prints what the tests measured, one line each. Extra arguments go to vitest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, runBin } from './lib.mjs';

await buildApp();
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qcdc-faults-')), 'report.jsonl');
const code = await runBin('vitest', 'vitest', ['run', '--project', 'faults', ...process.argv.slice(2)], {
  env: { ...process.env, QCDC_FAULT_LONG: '1', QCDC_FAULT_KILLS: process.env.QCDC_FAULT_KILLS ?? '100', QCDC_FAULT_REPORT: report },
});

const totals = {};
if (fs.existsSync(report)) {
  for (const line of fs.readFileSync(report, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { metrics } = JSON.parse(line);
    for (const [name, value] of Object.entries(metrics)) totals[name] = (totals[name] ?? 0) + value;
  }
}
// The seven lines first, in its order; a metric no test reported says so instead of 0.
const ORDER = ['kills', 'corrupt', 'lost writes', 'channels', 'payloads', 'unclean answers', 'table changes'];
const EXTRA = ['acknowledged writes', 'imports', 'failed restarts', 'flipped backups accepted'];
process.stdout.write('\nKết quả kiểm thử sự cố (issue #18):\n');
for (const name of [...ORDER, ...EXTRA]) {
  process.stdout.write(`${name}: ${name in totals ? totals[name] : 'không đo (bài kiểm thử không chạy hoặc bị bỏ qua)'}\n`);
}
process.exit(code);
