import fs from 'node:fs';

/**
 * Measured counts for `npm run test:faults` (scripts/faults.mjs prints their sums, one line each).
 * Each test appends what it measured to the file named by QCDC_FAULT_REPORT; without it (plain
 * `npm test`) nothing is written and the assertions alone decide.
 */
export type FaultMetric =
  | 'kills'
  | 'corrupt'
  | 'lost writes'
  | 'acknowledged writes'
  | 'imports'
  | 'failed restarts'
  | 'channels'
  | 'payloads'
  | 'unclean answers'
  | 'table changes'
  | 'flipped backups accepted';

export function reportFaults(source: string, metrics: Partial<Record<FaultMetric, number>>): void {
  const file = process.env.QCDC_FAULT_REPORT;
  if (!file) return;
  fs.appendFileSync(file, JSON.stringify({ source, metrics }) + '\n');
}

/** Long mode (`npm run test:faults`): more kills, more payloads. */
export const LONG = process.env.QCDC_FAULT_LONG === '1';

/** A positive integer from the environment, or the fallback. */
export function envCount(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Every finding in full into QCDC_FAULT_DUMP (when set), for reading after a long run. */
export function dumpFindings(source: string, findings: Record<string, string[]>): void {
  const file = process.env.QCDC_FAULT_DUMP;
  if (!file) return;
  fs.appendFileSync(file, JSON.stringify({ source, findings }, null, 1) + '\n');
}
