import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pdfToPngs, unzipEntry, wordParagraphs } from '../export/support';
import type { TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { seedOrganisation } from '../tasks/seed';
import { openWithProfile as openWith, pdfPlain, ARTIFACTS, plan2023 } from './support';

const pdf = new ChromiumPdfRenderer();
let app: TestApp | null = null;
const openWithProfile = (now?: string) => openWith(pdf, now);

beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));
afterAll(async () => pdf.close());
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('plans', () => {
  it('creates the 2023 QCDC plan: number from the register, items tracked as tasks', async () => {
    app = await openWithProfile();
    const org = await seedOrganisation(app);
    const plan = await app.call('plans.create', plan2023(org));
    expect(plan.numberText).toBe('01-KH/BCĐ');
    expect(plan.items.map((i) => i.task.timingLabel)).toEqual(['Quý I/2023', 'Tháng 6/2023', '15/09/2023', 'Thường xuyên']);
    expect(plan.items.map((i) => i.task.deadline)).toEqual(['2023-03-31', '2023-06-30', '2023-09-15', null]);
    expect(plan.items[0]!.task.coordinatingUnits).toHaveLength(2);
    expect(plan.items.every((i) => i.task.sourceType === 'plan' && i.task.sourceId === plan.id)).toBe(true);
    expect(plan.items[0]!.task.sourceLabel).toBe('Kế hoạch số 01-KH/BCĐ');

    const listed = await app.call('plans.list', { year: 2023 });
    expect(listed).toMatchObject([{ id: plan.id, itemCount: 4, doneCount: 0, overdueCount: 0 }]);
    expect((await app.call('plans.list', { search: 'quy che dan chu' })).map((p) => p.id)).toEqual([plan.id]);
    const tasks = await app.call('tasks.list', { sourceType: 'plan', sourceId: plan.id });
    expect(tasks.total).toBe(4);
  });

  it('rejects an item due before the plan date and an unknown owner, saving nothing', async () => {
    app = await openWithProfile();
    const org = await seedOrganisation(app);
    const input = plan2023(org);
    input.items![2] = { ...input.items![2]!, timing: { kind: 'date', value: '2022-12-01' } };
    const early = await app.invoke('plans.create', input);
    expect(early.ok).toBe(false);
    if (!early.ok) {
      expect(early.error.code).toBe('VALIDATION');
      expect(early.error.message).toBe('Dữ liệu chưa hợp lệ: Nội dung 3: Hạn 01/12/2022 trước ngày kế hoạch 20/12/2022.');
      expect(early.error.fields?.['items.2.timing.value']).toBeTruthy();
    }
    const badOwner = plan2023(org);
    badOwner.items![1] = { ...badOwner.items![1]!, leadUnitId: '0190aaaa-0000-7000-8000-000000000000' };
    const missing = await app.invoke('plans.create', badOwner);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.fields?.['items.1.leadUnitId']).toBe('Đơn vị chủ trì không tồn tại.');
    expect(await app.ctx.db.selectFrom('plans').selectAll().execute()).toHaveLength(0);
    expect(await app.ctx.db.selectFrom('tasks').selectAll().execute()).toHaveLength(0);
    expect(await app.ctx.db.selectFrom('doc_numbers').selectAll().execute()).toHaveLength(0);
  });

  it('updates items (edit, add, remove) and copies the plan into the next year', async () => {
    app = await openWithProfile();
    const org = await seedOrganisation(app);
    const plan = await app.call('plans.create', plan2023(org));
    await app.call('tasks.addUpdate', { taskId: plan.items[0]!.task.id, date: '2022-12-20', progress: 30 });
    const items = plan.items.map((i) => ({
      id: i.id,
      groupLabel: i.groupLabel,
      content: i.content,
      leadUnitId: i.task.leadUnit?.id ?? null,
      leadMemberId: i.task.leadMember?.id ?? null,
      leadText: i.task.leadText,
      coordinatingUnitIds: i.task.coordinatingUnits.map((u) => u.id),
      timing: i.task.timing,
      expectedOutput: i.expectedOutput,
    }));
    items[1] = { ...items[1]!, content: 'Tổ chức hội nghị đối thoại (sửa)', timing: { kind: 'month', value: '2023-07' } };
    items.splice(2, 1);
    items.push({ id: undefined as never, groupLabel: 'Sơ kết, tổng kết', content: 'Tổng kết năm 2023', leadUnitId: null, leadMemberId: null, leadText: 'Cơ quan thường trực', coordinatingUnitIds: [], timing: { kind: 'quarter', value: '2023-Q4' }, expectedOutput: 'Báo cáo tổng kết' });
    const updated = await app.call('plans.update', { id: plan.id, kind: 'qcdc', year: 2023, date: '2022-12-20', title: plan.title, reserveNumber: false, items: items.map(({ id, ...rest }) => (id ? { id, ...rest } : rest)) });
    expect(updated.items.map((i) => i.content)).toEqual([
      'Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở',
      'Tổ chức hội nghị đối thoại (sửa)',
      'Theo dõi, đôn đốc việc thực hiện kết luận của Ban Chỉ đạo',
      'Tổng kết năm 2023',
    ]);
    expect(updated.items[1]!.task.deadline).toBe('2023-07-31');
    expect(updated.items[0]!.task.progress).toBe(30);
    expect(updated.numberText).toBe('01-KH/BCĐ');

    const copy = await app.call('plans.copyFromYear', { sourceId: plan.id, year: 2024, date: '2023-12-22' });
    expect(copy.title).toBe('Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2024');
    expect(copy.numberText).toBeNull();
    expect(copy.copiedFromId).toBe(plan.id);
    expect(copy.items.map((i) => i.task.timingLabel)).toEqual(['Quý I/2024', 'Tháng 7/2024', 'Thường xuyên', 'Quý IV/2024']);
    expect(copy.items.every((i) => i.task.progress === 0 && i.task.status === 'chua_thuc_hien')).toBe(true);
    expect(copy.items[0]!.task.coordinatingUnits).toHaveLength(2);
  });

  it('prints the plan in the Party format (HTML, PDF, DOCX carry the same text)', async () => {
    app = await openWithProfile();
    const org = await seedOrganisation(app);
    const plan = await app.call('plans.create', plan2023(org));
    const printed = await app.call('plans.print', { id: plan.id });
    expect(printed.html).toContain('KẾ HOẠCH');
    const docx = await app.call('plans.export', { id: plan.id, format: 'docx' });
    expect(docx.fileName).toBe('ke-hoach-2023-ke-hoach-thuc-hien-quy-che-dan-chu-o-co-so-nam-2023.docx');
    const paragraphs = wordParagraphs(unzipEntry(docx.bytes, 'word/document.xml'));
    for (const line of ['KẾ HOẠCH', 'Số 01-KH/BCĐ', 'Bắc Kạn, ngày 20 tháng 12 năm 2022', 'I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG, NHIỆM VỤ', 'Quý I/2023', 'Ủy ban MTTQ tỉnh', 'T/M BAN CHỈ ĐẠO', 'Phương Thị Thanh']) {
      expect(paragraphs, line).toContain(line);
    }
    const file = await app.call('plans.export', { id: plan.id, format: 'pdf' });
    const pages = pdfPlain(file.bytes);
    expect(pages).toContain('Số 01-KH/BCĐ');
    expect(pages).toContain('Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở');
    expect(pages).toContain('Thường xuyên');
    pdfToPngs(file.bytes, 'ke-hoach-2023', ARTIFACTS);
  });
});
