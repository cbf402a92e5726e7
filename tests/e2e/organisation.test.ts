import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, startE2EApp, type E2EApp } from './support/harness';

/*
 * From an empty database through the first-run wizard to a committee of 11 đảng bộ trực thuộc with
 * their cơ sở and 20 members with assignments; then every organisation screen, and the printed
 * assignment list checked as PDF text (Party header with diacritics) and rendered to PNG.
 */

const UNITS: Array<[string, string[]]> = [
  ['Đảng bộ thành phố Bắc Kạn', ['Đảng bộ phường Đức Xuân', 'Đảng bộ phường Sông Cầu', 'Đảng bộ xã Dương Quang']],
  ['Đảng bộ huyện Ba Bể', ['Đảng bộ xã Chu Hương', 'Đảng bộ xã Nam Mẫu']],
  ['Đảng bộ huyện Bạch Thông', ['Đảng bộ xã Quân Hà', 'Đảng bộ thị trấn Phủ Thông']],
  ['Đảng bộ huyện Chợ Đồn', ['Đảng bộ xã Đồng Thắng', 'Đảng bộ thị trấn Bằng Lũng']],
  ['Đảng bộ huyện Chợ Mới', ['Đảng bộ xã Yên Đĩnh', 'Đảng bộ xã Thanh Mai', 'Đảng bộ xã Như Cố']],
  ['Đảng bộ huyện Na Rì', ['Đảng bộ xã Kim Hỷ', 'Đảng bộ thị trấn Yến Lạc']],
  ['Đảng bộ huyện Ngân Sơn', ['Đảng bộ xã Vân Tùng', 'Đảng bộ xã Đức Vân']],
  ['Đảng bộ huyện Pác Nặm', ['Đảng bộ xã Bộc Bố', 'Đảng bộ xã Nghiên Loan']],
  ['Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh', ['Chi bộ Sở Tài chính', 'Chi bộ Công ty Điện lực Bắc Kạn']],
  ['Đảng bộ Quân sự tỉnh', ['Chi bộ Ban Chỉ huy Quân sự huyện Chợ Mới']],
  ['Đảng bộ Công an tỉnh', ['Chi bộ Phòng Cảnh sát giao thông']],
];
const CHILD_COUNT = UNITS.reduce((n, [, c]) => n + c.length, 0);

const MEMBERS: Array<[string, string, string, string]> = [
  ['Phương Thị Thanh', 'Trưởng ban', 'Phó Bí thư Thường trực Tỉnh ủy', ''],
  ['Hà Văn Tám', 'Phó Trưởng ban thường trực', 'Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy', ''],
  ['Đinh Quang Tuyên', 'Phó Trưởng ban', 'Phó Chủ tịch UBND tỉnh', ''],
  ['Đỗ Thị Minh Hoa', 'Phó Trưởng ban', 'Chủ tịch Ủy ban MTTQ Việt Nam tỉnh', ''],
  ['Nguyễn Văn Dũng', 'Ủy viên', 'Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Đảng bộ thành phố Bắc Kạn'],
  ['Lường Thị Đào', 'Ủy viên', 'Chủ tịch Hội Liên hiệp Phụ nữ tỉnh', 'Đảng bộ huyện Ba Bể'],
  ['Trần Quốc Bình', 'Ủy viên', 'Giám đốc Sở Nội vụ', 'Đảng bộ huyện Bạch Thông'],
  ['Dương Văn An', 'Ủy viên', 'Chủ tịch Hội Nông dân tỉnh', 'Đảng bộ huyện Chợ Đồn'],
  ['Hoàng Thị Ánh', 'Ủy viên', 'Bí thư Tỉnh đoàn', 'Đảng bộ huyện Chợ Mới; Đảng bộ xã Yên Đĩnh'],
  ['Ma Văn Sơn', 'Ủy viên', 'Chủ tịch Liên đoàn Lao động tỉnh', 'Đảng bộ huyện Na Rì'],
  ['Nông Thị Hằng', 'Ủy viên', 'Chủ tịch Hội Cựu chiến binh tỉnh', 'Đảng bộ huyện Ngân Sơn'],
  ['Lý Văn Páo', 'Ủy viên', 'Phó Chánh Văn phòng Tỉnh ủy', 'Đảng bộ huyện Pác Nặm'],
  ['Triệu Đức Hùng', 'Ủy viên', 'Phó Bí thư Đảng ủy Khối', 'Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh'],
  ['Lâm Văn Khánh', 'Ủy viên', 'Chính ủy Bộ Chỉ huy Quân sự tỉnh', 'Đảng bộ Quân sự tỉnh'],
  ['Bế Thị Lan', 'Ủy viên', 'Phó Giám đốc Công an tỉnh', 'Đảng bộ Công an tỉnh'],
  ['Phạm Ngọc Đức', 'Ủy viên', 'Phó Giám đốc Sở Tư pháp', ''],
  ['Vi Thị Hương', 'Ủy viên', 'Phó Chủ tịch Hội Chữ thập đỏ tỉnh', ''],
  ['Lục Văn Minh', 'Tổ giúp việc', 'Trưởng phòng Dân vận', ''],
  ['Hà Thị Thu', 'Tổ giúp việc', 'Chuyên viên Ban Tuyên giáo và Dân vận', ''],
  ['Ngô Đức Thịnh', 'Thư ký', 'Chuyên viên Ban Tuyên giáo và Dân vận', ''],
];

