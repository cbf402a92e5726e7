import { describe, expect, it } from 'vitest';
import { EventBus } from '../../electron/core/events';
import { JobRegistry } from '../../electron/core/jobs/jobs';
import { AppError } from '../../electron/core/errors';
import { openTestApp } from '../support/context';

describe('long jobs', () => {
  it('reports progress as events and finishes with the result', async () => {
    const events = new EventBus();
    const seen: unknown[] = [];
    events.subscribe((name, payload) => seen.push({ name, payload }));
    const jobs = new JobRegistry(events);
    const result = await jobs.run('j-ok', async (job) => {
      for (let i = 1; i <= 5; i++) await job.progress('Đang xử lý', i, 5);
      return 'xong';
    });
    expect(result).toBe('xong');
    expect(seen.at(-1)).toEqual({ name: 'job.progress', payload: { jobId: 'j-ok', phase: 'Đang xử lý', done: 5, total: 5 } });
    expect(jobs.isRunning('j-ok')).toBe(false);
  });

  it('sends the first step of every phase and the last step, however close together', async () => {
    const events = new EventBus();
    const seen: string[] = [];
    events.subscribe((_name, payload) => {
      const e = payload as { phase: string; done: number };
      seen.push(`${e.phase} ${e.done}`);
    });
    const jobs = new JobRegistry(events);
    jobs.minIntervalMs = 60_000;
    await jobs.run('j-phases', async (job) => {
      for (let i = 0; i < 3; i++) await job.progress('Đọc tệp', i, 3);
      for (let i = 0; i <= 4; i++) await job.progress('Ghi dữ liệu', i, 4);
    });
    expect(seen).toEqual(['Đọc tệp 0', 'Ghi dữ liệu 0', 'Ghi dữ liệu 4']);
  });

  it('stops at the next progress step once cancelled, with a CANCELLED error', async () => {
    const jobs = new JobRegistry(new EventBus());
    let steps = 0;
    const running = jobs.run('j-cancel', async (job) => {
      for (let i = 0; i < 1_000_000; i++) {
        steps++;
        await job.progress('Đang nhập', i, 1_000_000);
      }
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(jobs.cancel('j-cancel')).toBe(true);
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CANCELLED');
    expect(steps).toBeLessThan(1_000_000);
    expect(jobs.cancel('j-cancel')).toBe(false);
  });

  it('rolls back a transaction cancelled half-way, through the jobs.cancel channel', async () => {
    const app = await openTestApp();
    try {
      const work = app.ctx.jobs.run('j-tx', (job) =>
        app.ctx.db.transaction().execute(async (trx) => {
          for (let i = 0; i < 10_000; i++) {
            await trx.insertInto('settings').values({ key: `k${i}`, value: '{}', updated_at: 'x' }).execute();
            await job.progress('Ghi', i, 10_000);
          }
        }),
      );
      await new Promise((r) => setTimeout(r, 30));
      const answer = await app.invoke('jobs.cancel', { jobId: 'j-tx' });
      expect(answer).toEqual({ ok: true, data: { cancelled: true } });
      await expect(work).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(await app.ctx.db.selectFrom('settings').selectAll().execute()).toHaveLength(0);
    } finally {
      await app.close();
    }
  });
});
