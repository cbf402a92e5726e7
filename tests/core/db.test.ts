import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Kysely, Migration } from 'kysely';
import { createKysely, openSqlite, readPragmas, assertLocalPath } from '../../electron/core/db/open';
import { migrations } from '../../electron/core/db/migrations';
import { migrateToLatest, pendingMigrations } from '../../electron/core/db/migrate';
import { lockDataDir } from '../../electron/core/db/dataDir';
import { newId } from '../../electron/core/db/ids';
import { createAppContext } from '../../electron/core/context';
import { openTestApp, tempDir, testPlatform } from '../support/context';

describe('database', () => {
  it('opens with WAL, synchronous=FULL (not the WAL default NORMAL), foreign keys and a busy timeout', () => {
    const dir = tempDir();
    const db = openSqlite(path.join(dir, 'a.sqlite'));
    expect(readPragmas(db)).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000, tempStore: 2 });
    db.close();
  });

  it('refuses network (UNC) paths with a Vietnamese message', () => {
    expect(() => assertLocalPath('\\\\server\\share\\qcdc')).toThrow(/ổ mạng/);
    expect(() => assertLocalPath('//server/share')).toThrow(/ổ mạng/);
    expect(() => assertLocalPath('D:\\QCDC')).not.toThrow();
  });

  it('keeps the migration list in run order', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
  });

  it('runs each migration in its own transaction: a failing one keeps the earlier ones', async () => {
    const sqlite = openSqlite(':memory:');
    const db = createKysely(sqlite);
    const list: Record<string, Migration> = {
      '0001_a': { up: async (k: Kysely<unknown>) => void (await k.schema.createTable('a').addColumn('x', 'text').execute()) },
      '0002_b': {
        up: async (k: Kysely<unknown>) => {
          await k.schema.createTable('b').addColumn('x', 'text').execute();
          throw new Error('boom');
        },
      },
    };
    await expect(migrateToLatest(db as never, list)).rejects.toThrow(/0002_b/);
    const tables = sqlite.prepare("select name from sqlite_master where type='table'").all() as Array<{ name: string }>;
    const names = tables.map((t) => t.name);
    expect(names).toContain('a');
    expect(names).not.toContain('b');
    expect(await pendingMigrations(db as never, list)).toEqual(['0002_b']);
    await db.destroy();
  });

  it('backs up an existing database before running new migrations', async () => {
    const dir = tempDir();
    // A database at an older schema: only the first migration applied.
    const sqlite = openSqlite(path.join(dir, 'qcdc.sqlite'));
    const db = createKysely(sqlite);
    const first = Object.keys(migrations)[0]!;
    await migrateToLatest(db, { [first]: migrations[first]! });
    await db.destroy();
    const extra: Record<string, Migration> = {};
    if (Object.keys(migrations).length === 1) {
      // Only one migration exists so far: nothing pending, so no backup is expected.
      const ctx = await createAppContext({ dataDir: dir, platform: testPlatform(dir) });
      await ctx.close();
      expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
      return;
    }
    void extra;
    const ctx = await createAppContext({ dataDir: dir, platform: testPlatform(dir) });
    await ctx.close();
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups.some((f) => f.startsWith('truoc-nang-cap-'))).toBe(true);
  });

  it('allows one running instance per data folder', async () => {
    const app = await openTestApp();
    await expect(createAppContext({ dataDir: app.dir, platform: testPlatform(app.dir) })).rejects.toThrow(/đang được một phiên/);
    await app.close();
    const again = await createAppContext({ dataDir: app.dir, platform: testPlatform(app.dir) });
    await again.close();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'qcdc.lock'), '99999999');
    const lock = lockDataDir(dir);
    lock.release();
    expect(fs.existsSync(path.join(dir, 'qcdc.lock'))).toBe(false);
  });

  it('makes time-ordered UUIDv7 keys', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });

  it('carries the creation millisecond in its first 48 bits and never repeats', () => {
    for (const ms of [0, 1, 1_700_000_000_000, 1_799_999_999_999, 2 ** 47 + 12345]) {
      const hex = newId(ms).replace(/-/g, '').slice(0, 12);
      expect(parseInt(hex, 16)).toBe(ms);
    }
    // Many ids in one millisecond draw fresh random bytes from the pool, across its refills.
    const ids = new Set(Array.from({ length: 50_000 }, () => newId(1_700_000_000_000)));
    expect(ids.size).toBe(50_000);
  });
});