async function membersWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thành viên');
  ws.addRow(['DANH SÁCH THÀNH VIÊN BAN CHỈ ĐẠO QCDC VÀ DÂN VẬN KHÉO TỈNH']);
  ws.addRow(['(Kèm theo Quyết định số 15-QĐ/TU)']);
  ws.addRow([]);
  ws.addRow(['TT', 'Họ và tên ', 'Chức vụ', 'Chức danh trong BCĐ', 'Đơn vị phụ trách']);
  ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)']);
  MEMBERS.forEach(([name, role, position, units], i) => ws.addRow([i + 1, name, position, role, units]));
  fs.writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

let app: E2EApp;
beforeAll(async () => {
  app = await startE2EApp({ now: '2026-11-27T02:00:00.000Z' });
  // A crash in the page shows up in the test output instead of as a bare timeout.
  app.page.on('pageerror', (err) => console.error('[page error]', err.message));
}, 120_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await app.screenshot(`failed-${ctx.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`);
});
afterAll(async () => {
  await app?.close();
});

describe('organisation end to end', () => {
  it('goes from an empty database through the wizard to 11 units with their cơ sở and 20 members', async () => {
    const page = app.page;
    await app.open('/');
    await page.waitForURL(/#\/thiet-lap/);
    await page.getByRole('heading', { name: 'Thiết lập ban đầu' }).waitFor();

    // Step 1: organisation profile.
    await page.getByLabel('Tên cơ quan cấp trên').fill('ĐẢNG BỘ TỈNH BẮC KẠN');
    await page.getByLabel('Cơ quan thường trực').fill('Ban Tuyên giáo và Dân vận Tỉnh ủy');
    await page.getByLabel('Địa danh').fill('Bắc Kạn');
    await page.getByLabel('Họ tên Trưởng ban').fill('Phương Thị Thanh');
    await app.screenshot('organisation-wizard-1-profile');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();

    // Step 2: the units as a quick list.
    const list = UNITS.map(([top, children]) => [top, ...children.map((c) => `- ${c}`)].join('\n')).join('\n');
    await page.getByRole('textbox', { name: 'Danh sách đơn vị' }).fill(list);
    await page.getByText(`Sẽ thêm: 11 đơn vị trực thuộc, ${CHILD_COUNT} cơ sở`).waitFor();
    await app.screenshot('organisation-wizard-2-units');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();

    // Step 3: members from Excel, with their assignments.
    await page.getByRole('table', { name: 'Thành viên Ban Chỉ đạo' }).waitFor();
    const xlsx = path.join(app.dataDir, 'thanh-vien.xlsx');
    await membersWorkbook(xlsx);
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn tệp Excel (.xlsx)' }).click();
    await (await chooser).setFiles(xlsx);
    await page.getByText('Hợp lệ 20').waitFor();
    await page.getByText('Dòng tiêu đề: 4').waitFor();
    await app.screenshot('organisation-wizard-3-import-preview');
    await page.getByRole('button', { name: 'Nhập 20 dòng hợp lệ' }).click();
    await page.getByText('Đã có 20 thành viên').waitFor();
    await app.screenshot('organisation-wizard-3-members');
    await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
    await page.getByText('Đã thiết lập xong').waitFor();
    await app.screenshot('organisation-wizard-4-done');
    await page.getByRole('button', { name: 'Vào trang Tổng quan' }).click();
    await page.waitForURL(/#\/tong-quan/);

    // What the wizard stored, through the automation API.
    const settings = await app.rpc('settings.get', {});
    expect(settings.ok && settings.data.configured).toBe(true);
    const units = await app.rpc('units.list', {});
    if (!units.ok) throw new Error(units.error.message);
    expect(units.data.items.filter((u) => u.depth === 0)).toHaveLength(11);
    expect(units.data.items.filter((u) => u.depth === 1)).toHaveLength(CHILD_COUNT);
    expect(units.data.items.find((u) => u.name === 'Đảng bộ xã Yên Đĩnh')).toMatchObject({ kind: 'xa_phuong', qcdcType: 'xa_phuong', path: ['Đảng bộ huyện Chợ Mới'] });
    const members = await app.rpc('members.list', { order: 'role' });
    if (!members.ok) throw new Error(members.error.message);
    expect(members.data.total).toBe(20);
    expect(members.data.items[0]).toMatchObject({ fullName: 'Phương Thị Thanh', role: 'truong_ban' });
    const assignments = await app.rpc('assignments.list', {});
    if (!assignments.ok) throw new Error(assignments.error.message);
    expect(assignments.data.items).toHaveLength(12);
  }, 120_000);

  it('assigns many units at once on the assignment screen', async () => {
    const page = app.page;
    const members = await app.rpc('members.list', { search: 'pham ngoc duc' });
    if (!members.ok) throw new Error(members.error.message);
    const duc = members.data.items[0]!;
    await app.open(`/don-vi/phan-cong?member=${duc.id}`);
    await page.getByRole('heading', { name: 'Phạm Ngọc Đức' }).waitFor();
    await page.getByRole('button', { name: 'chọn cả 3 cơ sở' }).first().click();
    await page.getByRole('checkbox', { name: 'Phụ trách Đảng bộ huyện Ba Bể' }).check();
    await page.getByText('Đã chọn 5 đơn vị').waitFor();
    await app.screenshot('organisation-assignments');
    await page.getByRole('button', { name: 'Lưu phân công' }).click();
    await page.getByText(/Đã lưu phân công/).waitFor();
    const after = await app.rpc('assignments.list', { memberId: duc.id });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.data.items.map((a) => a.unitName).sort()).toEqual(
      ['Đảng bộ huyện Ba Bể', 'Đảng bộ phường Sông Cầu', 'Đảng bộ phường Đức Xuân', 'Đảng bộ thành phố Bắc Kạn', 'Đảng bộ xã Dương Quang'].sort(),
    );
  }, 60_000);

  it('shows the unit tree, searches without diacritics and merges with confirmation', async () => {
    const page = app.page;
    await app.open('/don-vi');
    await page.getByRole('table', { name: 'Cây đơn vị' }).waitFor();
    await page.getByText('Đảng bộ huyện Pác Nặm').first().waitFor();
    await app.screenshot('organisation-units-tree');
    await page.getByRole('textbox', { name: 'Tìm đơn vị' }).fill('dong thang');
    await page.getByText('Tìm thấy 1 đơn vị').waitFor();
    await app.screenshot('organisation-units-search');
    await page.getByRole('textbox', { name: 'Tìm đơn vị' }).fill('');
    await page.getByRole('button', { name: 'Thao tác khác với Đảng bộ xã Như Cố' }).click();
    await page.getByRole('menuitem', { name: 'Sáp nhập, giải thể…' }).click();
    await page.getByLabel('Đơn vị tiếp nhận').first().fill('thanh mai');
    await page.getByRole('option', { name: /Đảng bộ xã Thanh Mai/ }).click();
    await page.getByLabel('Ngày kết thúc hoạt động (ngày cuối cùng)').fill('30/06/2025');
    await page.getByLabel('Căn cứ, ghi chú').fill('Nghị quyết số 1234/NQ-UBTVQH15');
    await app.screenshot('organisation-units-merge');
    await page.getByRole('button', { name: 'Sáp nhập…' }).click();
    await page.getByText(/Số liệu từ năm 2026 được cộng vào/).waitFor();
    await app.screenshot('organisation-units-merge-confirm');
    await page.getByRole('button', { name: 'Xác nhận sáp nhập' }).click();
    await page.getByText('Đã sáp nhập vào Đảng bộ xã Thanh Mai (từ sau 30/06/2025)').waitFor();
    const units = await app.rpc('units.list', { search: 'nhu co' });
    expect(units.ok && units.data.items[0]?.validTo).toBe('2025-06-30');
  }, 60_000);

  it('shows members by given name, the catalogues and the number register', async () => {
    const page = app.page;
    await app.open('/don-vi/thanh-vien');
    await page.getByRole('table', { name: 'Danh sách thành viên' }).waitFor();
    const names = await page.getByRole('table', { name: 'Danh sách thành viên' }).locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(names.slice(0, 3)).toEqual(['Dương Văn An', 'Hoàng Thị Ánh', 'Trần Quốc Bình']);
    await app.screenshot('organisation-members');
    await page.getByRole('button', { name: 'Sửa Hà Văn Tám' }).click();
    await page.getByRole('dialog', { name: 'Sửa thông tin: Hà Văn Tám' }).waitFor();
    await page.getByLabel('Thư điện tử').fill('khong-hop-le');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Thư điện tử không hợp lệ.').waitFor();
    await app.screenshot('organisation-member-form');
    await page.getByLabel('Thư điện tử').fill('tam.hv@backan.gov.vn');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu thông tin đồng chí Hà Văn Tám.').waitFor();

    await app.open('/don-vi');
    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc Đảng bộ Công an tỉnh' }).click();
    await page.getByLabel('Tên đơn vị').fill('Chi bộ Phòng Tham mưu');
    // The kind is suggested from the name; the QCDC type follows the parent (lực lượng vũ trang).
    await expect.poll(() => page.getByLabel('Loại đơn vị').first().inputValue()).toBe('Chi bộ');
    await expect.poll(() => page.getByLabel('Loại hình thực hiện dân chủ ở cơ sở').first().inputValue()).toBe('Lực lượng vũ trang');
    await app.screenshot('organisation-unit-form');
    await page.getByRole('button', { name: 'Thêm đơn vị', exact: true }).last().click();
    await page.getByText('Đã thêm đơn vị «Chi bộ Phòng Tham mưu».').waitFor();
    await page.getByRole('button', { name: 'Nhập Excel' }).click();
    await page.getByRole('dialog', { name: 'Nhập danh sách đơn vị từ Excel' }).waitFor();
    await app.screenshot('organisation-units-import');
    await page.keyboard.press('Escape');

    await app.open('/don-vi/danh-muc');
    await page.getByRole('table', { name: 'Danh mục Lĩnh vực' }).waitFor();
    await page.getByRole('button', { name: 'Dùng mẫu tỉnh Bắc Kạn (4 nhóm)' }).click();
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Tên dòng 8' }).inputValue()).toBe('Giữ gìn bản sắc văn hóa dân tộc gắn với du lịch, dịch vụ');
    await app.screenshot('organisation-catalogues');

    await app.rpc('docNumbers.reserve', { kindCode: 'CV', date: '2026-11-02', summary: 'V/v đăng ký mô hình "Dân vận khéo" năm 2027' });
    const reserved = await app.rpc('docNumbers.reserve', { kindCode: 'BB', date: '2026-11-20', summary: 'Hội nghị Ban Chỉ đạo quý IV năm 2026' });
    expect(reserved.ok && reserved.data.numberText).toBe('01-BB/BCĐ');
    await app.rpc('docNumbers.reserve', { kindCode: 'KH', date: '2026-11-25', summary: 'Kế hoạch thực hiện QCDC ở cơ sở năm 2027' });
    await app.open('/don-vi/so-van-ban');
    await page.getByRole('table', { name: 'Sổ số văn bản' }).waitFor();
    await page.getByRole('button', { name: 'Cấp số văn bản' }).first().click();
    await page.getByLabel('Số tự nhập (để trống để lấy số tiếp theo)').fill('1');
    await page.getByRole('button', { name: 'Cấp số', exact: true }).click();
    await page.getByRole('alertdialog').getByText(/Số 01-CV\/BCĐ đã được cấp cho/).waitFor();
    await app.screenshot('organisation-docnumbers-duplicate');
    await page.getByRole('button', { name: 'Vẫn dùng số này' }).click();
    await page.getByText('Đã cấp số 01-CV/BCĐ.').waitFor();
    const register = await app.rpc('docNumbers.list', { kindCode: 'CV' });
    expect(register.ok && register.data.items.map((n) => `${n.numberText} ${n.manual ? 'tự nhập' : 'tự động'}`).sort()).toEqual(['01-CV/BCĐ tự nhập', '01-CV/BCĐ tự động']);
    expect((await app.rpc('docNumbers.list', {})).ok).toBe(true);
    await page.getByRole('table', { name: 'Sổ số văn bản' }).getByText('01-BB/BCĐ').waitFor();
    await app.screenshot('organisation-docnumbers');
  }, 60_000);

  it('prints the assignment list as a Party-format PDF', async () => {
    const page = app.page;
    await app.open('/don-vi/phan-cong');
    await page.getByRole('button', { name: 'In danh sách phân công' }).click();
    await page.frameLocator('iframe[title="Danh sách phân công phụ trách"]').getByText('ĐẢNG CỘNG SẢN VIỆT NAM').waitFor();
    await app.screenshot('organisation-assignments-print-preview');

    const pdf = await app.rpc('assignments.printPdf', { date: '2026-11-27' });
    if (!pdf.ok) throw new Error(pdf.error.message);
    const file = path.join(ARTIFACTS_DIR, 'organisation-assignment-list.pdf');
    fs.writeFileSync(file, pdf.data.bytes);
    // Header lines wrap in their column: compare with whitespace collapsed.
    const text = execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
    for (const expected of [
      'ĐẢNG BỘ TỈNH BẮC KẠN',
      'BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ VÀ PHONG TRÀO "DÂN VẬN KHÉO"',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Bắc Kạn, ngày 27 tháng 11 năm 2026',
      'DANH SÁCH',
      'Phương Thị Thanh',
      'Đỗ Thị Minh Hoa',
      'Đảng bộ huyện Chợ Mới',
      'T/M BAN CHỈ ĐẠO',
      'TRƯỞNG BAN',
    ]) {
      expect(text).toContain(expected);
    }
    // Trưởng ban is listed first (role order), then the Phó Trưởng ban thường trực.
    expect(text.indexOf('Phương Thị Thanh')).toBeLessThan(text.indexOf('Hà Văn Tám'));
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(ARTIFACTS_DIR, 'organisation-assignment-list')]);
  }, 60_000);
});
