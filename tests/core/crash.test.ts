import { spawn } from 'node:child_process';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from 'rolldown';
import { tempDir } from '../support/context';

const ROOT = path.resolve(__dirname, '../..');
/** Bundled inside node_modules/.cache so `better-sqlite3` resolves from the project. */
const CHILD = path.join(ROOT, 'node_modules', '.cache', 'qcdc-crash', 'crash-child.mjs');

beforeAll(async () => {
  await build({
    input: path.join(__dirname, 'safety', 'crash-child.ts'),
    platform: 'node',
    external: ['better-sqlite3'],
    output: { file: CHILD, format: 'esm' },
    logLevel: 'silent',
  });
}, 60_000);
const KILLS = Number(process.env.QCDC_CRASH_KILLS ?? 30);

interface Run {
  pragmas: string;
  /** Every id the child reported as committed, with the size of its transaction. */
  committed: Array<{ last: number; size: number }>;
}

/** Starts the writer, lets it run for a random time after it is ready, then SIGKILLs it. */
function runAndKill(file: string, run: number, runMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, file, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let pragmas = '';
    let stderr = '';
    const committed: Run['committed'] = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('ready')) {
          pragmas = line;
          setTimeout(() => child.kill('SIGKILL'), runMs);
        } else {
          const [last, size] = line.split(' ').map(Number);
          committed.push({ last: last!, size: size! });
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      // A partial last line was cut mid-write: it was never a complete report, ignore it.
      if (signal !== 'SIGKILL') reject(new Error(`child exited without being killed: ${stderr}`));
      else resolve({ pragmas, committed });
    });
  });
}

describe('crash safety', () => {
  it(
    `after ${KILLS} SIGKILLs at random moments the database passes integrity_check and holds every reported commit`,
    async () => {
      const file = path.join(tempDir('qcdc-crash-'), 'qcdc.sqlite');
      let reportedTotal = 0;
      for (let i = 0; i < KILLS; i++) {
        const run = await runAndKill(file, i, 20 + Math.floor(Math.random() * 200));
        expect(run.pragmas).toBe('ready wal 2'); // WAL with synchronous=FULL in force
        reportedTotal += run.committed.length;

        const db = new BetterSqlite3(file); // opening recovers from the WAL like the app does
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const maxId = Number((db.prepare('SELECT coalesce(max(id), 0) AS m FROM crash_log').get() as { m: number }).m);
          const has = db.prepare('SELECT count(*) AS n FROM crash_log WHERE id BETWEEN ? AND ?');
          for (const { last, size } of run.committed) {
            expect(last).toBeLessThanOrEqual(maxId);
            // The whole transaction is there, not only its last row.
            expect(Number((has.get(last - size + 1, last) as { n: number }).n)).toBe(size);
          }
          // No half transaction either: rows come in whole batches.
          const torn = db
            .prepare('SELECT run, batch, count(*) AS n FROM crash_log GROUP BY run, batch HAVING n != 1 + (batch % 7) LIMIT 1')
            .all();
          expect(torn).toEqual([]);
        } finally {
          db.close();
        }
      }
      expect(reportedTotal).toBeGreaterThan(KILLS); // the child really wrote between kills
    },
    120_000,
  );
});
