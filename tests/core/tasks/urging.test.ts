import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pdfToPngs, unzipEntry, wordParagraphs } from '../export/support';
import type { TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { seedOrganisation } from '../tasks/seed';
import { openWithProfile as openWith, pdfPlain, ARTIFACTS, plan2023 } from '../plans/support';

const pdf = new ChromiumPdfRenderer();
let app: TestApp | null = null;
const openWithProfile = (now?: string) => openWith(pdf, now);

beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));
afterAll(async () => pdf.close());
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('urging', () => {
  it('lists overdue and due-soon plan items after the clock moves and writes the urging letter', async () => {
    app = await openWithProfile();
    const org = await seedOrganisation(app);
    const plan = await app.call('plans.create', plan2023(org));
    const [propaganda, dialogue, inspection, recurring] = plan.items.map((i) => i.task);
    app.clock.set('2023-03-10T02:00:00.000Z');
    await app.call('tasks.addUpdate', { taskId: propaganda!.id, date: '2023-03-10', progress: 60, note: 'Đã tổ chức 12 hội nghị tuyên truyền' });
    await app.call('tasks.addUpdate', { taskId: recurring!.id, date: '2023-03-10', progress: 25 });

    app.clock.set('2023-06-25T02:00:00.000Z');
    const list = await app.call('tasks.list', { overdue: true, dueWithinDays: 7 });
    expect(list.items.map((t) => [t.id, t.dueState])).toEqual([
      [propaganda!.id, 'overdue'],
      [recurring!.id, 'dueSoon'],
      [dialogue!.id, 'dueSoon'],
    ]);
    expect(list.items.find((t) => t.id === inspection!.id)).toBeUndefined();
    expect(list.items[0]!.daysLeft).toBe(-86);

    const html = await app.call('tasks.urgingList', { dueWithinDays: 7 });
    expect(html.html).toContain('DANH SÁCH');
    expect(html.html).toContain('Quá hạn 86 ngày');

    const letter = await app.call('tasks.urgingLetter', { dueWithinDays: 7, reserveNumber: true, format: 'docx' });
    const paragraphs = wordParagraphs(unzipEntry(letter.bytes, 'word/document.xml'));
    expect(paragraphs).toContain('Số 01-CV/BCĐ');
    expect(paragraphs).toContain('V/v đôn đốc thực hiện các nhiệm vụ chậm tiến độ');
    expect(paragraphs).toContain('Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở (Kế hoạch số 01-KH/BCĐ)');
    expect(paragraphs).toContain('Quá hạn 86 ngày');
    expect(paragraphs.join('\n')).toMatch(/Kính gửi: .*Ủy ban MTTQ tỉnh/);
    const pdfLetter = await app.call('tasks.urgingLetter', { dueWithinDays: 7, numberText: '02-CV/BCĐ', format: 'pdf' });
    expect(pdfPlain(pdfLetter.bytes)).toContain('Quá hạn 86 ngày');
    pdfToPngs(pdfLetter.bytes, 'cong-van-don-doc', ARTIFACTS);
  });
});
