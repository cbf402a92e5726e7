import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import {
  deleteAttachment,
  listAttachments,
  readAttachment,
  restoreAttachment,
  saveAttachment,
} from '../../../electron/core/attachments/service';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('attachment store', () => {
  it('stores bytes in the data folder by id with their sha256, lists, reads back, soft-deletes and restores', async () => {
    app = await openTestApp();
    const { ctx } = app;
    const bytes = new TextEncoder().encode('Báo cáo tổng kết năm 2022');
    const info = await ctx.db.transaction().execute((trx) =>
      saveAttachment(trx, ctx, { ownerType: 'meeting', ownerId: 'm1', fileName: '..\\..\\Báo cáo 2022.pdf', bytes }),
    );
    expect(info.fileName).toBe('Báo cáo 2022.pdf');
    expect(info.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(info.mimeType).toBe('application/pdf');
    const stored = path.join(ctx.layout.attachmentsDir, `${info.id}.pdf`);
    expect(fs.readFileSync(stored)).toEqual(Buffer.from(bytes));

    expect((await listAttachments(ctx.db, 'meeting', 'm1')).map((a) => a.id)).toEqual([info.id]);
    expect(await listAttachments(ctx.db, 'meeting', 'other')).toEqual([]);
    const read = await readAttachment(ctx.db, ctx, info.id);
    expect(new TextDecoder().decode(read.bytes)).toBe('Báo cáo tổng kết năm 2022');

    await deleteAttachment(ctx.db, ctx, info.id);
    expect(await listAttachments(ctx.db, 'meeting', 'm1')).toEqual([]);
    expect(fs.existsSync(stored)).toBe(true);
    await restoreAttachment(ctx.db, ctx, info.id);
    expect(await listAttachments(ctx.db, 'meeting', 'm1')).toHaveLength(1);
    const actions = await ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'attachment').orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('refuses to serve a file changed on disk and rejects empty files', async () => {
    app = await openTestApp();
    const { ctx } = app;
    const info = await saveAttachment(ctx.db, ctx, { ownerType: 'task', ownerId: 't', fileName: 'a.txt', bytes: new Uint8Array([1, 2, 3]) });
    fs.writeFileSync(path.join(ctx.layout.attachmentsDir, `${info.id}.txt`), 'tampered');
    await expect(readAttachment(ctx.db, ctx, info.id)).rejects.toThrow(/mã băm không khớp/);
    await expect(saveAttachment(ctx.db, ctx, { ownerType: 'task', ownerId: 't', fileName: 'b.txt', bytes: new Uint8Array() })).rejects.toThrow(
      /rỗng/,
    );
  });
});
