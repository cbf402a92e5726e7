import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tempDir } from '../../support/context';

/**
 * A small tmpfs as a data folder: the only honest way to make a disk fill up or turn read-only
 * (root ignores chmod). Needs root on Linux — CI runs as root; elsewhere the tests that need it
 * are skipped and say why.
 */
export interface Mount {
  dir: string;
  remount(mode: 'ro' | 'rw'): void;
  unmount(): void;
}

function mountTmpfs(size: string): Mount {
  const dir = tempDir('qcdc-mount-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  return {
    dir,
    remount(mode) {
      execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'pipe' });
    },
    unmount() {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Why mounting is impossible here, or null when it works (probed once with a real mount). */
export const cannotMount: string | null = (() => {
  if (process.platform !== 'linux') return `needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'needs root to mount a tmpfs (CI runs as root)';
  try {
    mountTmpfs('1m').unmount();
    return null;
  } catch (err) {
    return `mount -t tmpfs failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
  }
})();

export { mountTmpfs };

/** Fills the file system until a write fails; returns the filler file (delete it to free the space). */
export function fillDisk(dir: string): string {
  const filler = `${dir}/.filler`;
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0x5a);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    // The last partial chunk: fill byte by byte what a 64 KB write could not.
    const small = Buffer.alloc(512, 0x5a);
    try {
      for (;;) fs.writeSync(fd, small);
    } catch {
      // full
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}
