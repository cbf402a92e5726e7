import fs from 'node:fs';
import path from 'node:path';

/** File in userData that a "move the data folder" feature writes: `{ "dataDir": "D:\\QCDC" }`. */
export const DATA_LOCATION_FILE = 'data-location.json';

export interface DataLocation {
  dataDir: string;
  /** Where the choice came from, for the log and the About box. */
  source: 'env' | 'data-location.json' | 'default';
}

/**
 * The data folder, in order: `QCDC_DATA_DIR`, then `<userData>/data-location.json` (written when the
 * user moves the folder, e.g. to drive D:), then `<userData>/data`. A broken or relative entry in
 * the JSON file is ignored (never guessed), so the app still starts on its default folder.
 */
export function resolveDataDir(userDataDir: string, env: NodeJS.ProcessEnv = process.env): DataLocation {
  const fromEnv = env.QCDC_DATA_DIR?.trim();
  if (fromEnv) return { dataDir: path.resolve(fromEnv), source: 'env' };
  const fromFile = readDataLocationFile(userDataDir);
  if (fromFile) return { dataDir: fromFile, source: 'data-location.json' };
  return { dataDir: path.join(userDataDir, 'data'), source: 'default' };
}

export function readDataLocationFile(userDataDir: string): string | null {
  let raw: string;
  try {
    raw = fs.readFileSync(path.join(userDataDir, DATA_LOCATION_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return null;
    const dir = (parsed as { dataDir?: unknown }).dataDir;
    if (typeof dir !== 'string' || dir.trim() === '' || dir.length > 1024) return null;
    // Only absolute paths: a relative one would depend on the working directory of the launch.
    if (!path.isAbsolute(dir) && !path.win32.isAbsolute(dir)) return null;
    return path.normalize(dir);
  } catch {
    return null;
  }
}

/** Writes the file atomically (temp + rename); for the later "move data folder" feature. */
export function writeDataLocationFile(userDataDir: string, dataDir: string): void {
  const target = path.join(userDataDir, DATA_LOCATION_FILE);
  const temp = `${target}.tmp`;
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(temp, JSON.stringify({ dataDir }, null, 2));
  fs.renameSync(temp, target);
}
