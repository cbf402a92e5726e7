import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { DEFAULT_PROFILE } from '../../../shared/schemas/settings';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function committee(a: TestApp) {
  await a.call('settings.update', {
    profile: { ...DEFAULT_PROFILE, parentBody: 'ĐẢNG BỘ TỈNH BẮC KẠN', placeName: 'Bắc Kạn', headName: 'Phương Thị Thanh', signingMode: 'direct' },
  });
  const u1 = await a.call('units.create', { name: 'Đảng bộ huyện Chợ Mới', kind: 'dang_bo' });
  const u2 = await a.call('units.create', { name: 'Đảng bộ xã Yên Đĩnh', kind: 'xa_phuong', parentId: u1.id });
  const head = await a.call('members.create', { fullName: 'Phương Thị Thanh', role: 'truong_ban', position: 'Phó Bí thư Thường trực Tỉnh ủy' });
  const m = await a.call('members.create', { fullName: 'Hà Văn <Tám>', role: 'uy_vien', position: 'Trưởng Ban Dân vận' });
  await a.call('members.assign', { memberId: m.id, unitIds: [u2.id, u1.id] });
  return { head, m };
}

describe('printed assignment list', () => {
  it('builds Party-format HTML: header from settings, members by role, units parent-first, text escaped', async () => {
    app = await openTestApp();
    await committee(app);
    const { html } = await app.call('assignments.printHtml', { date: '2026-02-05' });
    expect(html).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(html).toContain('ĐẢNG BỘ TỈNH BẮC KẠN');
    expect(html).toContain('Bắc Kạn, ngày 05 tháng 02 năm 2026');
    expect(html).toContain('Hà Văn &lt;Tám&gt;');
    expect(html).not.toContain('<Tám>');
    expect(html).toContain('Đảng bộ huyện Chợ Mới; Đảng bộ xã Yên Đĩnh');
    expect(html.indexOf('Phương Thị Thanh')).toBeLessThan(html.indexOf('Hà Văn'));
    expect(html).toContain('TRƯỞNG BAN');
    expect(html).not.toContain('T/M BAN CHỈ ĐẠO'); // direct signing mode
  });

  it('exports the same list as a Word file', async () => {
    app = await openTestApp();
    await committee(app);
    const docx = await app.call('assignments.printDocx', { date: '2026-02-05' });
    expect(docx.fileName).toBe('danh-sach-phan-cong-2026-02-05.docx');
    const file = path.join(app.dir, docx.fileName);
    fs.writeFileSync(file, docx.bytes);
    const text = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, ' ');
    expect(text).toContain('DANH SÁCH');
    expect(text).toContain('Hà Văn &lt;Tám&gt;');
    expect(text).toContain('Bắc Kạn, ngày 05 tháng 02 năm 2026');
  });
});
