import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { unzipEntry, wordParagraphs } from '../export/support';
import { indicatorIds, seedQcdcUnits } from './support';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('inspection checklist by loại hình', () => {
  it('an inspection of an enterprise lists its loại hình’s requirements; findings are recorded and cited in the conclusion notice', async () => {
    app = await openTestApp({ now: '2022-12-20T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    const insp = await app.call('inspections.create', {
      year: 2022, date: '2022-09-01', topic: 'Việc thực hiện Quy chế dân chủ ở cơ sở', teams: [{ name: 'Đoàn số 1', members: [] }],
      targets: [{ unitId: u.dn.id, teamIndex: 0, visitDate: '2022-09-20' }, { unitId: u.xaA.id, teamIndex: 0, visitDate: '2022-09-21' }],
    });
    const dn = insp.targets.find((t) => t.unitId === u.dn.id)!;
    const names = dn.requirements!.map((r) => r.name);
    expect(names).toEqual(['Tổ chức hội nghị người lao động', 'Ban hành quy chế dân chủ ở cơ sở tại nơi làm việc', 'Có thỏa ước lao động tập thể', 'Có tổ chức công đoàn cơ sở']);
    expect(dn.requirements!.every((r) => r.met === null)).toBe(true);
    expect(insp.targets.find((t) => t.unitId === u.xaA.id)!.requirements!.map((r) => r.indicatorId)).toContain(ids.XA_BAN_TTND);

    const wrong = await app.invoke('inspections.recordVisit', { targetId: dn.id, findings: [{ indicatorId: ids.XA_BAN_TTND!, met: true }] });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'findings.0.indicatorId': 'Không thuộc loại hình này.' } } });

    const after = await app.call('inspections.recordVisit', {
      targetId: dn.id,
      strengths: 'Tổ chức hội nghị người lao động đúng quy định.',
      findings: [{ indicatorId: ids.DN_HN_NLD!, met: true }, { indicatorId: ids.DN_QUY_CHE!, met: false, note: 'Quy chế ban hành năm 2016, chưa sửa đổi' }],
    });
    const reqs = after.targets.find((t) => t.id === dn.id)!.requirements!;
    expect(reqs.find((r) => r.indicatorId === ids.DN_HN_NLD)!.met).toBe(true);
    expect(reqs.find((r) => r.indicatorId === ids.DN_QUY_CHE)).toMatchObject({ met: false, note: 'Quy chế ban hành năm 2016, chưa sửa đổi' });

    const file = await app.call('inspections.export', { id: insp.id, document: 'conclusion', targetId: dn.id, format: 'docx' });
    const text = wordParagraphs(unzipEntry(file.bytes, 'word/document.xml')).join('\n');
    expect(text).toContain('Đối chiếu 2 yêu cầu thực hiện Quy chế dân chủ ở cơ sở đối với loại hình tổ chức có sử dụng lao động: đạt 1/2 yêu cầu.');
    expect(text).toContain('Ban hành quy chế dân chủ ở cơ sở tại nơi làm việc');
    expect(text).toContain('Chưa đạt');
    expect(text).toContain('Quy chế ban hành năm 2016, chưa sửa đổi');
    // The commune's notice, with nothing assessed, has no checklist.
    const xa = await app.call('inspections.export', { id: insp.id, document: 'conclusion', targetId: after.targets.find((t) => t.unitId === u.xaA.id)!.id, format: 'docx' });
    expect(wordParagraphs(unzipEntry(xa.bytes, 'word/document.xml')).join('\n')).not.toContain('Đối chiếu');
  });
});
