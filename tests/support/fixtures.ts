import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/**
 * A sample file from the project's shared fixtures. The design folder `../shared/fixtures`
 * (beside the repository, as on CI) wins when present so an updated sample is tested; the copy in
 * tests/fixtures keeps the suite runnable from any checkout.
 */
export function fixturePath(name: string): string {
  const beside = path.resolve(REPO, '..', 'shared', 'fixtures', name);
  if (fs.existsSync(beside)) return beside;
  return path.join(REPO, 'tests', 'fixtures', name);
}
