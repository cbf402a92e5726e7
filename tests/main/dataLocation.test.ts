import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir, writeDataLocationFile } from '../../electron/main/dataLocation';
import { tempDir } from './tmp';

describe('data folder location', () => {
  it('prefers QCDC_DATA_DIR, then data-location.json, then <userData>/data', () => {
    const userData = tempDir('qcdc-ud-');
    expect(resolveDataDir(userData, {})).toEqual({ dataDir: path.join(userData, 'data'), source: 'default' });
    const moved = path.join(userData, 'elsewhere');
    writeDataLocationFile(userData, moved);
    expect(resolveDataDir(userData, {})).toEqual({ dataDir: moved, source: 'data-location.json' });
    expect(resolveDataDir(userData, { QCDC_DATA_DIR: '/srv/qcdc' })).toEqual({ dataDir: path.resolve('/srv/qcdc'), source: 'env' });
  });

  it('falls back to the default on a broken or relative entry', () => {
    const userData = tempDir('qcdc-ud-');
    for (const content of ['{', '[]', '{"dataDir": 5}', '{"dataDir": ""}', '{"dataDir": "relative/dir"}', 'null']) {
      fs.writeFileSync(path.join(userData, 'data-location.json'), content);
      expect(resolveDataDir(userData, {}).source, content).toBe('default');
    }
  });
});
