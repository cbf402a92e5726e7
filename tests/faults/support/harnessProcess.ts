import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { decodeWire, encodeWire, type Envelope } from '../../../shared/contract';

const ROOT = path.resolve(__dirname, '../../..');
/** The built harness, exactly what `npm run web` starts (`npm test` builds it first). */
export const HARNESS_JS = path.join(ROOT, 'out', 'main', 'harness.js');

/** Builds the app once when a targeted run finds no build (`npm test` and `npm run test:faults` build first). */
export function ensureHarnessBuilt(): void {
  if (fs.existsSync(HARNESS_JS)) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
}

export interface HarnessProcess {
  url: string;
  token: string;
  child: ChildProcess;
  /** POST /rpc/<channel>; rejects when the process is gone (a killed harness acknowledges nothing). */
  rpc(channel: string, input: unknown): Promise<Envelope<unknown>>;
  /** SIGKILL, resolved once the process has exited. */
  kill(): Promise<void>;
  /** SIGTERM (the harness closes its database cleanly), resolved on exit. */
  stop(): Promise<void>;
  stderr(): string;
}

/** Starts `node out/main/harness.js` on a data folder and waits for its ready line. */
export function startHarnessProcess(dataDir: string, env: Record<string, string> = {}): Promise<HarnessProcess> {
  const token = randomBytes(18).toString('base64url');
  const child = spawn(process.execPath, [HARNESS_JS], {
    cwd: ROOT,
    env: { ...process.env, QCDC_DATA_DIR: dataDir, QCDC_HARNESS_PORT: '0', QCDC_HARNESS_TOKEN: token, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`harness did not start within 60 s: ${stderr}`));
    }, 60_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`harness exited before it was ready (${code ?? signal}): ${stderr.trim()}`));
    });
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const line = stdout.split('\n').find((l) => l.startsWith('QCDC_HARNESS_READY '));
      if (!line) return;
      stdout = '';
      clearTimeout(timer);
      const { url } = JSON.parse(line.slice('QCDC_HARNESS_READY '.length)) as { url: string };
      resolve({
        url,
        token,
        child,
        async rpc(channel, input) {
          const res = await fetch(`${url}/rpc/${channel}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: encodeWire(input),
          });
          return decodeWire(await res.text()) as Envelope<unknown>;
        },
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
        stderr: () => stderr,
      });
    });
  });
}

/**
 * Starts the harness and SIGKILLs it after `afterMs` whether or not it is ready: a power cut while
 * it opens the database, checks it, takes over the folder lock or migrates.
 */
export async function killDuringStart(dataDir: string, afterMs: number): Promise<{ exitedByItself: boolean; stderr: string }> {
  const child = spawn(process.execPath, [HARNESS_JS], {
    cwd: ROOT,
    env: { ...process.env, QCDC_DATA_DIR: dataDir, QCDC_HARNESS_PORT: '0', QCDC_HARNESS_TOKEN: randomBytes(18).toString('base64url') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
  const signal = await exited;
  clearTimeout(timer);
  // Only the kill may end it: exiting by itself while starting is a failed start.
  return { exitedByItself: signal !== 'SIGKILL', stderr };
}
