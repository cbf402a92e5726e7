import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { cancelled } from '../errors';
import type { EventBus } from '../events';

export interface JobReporter {
  readonly jobId: string;
  readonly signal: AbortSignal;
  /**
   * Reports progress and yields to the event loop, so the window stays responsive and a
   * `jobs.cancel` call can arrive; throws a CANCELLED error once cancelled (callers run inside a
   * transaction, which then rolls back).
   */
  progress(phase: string, done: number, total: number, message?: string): Promise<void>;
  /** Throws if cancelled, without yielding. */
  check(): void;
}

/**
 * Long jobs are ordinary calls whose input carries a caller-chosen `jobId`: the call's answer is
 * the result, `job.progress` events report on the way, and `jobs.cancel` stops it.
 */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();
  /**
   * Progress events are throttled to about 20 a second (a screen cannot show more); the first
   * step of each phase and the last step are always sent. Tests that act on a given step set 0.
   */
  minIntervalMs = 50;

  constructor(private readonly events: EventBus) {}

  async run<T>(jobId: string | undefined, work: (job: JobReporter) => Promise<T>): Promise<T> {
    const id = jobId ?? `job-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const controller = new AbortController();
    this.running.set(id, controller);
    let lastEmit = 0;
    let lastPhase: string | undefined;
    const reporter: JobReporter = {
      jobId: id,
      signal: controller.signal,
      check: () => {
        if (controller.signal.aborted) throw cancelled();
      },
      progress: async (phase, done, total, message) => {
        const now = Date.now();
        if (phase !== lastPhase || now - lastEmit >= this.minIntervalMs || done >= total) {
          lastEmit = now;
          lastPhase = phase;
          this.events.emit('job.progress', { jobId: id, phase, done, total, ...(message ? { message } : {}) });
        }
        await yieldToLoop();
        if (controller.signal.aborted) throw cancelled();
      },
    };
    try {
      return await work(reporter);
    } finally {
      this.running.delete(id);
    }
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }
}

/**
 * Keeps a job's progress moving while one opaque step runs (Chromium's printToPDF gives no
 * progress of its own): every `tickMs` it reports step `done` of `total` by the time the step is
 * expected to take (`msPerStep` each, e.g. one printed page), never reaching `total` before the
 * step ends, then reports `total`. A cancel stops the wait; the step's late result is dropped.
 */
export async function progressWhile<T>(
  job: JobReporter,
  phase: string,
  total: number,
  msPerStep: number,
  step: Promise<T>,
  options: { tickMs?: number; message?: (done: number) => string } = {},
): Promise<T> {
  const started = Date.now();
  const tickMs = options.tickMs ?? 200;
  // An object, not a let: the loop reads what the step's callback writes.
  const state = { settled: false };
  // Swallowed here only so a cancelled wait leaves no unhandled rejection; the await below still throws.
  const watched = step.finally(() => {
    state.settled = true;
  });
  watched.catch(() => {});
  const report = (done: number) => job.progress(phase, done, total, options.message?.(done));
  await report(0);
  while (!state.settled) {
    await Promise.race([watched.then(() => undefined, () => undefined), new Promise<void>((resolve) => setTimeout(resolve, tickMs))]);
    if (state.settled) break;
    await report(Math.min(total - 1, Math.floor((Date.now() - started) / msPerStep)));
  }
  const result = await watched;
  await report(total);
  return result;
}
