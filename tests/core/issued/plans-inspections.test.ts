/**
 * The plan (KH) and an inspection's conclusion notice are issued the way the meeting's papers are:
 * `plans.issue` / `inspections.issueConclusion` keep PDF + DOCX with SHA-256 and the snapshot; an
 * export then returns those bytes whatever changes later (live=true renders today's data); a
 * second issue needs a reason and makes v2. Real SQLite, real Chromium.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { openTestApp, type TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { seedOrganisation } from '../tasks/seed';
import { BAC_KAN_PROFILE } from '../../support/profiles';
import { pdfPages } from '../export/support';

const pdf = new ChromiumPdfRenderer();
let app: TestApp | null = null;
afterAll(async () => pdf.close());
afterEach(async () => {
  await app?.close();
  app = null;
});
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function open(now: string) {
  const a = await openTestApp({ now, renderPdf: (html, o) => pdf.render(html, o) });
  await a.call('settings.update', { profile: { ...BAC_KAN_PROFILE, headName: 'Phương Thị Thanh' } });
  app = a;
  return a;
}

describe('issuing a plan and an inspection conclusion', () => {
  it('freezes the issued plan; a later issue needs a reason and makes v2', async () => {
    const a = await open('2022-12-20T02:00:00.000Z');
    const org = await seedOrganisation(a);
    const plan = await a.call('plans.create', {
      kind: 'qcdc',
      year: 2023,
      date: '2022-12-20',
      title: 'Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023',
      purpose: 'Bảo đảm quyền làm chủ của Nhân dân.',
      reserveNumber: true,
      items: [{ groupLabel: 'Tuyên truyền', content: 'Tuyên truyền Luật Thực hiện dân chủ ở cơ sở', leadUnitId: org.mttq.id, timing: { kind: 'quarter', value: '2023-Q1' } }],
    });
    const v1 = await a.call('plans.issue', { id: plan.id });
    expect(v1).toMatchObject({ docType: 'plan', version: 1, numberText: plan.numberText, reason: 'Ban hành lần đầu' });
    expect(v1.files.map((f) => f.fileName)).toEqual([`Kế hoạch số ${plan.numberText!.replace('/', '-')} ngày 20-12-2022.pdf`, `Kế hoạch số ${plan.numberText!.replace('/', '-')} ngày 20-12-2022.docx`]);

    await a.call('settings.update', { profile: { ...BAC_KAN_PROFILE, headName: 'Người Khác' } });
    for (const format of ['pdf', 'docx'] as const) {
      const file = await a.call('plans.export', { id: plan.id, format });
      expect(sha(file.bytes)).toBe(v1.files.find((f) => f.format === format)!.sha256);
    }
    const live = await a.call('plans.export', { id: plan.id, format: 'pdf', live: true });
    expect(pdfPages(live.bytes).join('\n')).toContain('Người Khác');

    const noReason = await a.invoke('plans.issue', { id: plan.id });
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.error.message).toContain('cần ghi lý do ban hành lại');
    expect(await a.call('issued.list', { ownerType: 'plan', ownerId: plan.id })).toHaveLength(1);
    const v2 = await a.call('plans.issue', { id: plan.id, reason: 'Đổi người ký theo phân công mới' });
    expect(v2).toMatchObject({ version: 2, reason: 'Đổi người ký theo phân công mới' });
    expect(pdfPages((await a.call('plans.export', { id: plan.id, format: 'pdf' })).bytes).join('\n')).toContain('Người Khác');
    expect(pdfPages((await a.call('issued.get', { id: v1.id, format: 'pdf' })).bytes).join('\n')).toContain('Phương Thị Thanh');
  });

  it('numbers the conclusion notice of one unit from the register when it is issued, and freezes it', async () => {
    const a = await open('2023-03-01T02:00:00.000Z');
    const org = await seedOrganisation(a);
    const insp = await a.call('inspections.create', {
      year: 2023,
      date: '2023-03-01',
      topic: 'Việc thực hiện Quy chế dân chủ ở cơ sở',
      targets: [{ unitId: org.choMoi.id, visitDate: '2023-03-13' }],
    });
    const target = insp.targets[0]!;
    await a.call('inspections.recordVisit', { targetId: target.id, strengths: 'Công khai đầy đủ.' });
    const draft = pdfPages((await a.call('inspections.export', { id: insp.id, document: 'conclusion', targetId: target.id, format: 'pdf' })).bytes).join('\n');
    expect(draft).toMatch(/Số\s+-TB\/BCĐ/);

    const v1 = await a.call('inspections.issueConclusion', { id: insp.id, targetId: target.id });
    expect(v1).toMatchObject({ docType: 'inspection_conclusion', ownerType: 'inspection', ownerRef: target.id, version: 1, numberText: '01-TB/BCĐ' });
    await a.call('inspections.recordVisit', { targetId: target.id, strengths: 'Đã sửa sau khi ban hành.' });
    const issued = await a.call('inspections.export', { id: insp.id, document: 'conclusion', targetId: target.id, format: 'pdf' });
    expect(sha(issued.bytes)).toBe(v1.files[0]!.sha256);
    const text = pdfPages(issued.bytes).join('\n');
    expect(text).toContain('Số 01-TB/BCĐ');
    expect(text).toContain('Công khai đầy đủ.');

    const v2 = await a.call('inspections.issueConclusion', { id: insp.id, targetId: target.id, reason: 'Bổ sung ưu điểm sau khi đơn vị giải trình' });
    expect(v2).toMatchObject({ version: 2, numberText: '01-TB/BCĐ' }); // the number stays with the notice
    const numbers = await a.ctx.db.selectFrom('doc_numbers').select('number_text').where('kind_code', '=', 'TB').execute();
    expect(numbers).toHaveLength(1);
    const bad = await a.invoke('inspections.issueConclusion', { id: insp.id, targetId: '0190a8b2-0000-7000-8000-000000000000' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe('Không tìm thấy đơn vị được kiểm tra.');
  });
});
