import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/context';
import { BAC_KAN_PROFILE } from '../support/profiles';
import { DATABASE_FILE_NAME } from '../../electron/core/db/dataDir';
import { channelNames, type Channel } from '../../shared/contract';
import { payloadsFor, uncleanReason } from './support/payloads';
import { changedParts, changeStamp, contentHash } from './support/snapshot';
import { ensureHarnessBuilt, startHarnessProcess, type HarnessProcess } from './support/harnessProcess';
import { dumpFindings, LONG, reportFaults } from './support/report';

/**
 * Issue #18, fault test 2 (over HTTP): a sample of the same generated payloads sent to the built
 * harness process, as a script or a hostile page would send them — through JSON on the wire, with
 * the bytes tag, `__proto__` keys and lone surrogates escaped by JSON itself. The process must
 * answer every one with a clean envelope and stay up; a refused call must change nothing (read
 * from the database file by a second connection).
 */
/** Every STEP-th generated payload of each channel (every other one in long mode), the first included. */
const STEP = LONG ? 2 : 9;

interface Running {
  h: HarnessProcess;
  dir: string;
  reader: BetterSqlite3.Database;
}

async function start(): Promise<Running> {
  const dir = tempDir('qcdc-hostile-http-');
  const h = await startHarnessProcess(dir);
  const configured = await h.rpc('settings.update', { profile: BAC_KAN_PROFILE });
  if (!configured.ok) throw new Error(JSON.stringify(configured));
  await scheduleOff(h);
  const reader = new BetterSqlite3(path.join(dir, DATABASE_FILE_NAME), { readonly: true, fileMustExist: true });
  return { h, dir, reader };
}

/**
 * The harness makes automatic backups on its schedule: one landing in backups/ during a refused call
 * would read as that call's doing. Off for the sweep (and again after any accepted backup.setSchedule).
 */
async function scheduleOff(h: HarnessProcess): Promise<void> {
  const off = await h.rpc('backup.setSchedule', { intervalHours: 0 });
  if (!off.ok) throw new Error(JSON.stringify(off));
}

async function stop(r: Running | null): Promise<void> {
  if (!r) return;
  r.reader.close();
  await r.h.stop();
}

let running: Running | null = null;
beforeAll(() => ensureHarnessBuilt(), 300_000);
afterAll(async () => {
  await stop(running);
});

async function usersEnabled(h: HarnessProcess): Promise<boolean> {
  const status = await h.rpc('lock.status', {});
  return !status.ok || (status.data as { usersEnabled: boolean }).usersEnabled;
}

const changesAccess = (channel: Channel) => channel.startsWith('users.') || channel.startsWith('lock.') || channel === 'backup.restore';

describe('hostile input through the harness (HTTP)', () => {
  it('answers a sample of every channel\'s payloads cleanly, changes nothing when it refuses, and stays up', async () => {
    running = await start();
    const unclean: string[] = [];
    const changedOnRefusal: string[] = [];
    let payloads = 0;
    let restarts = 0;
    for (const channel of channelNames) {
      const sample = payloadsFor(channel).filter((_, i) => i % STEP === 0);
      let before = contentHash(running.reader, running.dir);
      let stamp = changeStamp(running.reader, running.dir);
      for (const { label, payload } of sample) {
        payloads++;
        let answer: Awaited<ReturnType<HarnessProcess['rpc']>>;
        try {
          answer = await running.h.rpc(channel, payload);
        } catch (err) {
          unclean.push(`${channel} (${label}): no answer (${err instanceof Error ? err.message : String(err)}) ${running.h.stderr().slice(-300)}`);
          await stop(running).catch(() => undefined);
          running = await start();
          continue;
        }
        const reason = uncleanReason(answer);
        if (reason) unclean.push(`${channel} (${label}): ${reason}`);
        if (answer.ok && channel === 'backup.setSchedule') await scheduleOff(running.h);
        const nextStamp = changeStamp(running.reader, running.dir);
        if (LONG || nextStamp !== stamp) {
          const after = contentHash(running.reader, running.dir);
          if (!answer.ok && after.digest !== before.digest) changedOnRefusal.push(`${channel} (${label}): ${changedParts(before, after).join(', ')}`);
          before = after;
          stamp = nextStamp;
        }
        // Only a call that turned named users on (every later call would be refused by the lock)
        // costs a restart on a fresh folder; a harmless accepted read does not.
        if (answer.ok && changesAccess(channel) && (await usersEnabled(running.h))) {
          restarts++;
          await stop(running);
          running = await start();
          before = contentHash(running.reader, running.dir);
          stamp = changeStamp(running.reader, running.dir);
        }
      }
    }
    const alive = running.h.child.exitCode === null && running.h.child.signalCode === null;
    const info = await running.h.rpc('system.info', {});
    reportFaults('hostile-harness', { payloads, 'unclean answers': unclean.length, 'table changes': changedOnRefusal.length });
    dumpFindings('hostile-harness', { unclean, changedOnRefusal, restarts: [String(restarts)] });
    expect(payloads).toBeGreaterThan(channelNames.length);
    expect(unclean).toEqual([]);
    expect(changedOnRefusal).toEqual([]);
    expect(alive).toBe(true);
    expect(info.ok).toBe(true);
    expect(running.reader.pragma('integrity_check', { simple: true })).toBe('ok');
  }, LONG ? 900_000 : 120_000);
});
