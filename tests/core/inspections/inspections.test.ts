import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pdfToPngs, unzipEntry, wordParagraphs } from '../export/support';
import type { TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { seedOrganisation } from '../tasks/seed';
import { openWithProfile as openWith, pdfPlain, ARTIFACTS } from '../plans/support';

const pdf = new ChromiumPdfRenderer();
let app: TestApp | null = null;
const openWithProfile = (now?: string) => openWith(pdf, now);

beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));
afterAll(async () => pdf.close());
afterEach(async () => {
  await app?.close();
  app = null;
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
