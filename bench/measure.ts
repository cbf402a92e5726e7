export interface Timing {
  p50: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function summarise(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, runs: s.length };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Runs `fn` `runs` times after `warmup` unmeasured runs. */
export async function repeat(runs: number, warmup: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

export function repeatSync(runs: number, warmup: number, fn: (i: number) => unknown): Timing {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

/** Samples this process's resident memory while `fn` runs; returns the peak in MB. */
export async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number; baseMb: number }> {
  const baseMb = process.memoryUsage().rss / 1048576;
  let peak = baseMb;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss / 1048576);
  }, 10);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss / 1048576);
    return { value, peakMb: peak, baseMb };
  } finally {
    clearInterval(timer);
  }
}
