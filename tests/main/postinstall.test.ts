import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/lib.mjs';

const ROOT = path.resolve(__dirname, '../..');

describe('npm postinstall without internet', () => {
  // Where the binary is already downloaded the script has nothing to do (and must not re-download).
  it.skipIf(electronBinary() !== null)('prints one clear line and succeeds', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/postinstall.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      // An unreachable mirror: behaves like our offline build machines, whatever this machine has.
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_SKIP_BINARY_DOWNLOAD: '', electron_config_cache: path.join(ROOT, 'node_modules/.cache/qcdc-no-electron') },
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('chưa tải được Electron');
    expect(lines[0]).toContain('npm start');
  });
});
