// A throw-away PostgreSQL cluster for the `node-pg` tests (issue #19): where Debian's binaries are
// installed (/usr/lib/postgresql/<version>/bin), `start` makes a cluster in a temporary folder, runs it
// on a free loopback port as an unprivileged user (PostgreSQL refuses to run as root: as root the
// folder is given to the `postgres` system user and commands run through `runuser`), and prints its URL
// on stdout; `stop <folder>` stops it and removes the folder. Trust authentication is safe here: the
// server listens on 127.0.0.1 only and lives for one test run. Used by scripts/test.mjs.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** The newest installed server's bin folder, or null (PostgreSQL 14 or newer). */
export function findPgBin() {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => Number(v) >= 14 && fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin, args) {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Starts a cluster; returns { url, dir }. */
export async function startCluster() {
  const bin = findPgBin();
  if (!bin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcdc-pg-'));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, 'data');
  if (isRoot) execFileSync('chown', ['postgres:', dir]);
  run(path.join(bin, 'initdb'), ['-D', data, '-U', 'qcdc', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  // fsync off and a small shared_buffers: the cluster is thrown away after the run, and CI has 2 cores.
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(path.join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  return { url: `postgres://qcdc@127.0.0.1:${port}/postgres`, dir };
}

export function stopCluster(dir) {
  const bin = findPgBin();
  try {
    if (bin) run(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'stop' && dir) stopCluster(dir);
  else if (command === 'start') {
    const cluster = await startCluster();
    if (!cluster) {
      process.stderr.write('Không tìm thấy PostgreSQL (/usr/lib/postgresql/*/bin)\n');
      process.exit(2);
    }
    process.stdout.write(`${cluster.url} ${cluster.dir}\n`);
  } else {
    process.stderr.write('usage: node scripts/pg-test-cluster.mjs start | stop <folder>\n');
    process.exit(2);
  }
}
