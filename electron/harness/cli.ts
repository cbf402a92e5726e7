import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STARTUP_CHECK_DELAY_MS } from '../core/context';
import { startHarness } from './start';

/**
 * `npm run web` / `node out/main/harness.js`: the app in a browser, plus the automation API.
 * Environment: QCDC_DATA_DIR (data folder), QCDC_HARNESS_PORT (default 5174; 0 = any free port),
 * QCDC_HARNESS_TOKEN (random when unset).
 */
async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dataDir = path.resolve(process.env.QCDC_DATA_DIR ?? path.join(process.cwd(), '.qcdc-data'));
  const port = process.env.QCDC_HARNESS_PORT !== undefined ? Number(process.env.QCDC_HARNESS_PORT) : 5174;
  const handle = await startHarness({
    dataDir,
    port,
    ...(process.env.QCDC_HARNESS_TOKEN ? { token: process.env.QCDC_HARNESS_TOKEN } : {}),
    staticDir: process.env.QCDC_STATIC_DIR ?? path.resolve(here, '../renderer'),
    appVersion: process.env.npm_package_version ?? '0.0.0',
    deferStartupCheckMs: STARTUP_CHECK_DELAY_MS,
  });
  process.stdout.write(
    [
      'QCDC Desk — chế độ trình duyệt (harness)',
      `  Dữ liệu:   ${dataDir}`,
      `  API:       ${handle.url}/rpc  (Authorization: Bearer <token>)`,
      `  Token:     ${handle.token}`,
      `  Mở ứng dụng: ${handle.appUrl}`,
      '',
    ].join('\n'),
  );
  // A line scripts and tests can parse.
  process.stdout.write(`QCDC_HARNESS_READY ${JSON.stringify({ url: handle.url, token: handle.token, appUrl: handle.appUrl })}\n`);
  const stop = () => {
    handle
      .close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Không khởi động được harness: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
