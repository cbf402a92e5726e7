import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { seedOrganisation } from '../tasks/seed';
import { pdfToPngs, unzipEntry, wordParagraphs } from '../export/support';
import type { ChannelInput } from '../../../shared/contract';
import { execFileSync } from 'node:child_process';
import { BAC_KAN_PROFILE } from '../../support/profiles';

/** PDF text in reading order (cell by cell), whitespace collapsed, so wrapped cells read whole. */
function pdfPlain(bytes: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qcdc-plans-pdf-')), 'doc.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const ARTIFACTS = path.resolve(__dirname, '../../../test-results/plans');
const pdf = new ChromiumPdfRenderer();
let app: TestApp | null = null;

beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));
afterAll(async () => pdf.close());
afterEach(async () => {
  await app?.close();
  app = null;
});

/** 20/12/2022, 09:00 in Bắc Kạn. */
const DEC_20 = '2022-12-20T02:00:00.000Z';

async function openWithProfile(now = DEC_20) {
  const a = await openTestApp({ now, renderPdf: (html, o) => pdf.render(html, o) });
  await a.call('settings.update', {
    profile: { ...BAC_KAN_PROFILE, headName: 'Phương Thị Thanh' },
  });
  return a;
}

function plan2023(org: Awaited<ReturnType<typeof seedOrganisation>>): ChannelInput<'plans.create'> {
  return {
    kind: 'qcdc',
    year: 2023,
    date: '2022-12-20',
    title: 'Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023',
    purpose: 'Tiếp tục nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền về thực hiện dân chủ ở cơ sở.\nBảo đảm quyền làm chủ của Nhân dân.',
    implementation: 'Cơ quan thường trực Ban Chỉ đạo theo dõi, đôn đốc, tổng hợp kết quả, báo cáo Trưởng ban.',
    reserveNumber: true,
    items: [
      {
        groupLabel: 'Công tác tuyên truyền',
        content: 'Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở',
        leadUnitId: org.mttq.id,
        coordinatingUnitIds: [org.choMoi.id, org.baBe.id],
        timing: { kind: 'quarter', value: '2023-Q1' },
        expectedOutput: 'Báo cáo kết quả tuyên truyền',
      },
      {
        groupLabel: 'Công tác tuyên truyền',
        content: 'Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân',
        leadUnitId: org.choMoi.id,
        timing: { kind: 'month', value: '2023-06' },
      },
      {
        groupLabel: 'Kiểm tra, giám sát',
        content: 'Kiểm tra việc thực hiện dân chủ theo loại hình',
        leadMemberId: org.head.id,
        timing: { kind: 'date', value: '2023-09-15' },
      },
      {
        groupLabel: 'Kiểm tra, giám sát',
        content: 'Theo dõi, đôn đốc việc thực hiện kết luận của Ban Chỉ đạo',
        leadText: 'Ban Dân vận Tỉnh ủy',
        timing: { kind: 'recurring', value: 'quarter' },
      },
    ],
  };
}

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

