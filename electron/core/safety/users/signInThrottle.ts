import fs from 'node:fs';
import path from 'node:path';

/**
 * Sign-in back-off: after `FREE_TRIES` wrong passwords for one user, each further try must wait,
 * twice as long after every failure (30 s, 1 min, 2 min … at most 15 min). An officer who mistypes
 * a few times is never slowed; a script guessing passwords (9 tries/s before this) gets a handful
 * of tries an hour.
 *
 * The state is a small file in the data folder, not a table: it must survive a restart (closing
 * and reopening the app must not reset the wait), keep working while the database is damaged (the
 * recovery screen still signs in, and nothing may be written to a damaged database), and a
 * restored backup must not bring back an older, shorter count.
 */
export const FREE_TRIES = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;
const FILE_NAME = 'sign-in-failures.json';

interface Failures {
  failures: number;
  lastAt: number;
}

type State = Record<string, Failures>;

function stateFile(dataDir: string): string {
  return path.join(dataDir, FILE_NAME);
}

function readState(dataDir: string): State {
  try {
    const parsed = JSON.parse(fs.readFileSync(stateFile(dataDir), 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const state: State = {};
    for (const [id, v] of Object.entries(parsed as Record<string, unknown>)) {
      const f = v as Partial<Failures> | null;
      if (f && typeof f.failures === 'number' && typeof f.lastAt === 'number') state[id] = { failures: f.failures, lastAt: f.lastAt };
    }
    return state;
  } catch {
    return {};
  }
}

function writeState(dataDir: string, state: State): void {
  const file = stateFile(dataDir);
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(state));
  fs.renameSync(temp, file);
}

/** How long a user must still wait before the next try (0: may try now). */
export function waitBeforeSignIn(dataDir: string, userId: string, now: number): number {
  const f = readState(dataDir)[userId];
  if (!f || f.failures < FREE_TRIES) return 0;
  const wait = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (f.failures - FREE_TRIES));
  return Math.max(0, f.lastAt + wait - now);
}

export function recordSignInFailure(dataDir: string, userId: string, now: number): number {
  const state = readState(dataDir);
  const failures = (state[userId]?.failures ?? 0) + 1;
  state[userId] = { failures, lastAt: now };
  writeState(dataDir, state);
  return failures;
}

export function clearSignInFailures(dataDir: string, userId: string): void {
  const state = readState(dataDir);
  if (!state[userId]) return;
  delete state[userId];
  writeState(dataDir, state);
}

/** "45 giây", "2 phút", "1 phút 30 giây": rounded up, so the wait named is never too short. */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} giây`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} phút ${rest} giây` : `${minutes} phút`;
}