describe('inspections', () => {
  it('records an inspection with two recommendations and closes one', async () => {
    app = await openWithProfile('2023-03-01T02:00:00.000Z');
    const org = await seedOrganisation(app);
    const insp = await app.call('inspections.create', {
      kind: 'kiem_tra',
      year: 2023,
      date: '2023-03-01',
      topic: 'Việc thực hiện Quy chế dân chủ ở cơ sở theo loại hình',
      startDate: '2023-03-13',
      endDate: '2023-03-24',
      reportBeforeDays: 5,
      teams: [
        {
          name: 'Đoàn số 1',
          members: [
            { memberId: org.head.id, role: 'truong_doan' },
            { fullName: 'Nông Thị Lan', role: 'giup_viec', position: 'Chuyên viên' },
            { memberId: org.officer.id, role: 'theo_doi_dia_ban' },
          ],
        },
      ],
      targets: [
        { unitId: org.choMoi.id, teamIndex: 0, visitDate: '2023-03-13' },
        { unitId: org.doanhNghiep.id, teamIndex: 0, visitDate: '2023-03-20' },
      ],
    });
    expect(insp.teams[0]!.members[0]).toMatchObject({ fullName: 'Phương Thị Thanh', role: 'truong_doan' });
    const [choMoi, dn] = insp.targets;
    expect(choMoi).toMatchObject({ unitName: 'Huyện ủy Chợ Mới', qcdcTypeLabel: 'Xã, phường, thị trấn', reportDueDate: '2023-03-06', reportState: 'pending' });
    expect(dn!.qcdcTypeLabel).toBe('Tổ chức có sử dụng lao động');

    app.clock.set('2023-03-14T02:00:00.000Z');
    const visited = await app.call('inspections.recordVisit', {
      targetId: choMoi!.id,
      reportReceivedDate: '2023-03-08',
      strengths: 'Cấp ủy quan tâm lãnh đạo; thực hiện tốt việc công khai.',
      shortcomings: 'Hội nghị đối thoại chưa được tổ chức định kỳ.',
      conclusions: 'Đơn vị thực hiện cơ bản đầy đủ các nội dung.',
    });
    expect(visited.targets[0]).toMatchObject({ reportState: 'late', reportReceivedDate: '2023-03-08' });
    expect(visited.targets[1]).toMatchObject({ reportState: 'missing' });

    const bad = await app.invoke('inspections.addRecommendation', { targetId: choMoi!.id, content: 'X', deadline: '2023-03-01' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe('Hạn thực hiện kiến nghị trước ngày làm việc (13/03/2023).');

    await app.call('inspections.addRecommendation', { targetId: choMoi!.id, content: 'Tổ chức hội nghị đối thoại định kỳ với Nhân dân', deadline: '2023-06-30' });
    app.clock.set('2023-03-14T02:05:00.000Z');
    const withTwo = await app.call('inspections.addRecommendation', { targetId: choMoi!.id, content: 'Kiện toàn Ban Thanh tra nhân dân', deadline: '2023-04-30' });
    const recs = withTwo.targets[0]!.recommendations;
    expect(recs.map((r) => r.title)).toEqual(['Tổ chức hội nghị đối thoại định kỳ với Nhân dân', 'Kiện toàn Ban Thanh tra nhân dân']);
    expect(recs[0]!.ownerLabel).toBe('Huyện ủy Chợ Mới');
    expect(withTwo.openRecommendationCount).toBe(2);

    app.clock.set('2023-04-20T02:00:00.000Z');
    await app.call('tasks.addUpdate', { taskId: recs[1]!.id, date: '2023-04-20', progress: 100, note: 'Đã kiện toàn theo Quyết định số 15' });
    const after = await app.call('inspections.get', { id: insp.id });
    expect(after.openRecommendationCount).toBe(1);
    expect(after.targets[0]!.recommendations.map((r) => r.status)).toEqual(['chua_thuc_hien', 'hoan_thanh']);
    const detail = await app.call('tasks.get', { id: recs[1]!.id });
    expect(detail.updates.map((u) => [u.date, u.progress, u.note])).toEqual([['2023-04-20', 100, 'Đã kiện toàn theo Quyết định số 15']]);
    expect((await app.call('inspections.list', { year: 2023 }))[0]).toMatchObject({ recommendationCount: 2, openRecommendationCount: 1, targetCount: 2 });

    app.clock.set('2023-07-01T02:00:00.000Z');
    const overdue = await app.call('tasks.list', { overdue: true, sourceType: 'inspection' });
    expect(overdue.items.map((t) => t.title)).toEqual(['Tổ chức hội nghị đối thoại định kỳ với Nhân dân']);

    const planHtml = await app.call('inspections.print', { id: insp.id, document: 'plan' });
    const planPdf = await pdf.render(planHtml.html);
    const planText = pdfPlain(planPdf);
    expect(planText).toContain('Đồng chí Phương Thị Thanh');
    expect(planText).toContain('06/03/2023');
    pdfToPngs(planPdf, 'ke-hoach-kiem-tra', ARTIFACTS);
    const notice = await app.call('inspections.print', { id: insp.id, document: 'conclusion', targetId: choMoi!.id });
    const noticePdf = await pdf.render(notice.html);
    const noticeText = pdfPlain(noticePdf);
    expect(noticeText).toContain('THÔNG BÁO');
    expect(noticeText).toContain('Kiện toàn Ban Thanh tra nhân dân (hoàn thành trước ngày 30/04/2023)');
    pdfToPngs(noticePdf, 'thong-bao-ket-luan', ARTIFACTS);
    const noticeDocx = await app.call('inspections.export', { id: insp.id, document: 'conclusion', targetId: choMoi!.id, format: 'docx' });
    const noticeParagraphs = wordParagraphs(unzipEntry(noticeDocx.bytes, 'word/document.xml'));
    expect(noticeParagraphs).toContain('THÔNG BÁO');
    expect(noticeParagraphs).toContain('tại Huyện ủy Chợ Mới');
    expect(noticeParagraphs.join('\n')).toContain('Kiện toàn Ban Thanh tra nhân dân (hoàn thành trước ngày 30/04/2023).');
  });
});

describe('inspection updates', () => {
  it('keeps findings of kept units and retires the recommendations of a removed one', async () => {
    app = await openWithProfile('2023-03-01T02:00:00.000Z');
    const org = await seedOrganisation(app);
    const insp = await app.call('inspections.create', {
      year: 2023,
      date: '2023-03-01',
      topic: 'Dân vận khéo',
      targets: [
        { unitId: org.choMoi.id, visitDate: '2023-03-13' },
        { unitId: org.baBe.id, visitDate: '2023-03-14' },
      ],
    });
    const [a, b] = insp.targets;
    await app.call('inspections.recordVisit', { targetId: a!.id, strengths: 'Làm tốt.' });
    await app.call('inspections.addRecommendation', { targetId: b!.id, content: 'Khắc phục hạn chế', deadline: '2023-05-31' });
    const bad = await app.invoke('inspections.update', { id: insp.id, year: 2023, date: '2023-03-01', topic: 'Dân vận khéo' });
    expect(bad.ok).toBe(false);
    const updated = await app.call('inspections.update', {
      id: insp.id,
      year: 2023,
      date: '2023-03-01',
      topic: 'Dân vận khéo (sửa)',
      teams: [],
      targets: [{ id: a!.id, unitId: org.choMoi.id, visitDate: '2023-03-15' }],
    });
    expect(updated.targets).toHaveLength(1);
    expect(updated.targets[0]).toMatchObject({ id: a!.id, strengths: 'Làm tốt.', visitDate: '2023-03-15' });
    expect(updated.recommendationCount).toBe(0);
    expect((await app.call('tasks.list', { sourceType: 'inspection' })).total).toBe(0);
  });
});

describe('unit reports', () => {
  it('gives the on time / late / missing matrix for the clock and exports it', async () => {
    app = await openWithProfile('2023-06-01T02:00:00.000Z');
    const org = await seedOrganisation(app);
    const six = await app.call('unitReports.createPeriod', { type: 'six_month', year: 2023, title: 'Báo cáo 6 tháng đầu năm 2023', dueDate: '2023-06-15', unitIds: [] });
    const thematic = await app.call('unitReports.createPeriod', { type: 'thematic', year: 2023, title: 'Báo cáo chuyên đề đối thoại', dueDate: '2023-08-31', unitIds: [org.choMoi.id, org.baBe.id] });
    app.clock.set('2023-06-20T02:00:00.000Z');
    await app.call('unitReports.record', { periodId: six.id, unitId: org.choMoi.id, receivedDate: '2023-06-14' });
    await app.call('unitReports.record', { periodId: six.id, unitId: org.baBe.id, receivedDate: '2023-06-18' });
    const future = await app.invoke('unitReports.record', { periodId: six.id, unitId: org.mttq.id, receivedDate: '2023-07-01' });
    expect(future.ok).toBe(false);
    const m = await app.call('unitReports.matrix', { year: 2023 });
    expect(m.periods.map((p) => p.id)).toEqual([six.id, thematic.id]);
    const byUnit = Object.fromEntries(m.rows.map((r) => [r.unitName, r.cells.map((c) => (c ? `${c.state}${c.daysLate ?? ''}` : '-'))]));
    expect(byUnit).toEqual({
      'Huyện ủy Ba Bể': ['late3', 'pending'],
      'Huyện ủy Chợ Mới': ['onTime', 'pending'],
      'Đảng bộ Khối Doanh nghiệp': ['missing5', '-'],
      'Ủy ban MTTQ tỉnh': ['missing5', '-'],
    });
    expect(m.totals[0]).toEqual({ periodId: six.id, onTime: 1, late: 1, missing: 2, pending: 0 });

    const xlsx = await app.call('unitReports.export', { year: 2023 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getSheetValues().flat().map(String).join('|');
    expect(values).toContain('Chậm 3 ngày');
    expect(values).toContain('Huyện ủy Chợ Mới');
    const printed = await app.call('unitReports.print', { year: 2023 });
    const text = pdfPlain(await pdf.render(printed.html, { landscape: true }));
    expect(text).toContain('Chậm 3 ngày');
    pdfToPngs(await pdf.render(printed.html, { landscape: true }), 'theo-doi-bao-cao', ARTIFACTS);
  });
});

describe('calendar', () => {
  it('shows plan items due and inspection visits in a month', async () => {
    app = await openWithProfile();
    const org = await seedOrganisation(app);
    await app.call('plans.create', plan2023(org));
    await app.call('inspections.create', { year: 2023, date: '2023-03-01', topic: 'Dân vận khéo', targets: [{ unitId: org.baBe.id, visitDate: '2023-03-15' }] });
    const march = await app.call('calendar.month', { year: 2023, month: 3 });
    expect(march.events.map((e) => [e.date, e.kind, e.title])).toEqual([
      ['2023-03-15', 'inspection', 'Kiểm tra Huyện ủy Ba Bể'],
      ['2023-03-31', 'task', 'Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở'],
    ]);
    // April 2023 holds Giỗ Tổ (29/4, a Saturday) and 30/4; their compensating days fall in May.
    const april = await app.call('calendar.month', { year: 2023, month: 4 });
    expect(april.events.filter((e) => e.kind === 'holiday').map((e) => [e.date, e.title])).toEqual([
      ['2023-04-29', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2023-04-30', 'Ngày Chiến thắng (30/4)'],
    ]);
  });
});
