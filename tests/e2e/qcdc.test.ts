/**
 * Issue #15's "done when", in Chromium through the UI: a province's 2022 QCDC year — units of all
 * four loại hình; two communes' figures typed (and pasted) in the report grid, the other units'
 * imported from a roll-up workbook the test builds; three dialogue conferences, one passed-on opinion
 * followed to completion; members' supervision visits; a training. Then the overview panel and
 * `qcdc.stats` must show totals that reconcile exactly with what was entered (the expected sums are
 * computed here from the inputs).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { startE2EApp, ARTIFACTS_DIR, type E2EApp } from './support/harness';
import { rpcOk } from './support/seed';
import { buildRollup, type RollupUnit } from './support/qcdcRollup';
import { BAC_KAN_PROFILE } from '../support/profiles';
import type { QcdcType } from '../../shared/schemas/units';
import type { Indicator, QcdcStats } from '../../shared/schemas/qcdc';
import { formatNumber } from '../../shared/text';

let app: E2EApp;
const unitIds = new Map<string, string>();
let indicators: Indicator[] = [];

const UNITS: [string, QcdcType][] = [
  ['Xã Yên Đĩnh', 'xa_phuong'],
  ['Xã Như Cố', 'xa_phuong'],
  ['Xã Quảng Chu', 'xa_phuong'],
  ['Phường Đức Xuân', 'xa_phuong'],
  ['Sở Tư pháp', 'co_quan_nha_nuoc'],
  ['Bệnh viện Đa khoa tỉnh', 'co_quan_nha_nuoc'],
  ['Công ty CP Khoáng sản Bắc Kạn', 'doanh_nghiep'],
  ['Công ty TNHH Đông Á', 'doanh_nghiep'],
  ['Bộ Chỉ huy Quân sự tỉnh', 'luc_luong_vu_trang'],
];
const KIND: Record<QcdcType, string> = { xa_phuong: 'xa_phuong', co_quan_nha_nuoc: 'co_quan', doanh_nghiep: 'doanh_nghiep', luc_luong_vu_trang: 'luc_luong_vu_trang' };

// ── The figures entered, from which every expected total below is computed ──
const CONG_KHAI = 'Số nội dung chính quyền cấp xã đã công khai';
const BAN_QUYET = 'Số nội dung Nhân dân bàn và quyết định';
const THON = 'Tổng số thôn, tổ dân phố';
const HUONG_UOC = 'Số thôn, tổ dân phố có hương ước, quy ước được công nhận';
const HUONG_UOC_TL = 'Tỷ lệ thôn, tổ dân phố có hương ước, quy ước';
const BAN_TTND = 'Ban Thanh tra nhân dân hoạt động';
const HN_CBCCVC = 'Tổ chức hội nghị cán bộ, công chức, viên chức';
const CQ_GOP_Y = 'Số ý kiến đóng góp của cán bộ, công chức, viên chức';
const DN_NLD = 'Tổng số người lao động';
const HN_NLD = 'Tổ chức hội nghị người lao động';
const DN_DOI_THOAI = 'Số cuộc đối thoại định kỳ tại nơi làm việc';
const LLVT_HN = 'Tổ chức hội nghị quân nhân, hội nghị cán bộ chiến sĩ';
const LLVT_DOI_THOAI = 'Số buổi đối thoại của chỉ huy với cán bộ, chiến sĩ';
const KN_TIEP_NHAN = 'Số đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận';
const KN_THAM_QUYEN = 'Số đơn thuộc thẩm quyền giải quyết';
const KN_DA_GQ = 'Số đơn thuộc thẩm quyền đã giải quyết';
const DOI_THOAI = 'Số hội nghị đối thoại';
const GIAM_SAT = 'Số lượt thành viên Ban Chỉ đạo giám sát';
const TAP_HUAN = 'Số lớp tập huấn, hướng dẫn có đơn vị tham gia';

/** Typed in the grid: unit → indicator → value (true/false for yes/no). */
const TYPED: Record<string, Record<string, number | boolean>> = {
  'Xã Yên Đĩnh': { [CONG_KHAI]: 12, [BAN_QUYET]: 8, [THON]: 14, [HUONG_UOC]: 14, [BAN_TTND]: true, [KN_TIEP_NHAN]: 9, [KN_THAM_QUYEN]: 6, [KN_DA_GQ]: 6 },
  'Xã Như Cố': { [CONG_KHAI]: 1360, [BAN_QUYET]: 5, [THON]: 11, [HUONG_UOC]: 9, [BAN_TTND]: false, [KN_TIEP_NHAN]: 4, [KN_THAM_QUYEN]: 4, [KN_DA_GQ]: 3 },
};

/** A column the catalogue lacks: created on request by the import, under the commune group. */
const HOA_GIAI = 'Số tổ hòa giải ở cơ sở';
/** A unit the app does not know yet: created on request by the import (loại hình from its section). */
const NEW_UNIT = 'Xã Cao Kỳ';

/** Imported from the roll-up workbook. */
const IMPORTED: RollupUnit[] = [
  { name: NEW_UNIT, qcdcType: 'xa_phuong', values: { [CONG_KHAI]: 31, [BAN_QUYET]: 6, [THON]: 9, [HUONG_UOC]: 8, [BAN_TTND]: 'x', [HOA_GIAI]: 9, [KN_TIEP_NHAN]: 5, [KN_THAM_QUYEN]: 3, [KN_DA_GQ]: 3 } },
  { name: 'Xã Quảng Chu', qcdcType: 'xa_phuong', values: { [CONG_KHAI]: 988, [BAN_QUYET]: 7, [THON]: 10, [HUONG_UOC]: 10, [BAN_TTND]: 'x', [HOA_GIAI]: 10, [KN_TIEP_NHAN]: 3, [KN_THAM_QUYEN]: 2, [KN_DA_GQ]: 2 } },
  { name: 'Phường Đức Xuân', qcdcType: 'xa_phuong', values: { [CONG_KHAI]: 20, [BAN_QUYET]: 4, [THON]: 12, [HUONG_UOC]: 6, [BAN_TTND]: 'x', [KN_TIEP_NHAN]: 15, [KN_THAM_QUYEN]: 10, [KN_DA_GQ]: 8 } },
  { name: 'Sở Tư pháp', qcdcType: 'co_quan_nha_nuoc', values: { [HN_CBCCVC]: 'x', [CQ_GOP_Y]: 41, [KN_TIEP_NHAN]: 7, [KN_THAM_QUYEN]: 5, [KN_DA_GQ]: 5 } },
  { name: 'Bệnh viện Đa khoa tỉnh', qcdcType: 'co_quan_nha_nuoc', values: { [HN_CBCCVC]: 'x', [CQ_GOP_Y]: 126, [KN_TIEP_NHAN]: 2, [KN_THAM_QUYEN]: 2, [KN_DA_GQ]: 1 } },
  { name: 'Công ty CP Khoáng sản Bắc Kạn', qcdcType: 'doanh_nghiep', values: { [DN_NLD]: 412, [HN_NLD]: 'x', [DN_DOI_THOAI]: 4, [KN_TIEP_NHAN]: 1, [KN_THAM_QUYEN]: 1, [KN_DA_GQ]: 1 } },
  { name: 'Công ty TNHH Đông Á', qcdcType: 'doanh_nghiep', values: { [DN_NLD]: 95, [HN_NLD]: 'không', [DN_DOI_THOAI]: 2, [KN_TIEP_NHAN]: 0, [KN_THAM_QUYEN]: 0, [KN_DA_GQ]: 0 } },
  { name: 'Bộ Chỉ huy Quân sự tỉnh', qcdcType: 'luc_luong_vu_trang', values: { [LLVT_HN]: 'x', [LLVT_DOI_THOAI]: 6, [KN_TIEP_NHAN]: 0, [KN_THAM_QUYEN]: 0, [KN_DA_GQ]: 0 } },
];

/** Three dialogue conferences of 2022; the first passes one opinion on. */
const DIALOGUES = [
  { unit: 'Xã Yên Đĩnh', date: '15/03/2022', chairedBy: 'Hà Văn Tám, Chủ tịch UBND xã', participants: 120, raised: 14, answered: 11, passedOn: 'Sửa chữa đường liên thôn Nà Bay – Khuổi Chang' },
  { unit: 'Xã Yên Đĩnh', date: '20/09/2022', chairedBy: 'Hà Văn Tám, Chủ tịch UBND xã', participants: 96, raised: 9, answered: 9, passedOn: null },
  { unit: 'Sở Tư pháp', date: '10/06/2022', chairedBy: 'Giám đốc Sở', participants: 54, raised: 6, answered: 6, passedOn: null },
] as const;

beforeAll(async () => {
  app = await startE2EApp({ now: '2022-12-20T02:00:00.000Z' });
  await rpcOk(app.rpc('settings.update', { profile: { ...BAC_KAN_PROFILE, headName: 'Phương Thị Thanh' } }) as never);
  for (const [name, type] of UNITS) {
    const u = await rpcOk(app.rpc('units.create', { name, kind: KIND[type], qcdcType: type }) as never);
    unitIds.set(name, (u as { id: string }).id);
  }
  for (const m of [
    { fullName: 'Phương Thị Thanh', role: 'truong_ban', position: 'Phó Bí thư Thường trực Tỉnh ủy' },
    { fullName: 'Nông Văn Chí', role: 'uy_vien', position: 'Trưởng ban Dân vận Tỉnh ủy' },
  ]) {
    const member = (await rpcOk(app.rpc('members.create', m) as never)) as { id: string };
    // Each member follows some units (phân công phụ trách): the supervision register checks against it.
    const followed = m.role === 'truong_ban' ? ['Xã Yên Đĩnh', 'Sở Tư pháp'] : ['Công ty CP Khoáng sản Bắc Kạn', 'Bộ Chỉ huy Quân sự tỉnh'];
    await rpcOk(app.rpc('members.assign', { memberId: member.id, unitIds: followed.map((n) => unitIds.get(n)!), fromDate: '2022-01-01' }) as never);
  }
  indicators = (await rpcOk(app.rpc('qcdc.indicators.list', {}) as never)) as Indicator[];
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const idOf = (name: string) => {
  const i = indicators.find((x) => x.name === name);
  if (!i) throw new Error(`Không có chỉ tiêu ${name}`);
  return i.id;
};

function input(scope: Locator, label: string | RegExp): Locator {
  return scope.getByLabel(label, typeof label === 'string' ? { exact: true } : {}).and(app.page.locator('input, textarea'));
}

async function pick(field: Locator, option: string | RegExp) {
  await field.click();
  await app.page.getByRole('option', { name: option }).first().click();
}

const cell = (unit: string, indicator: string) => app.page.getByRole('gridcell', { name: `${unit} – ${indicator}`, exact: true });

/** Every figure entered for a unit, typed or imported, as numbers/booleans. */
function enteredFigures(): { unit: string; type: QcdcType; values: Record<string, number | boolean> }[] {
  const typed = Object.entries(TYPED).map(([unit, values]) => ({ unit, type: 'xa_phuong' as QcdcType, values }));
  const imported = IMPORTED.map((u) => ({
    unit: u.name,
    type: u.qcdcType,
    // In the workbook a tick is "x" and a no is written "không".
    values: Object.fromEntries(Object.entries(u.values).map(([k, v]) => [k, typeof v === 'string' ? v === 'x' : v])) as Record<string, number | boolean>,
  }));
  return [...typed, ...imported];
}

describe('QCDC year 2022 end to end', () => {
  it('types two communes’ figures in the grid (keyboard and paste) and saves them', async () => {
    const { page } = app;
    await app.open('/quy-che-dan-chu?nam=2022&loai=xa_phuong');
    await page.getByRole('grid').waitFor({ timeout: 20_000 });

    // Yên Đĩnh by keyboard: typing replaces, Tab moves right (the ratio column is skipped over),
    // space ticks the yes/no.
    await cell('Xã Yên Đĩnh', CONG_KHAI).click();
    const y = TYPED['Xã Yên Đĩnh']!;
    await page.keyboard.type(String(y[CONG_KHAI]));
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(y[BAN_QUYET]));
    await page.keyboard.press('Enter'); // down to Như Cố, same column
    await page.keyboard.press('ArrowUp');
    await cell('Xã Yên Đĩnh', THON).click();
    await page.keyboard.type(`${y[THON]}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`${y[HUONG_UOC]}`);
    await page.keyboard.press('Tab'); // onto the ratio (read-only)
    await page.keyboard.press('Tab');
    await page.keyboard.press(' '); // Ban TTND: Có
    for (const name of [KN_TIEP_NHAN, KN_THAM_QUYEN, KN_DA_GQ]) {
      await cell('Xã Yên Đĩnh', name).click();
      await page.keyboard.type(String(y[name]));
      await page.keyboard.press('Enter');
    }
    expect(await cell('Xã Yên Đĩnh', BAN_TTND).textContent()).toBe('Có');
    // The ratio follows its two counts before saving: 14/14.
    expect(await cell('Xã Yên Đĩnh', HUONG_UOC_TL).textContent()).toBe('100%');

    // Như Cố pasted from Excel: one row from "công khai" on; the ratio column in the block is skipped.
    const n = TYPED['Xã Như Cố']!;
    const order = indicators.filter((i) => i.qcdcType === 'xa_phuong' || i.qcdcType === null);
    const cols = (await page.getByRole('columnheader').allTextContents()).slice(1);
    expect(cols.length).toBeGreaterThan(10);
    const start = order.findIndex((i) => i.name === CONG_KHAI);
    const rowValues = order.slice(start, start + 7).map((i) => {
      const v = n[i.name];
      return v === undefined ? '' : typeof v === 'boolean' ? (v ? 'có' : 'không') : v === 1360 ? '1.360' : String(v);
    });
    await cell('Xã Như Cố', CONG_KHAI).click();
    // A real paste event carrying what Excel puts on the clipboard (tab-separated, CRLF-terminated).
    // (A string: this file is typed for Node, the code runs in the page.)
    const clip = JSON.stringify(`${rowValues.join('\t')}\r\n`);
    await page.evaluate(`(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', ${clip});
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    })()`);
    await page.getByText(/Đã dán \d+ ô/).waitFor();
    for (const name of [KN_TIEP_NHAN, KN_THAM_QUYEN, KN_DA_GQ]) {
      await cell('Xã Như Cố', name).click();
      await page.keyboard.type(String(n[name]));
      await page.keyboard.press('Enter');
    }
    expect(await cell('Xã Như Cố', CONG_KHAI).textContent()).toBe('1.360');
    expect(await cell('Xã Như Cố', BAN_TTND).textContent()).toBe('Không');
    await app.screenshot('qcdc-grid-typed');

    // The edits survive a reload as a draft, then are saved.
    await page.reload();
    await page.getByText(/Đã khôi phục \d+ ô nhập dở/).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: /^Lưu \d+ ô của 2 đơn vị$/ }).click();
    await page.getByText('Đã lưu số liệu của 2 đơn vị.').waitFor();
    expect(await cell('Xã Như Cố', CONG_KHAI).textContent()).toBe('1.360');
    await page.getByText('2/4 đơn vị đã có số liệu').waitFor();
    await app.screenshot('qcdc-grid');
  }, 180_000);

  it('imports the other units from a roll-up workbook (two-row headers by loại hình, a totals row)', async () => {
    const { page } = app;
    const typeCols = (t: QcdcType | null, names: string[]) => ({ qcdcType: t, columns: names });
    const bytes = await buildRollup({
      title: 'BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ NĂM 2022',
      groups: [
        typeCols('xa_phuong', [CONG_KHAI, BAN_QUYET, THON, HUONG_UOC, BAN_TTND, HOA_GIAI]),
        typeCols('co_quan_nha_nuoc', [HN_CBCCVC, CQ_GOP_Y]),
        typeCols('doanh_nghiep', [DN_NLD, HN_NLD, DN_DOI_THOAI]),
        typeCols('luc_luong_vu_trang', [LLVT_HN, LLVT_DOI_THOAI]),
        typeCols(null, [KN_TIEP_NHAN, KN_THAM_QUYEN, KN_DA_GQ]),
      ],
      units: IMPORTED,
    });
    const file = path.join(ARTIFACTS_DIR, 'qcdc-tong-hop-2022.xlsx');
    fs.writeFileSync(file, bytes);
    await page.getByRole('button', { name: 'Nhập bảng tổng hợp Excel' }).click();
    const dialog = page.getByRole('dialog', { name: /Nhập bảng tổng hợp QCDC/ });
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('table', { name: 'Ghép cột với chỉ tiêu' }).waitFor({ timeout: 20_000 });
    await app.screenshot('qcdc-import-mapping');
    await dialog.getByRole('button', { name: 'Tiếp tục: xem trước' }).click();
    await dialog.getByText('Số liệu sẽ ghi').waitFor();
    await dialog.getByText(`Đơn vị chưa có trong danh sách (1)`).waitFor();
    await dialog.getByText(`Cột chưa có chỉ tiêu tương ứng (1)`).waitFor();
    await app.screenshot('qcdc-import-preview');
    await dialog.getByRole('button', { name: 'Nhập số liệu' }).click();
    await dialog.getByText(/Đã nhập số liệu Cả năm 2022/).waitFor({ timeout: 20_000 });
    await dialog.getByText(/Đã thêm 1 chỉ tiêu/).waitFor();

    // Undo puts the figures back as they were (none), then the file goes in again.
    await dialog.getByRole('button', { name: 'Hoàn tác lần nhập này' }).click();
    await page.getByRole('dialog', { name: 'Hoàn tác lần nhập này?' }).getByRole('button', { name: 'Hoàn tác' }).click();
    await dialog.getByText('Đã hoàn tác lần nhập này').waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Xem số liệu' }).click();
    await expect.poll(() => cell('Xã Quảng Chu', CONG_KHAI).textContent(), { timeout: 20_000 }).toBe('');
    await page.getByRole('button', { name: 'Nhập bảng tổng hợp Excel' }).click();
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Tiếp tục: xem trước' }).click();
    await dialog.getByRole('button', { name: 'Nhập số liệu' }).click();
    await dialog.getByText(/Đã nhập số liệu Cả năm 2022/).waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.getByText('5/5 đơn vị đã có số liệu').waitFor();
    expect(await cell(NEW_UNIT, CONG_KHAI).textContent()).toBe('31');
    indicators = (await rpcOk(app.rpc('qcdc.indicators.list', {}) as never)) as Indicator[];
    // Created once, in the commune catalogue. (Its name still carries the group heading of the
    // two-row header, "Xã, phường, … - Số tổ hòa giải ở cơ sở": the core names it from the joined header.)
    expect(indicators.filter((i) => i.name.endsWith(HOA_GIAI)).map((i) => i.qcdcType)).toEqual(['xa_phuong']);
    expect(await cell('Xã Quảng Chu', CONG_KHAI).textContent()).toBe('988');
  }, 120_000);

  it('tidies the catalogue: renames the created indicator (figures and history kept) and moves it up', async () => {
    const { page } = app;
    const created = indicators.find((i) => i.name.endsWith(HOA_GIAI))!;
    await app.open('/quy-che-dan-chu?nam=2022&loai=xa_phuong&tab=chi-tieu');
    const own = page.getByRole('table', { name: /^Chỉ tiêu riêng của loại hình/ });
    await own.waitFor({ timeout: 20_000 });
    await own.getByRole('button', { name: `Đổi tên ${created.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa tên chỉ tiêu' });
    await expect.poll(() => input(dialog, 'Tên chỉ tiêu').inputValue()).toBe(created.name);
    await input(dialog, 'Tên chỉ tiêu').fill(HOA_GIAI);
    await input(dialog, 'Đơn vị tính').fill('tổ');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã đổi tên chỉ tiêu.').waitFor();
    const position = async () => (await own.getByRole('row').allTextContents()).findIndex((r) => r.includes(HOA_GIAI));
    await expect.poll(position).toBeGreaterThan(0);
    const at = await position();
    await own.getByRole('button', { name: `Đưa ${HOA_GIAI} lên` }).click();
    await expect.poll(position, { timeout: 10_000 }).toBe(at - 1);
    await app.screenshot('qcdc-catalogue');
    indicators = (await rpcOk(app.rpc('qcdc.indicators.list', {}) as never)) as Indicator[];
    const renamed = indicators.find((i) => i.id === created.id)!;
    expect(renamed.name).toBe(HOA_GIAI);
    expect(renamed.history.map((h) => h.name)).toContain(created.name);
  }, 60_000);

  it('records three dialogue conferences and follows the passed-on opinion to completion', async () => {
    const { page } = app;
    await app.open('/quy-che-dan-chu?nam=2022&tab=doi-thoai');
    for (const d of DIALOGUES) {
      await page.getByRole('button', { name: 'Thêm hội nghị đối thoại' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Thêm hội nghị đối thoại' });
      await pick(input(dialog, 'Đơn vị tổ chức'), d.unit);
      await input(dialog, /^Ngày đối thoại/).fill(d.date);
      await input(dialog, /^Người chủ trì/).fill(d.chairedBy);
      await input(dialog, 'Số người tham dự').fill(String(d.participants));
      await input(dialog, 'Số ý kiến nêu').fill(String(d.raised));
      await input(dialog, 'Số ý kiến trả lời tại hội nghị').fill(String(d.answered));
      if (d.passedOn) {
        await dialog.getByRole('button', { name: 'Thêm ý kiến chuyển đi' }).click();
        await input(dialog, 'Nội dung ý kiến 1').fill(d.passedOn);
        await input(dialog, 'Cơ quan giải quyết ý kiến 1').fill('UBND huyện Chợ Mới');
        await input(dialog, 'Hạn giải quyết ý kiến 1').fill('30/06/2022');
      }
      await dialog.getByRole('button', { name: 'Thêm hội nghị' }).click();
      await page.getByText('Đã thêm hội nghị đối thoại.').first().waitFor();
      await dialog.waitFor({ state: 'hidden' });
    }
    await page.getByRole('table', { name: 'Danh sách hội nghị đối thoại' }).getByRole('row').nth(3).waitFor();
    // The passed-on opinion is a task: progress to 100 % closes it.
    await page.getByText(/Sửa chữa đường liên thôn Nà Bay – Khuổi Chang — /).click();
    const drawer = page.getByRole('dialog', { name: 'Chi tiết nhiệm vụ' });
    await input(drawer, /^Tiến độ \(%\)/).fill('100');
    await input(drawer, 'Nội dung cập nhật').fill('UBND huyện đã bố trí vốn, hoàn thành sửa chữa.');
    await drawer.getByRole('button', { name: 'Ghi nhận' }).click();
    await drawer.getByText(/100% — Hoàn thành/).waitFor();
    await page.keyboard.press('Escape');
    await page.getByText(/Sửa chữa đường liên thôn Nà Bay – Khuổi Chang — Hoàn thành \(100%\)/).waitFor();
    await app.screenshot('qcdc-dialogues');
  }, 120_000);

  it('records members’ supervision visits (and lists the units no member visited) and a training', async () => {
    const { page } = app;
    await app.open('/quy-che-dan-chu?nam=2022&tab=giam-sat');
    for (const [member, unit, date] of [
      ['Phương Thị Thanh', 'Xã Yên Đĩnh', '12/05/2022'],
      ['Nông Văn Chí', 'Công ty CP Khoáng sản Bắc Kạn', '18/08/2022'],
    ] as const) {
      await page.getByRole('button', { name: 'Ghi lần giám sát' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Ghi lần giám sát của thành viên' });
      await pick(input(dialog, 'Thành viên Ban Chỉ đạo'), new RegExp(`^${member}`));
      await pick(input(dialog, 'Đơn vị được giám sát'), unit);
      await input(dialog, /^Ngày giám sát/).fill(date);
      await input(dialog, 'Nội dung giám sát').fill('Việc thực hiện dân chủ ở cơ sở năm 2022');
      if (unit === 'Xã Yên Đĩnh') {
        await dialog.getByRole('button', { name: 'Thêm kiến nghị' }).click();
        await input(dialog, 'Nội dung kiến nghị 1').fill('Công khai kết quả đối thoại trong 10 ngày');
        await input(dialog, 'Hạn thực hiện kiến nghị 1').fill('30/09/2022');
        await input(dialog, 'Nội dung kiến nghị 1').click(); // closes the date dropdown over the buttons
      }
      await dialog.getByRole('button', { name: 'Ghi lần giám sát' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    const unvisited = page.getByRole('list', { name: 'Đơn vị chưa được giám sát' });
    await expect.poll(() => unvisited.textContent(), { timeout: 20_000 }).toContain('Sở Tư pháp');
    expect(await unvisited.textContent()).toContain('Bộ Chỉ huy Quân sự tỉnh');
    expect(await unvisited.textContent()).not.toContain('Xã Yên Đĩnh');
    await page.getByText(/Công khai kết quả đối thoại trong 10 ngày — /).waitFor();
    await app.screenshot('qcdc-supervisions');

    await app.open('/quy-che-dan-chu?nam=2022&tab=tap-huan');
    await page.getByRole('button', { name: 'Thêm lớp tập huấn' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Thêm lớp tập huấn' });
    await input(dialog, /^Ngày tập huấn/).fill('25/04/2022');
    await input(dialog, 'Số người được tập huấn').fill('180');
    await input(dialog, /^Chủ đề/).fill('Quán triệt Luật Thực hiện dân chủ ở cơ sở');
    for (const u of ['Xã Yên Đĩnh', 'Xã Như Cố', 'Sở Tư pháp']) await pick(input(dialog, 'Đơn vị tham gia'), u);
    await page.keyboard.press('Escape'); // close the options list, not the dialog
    await dialog.getByRole('button', { name: 'Thêm lớp tập huấn' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Quán triệt Luật Thực hiện dân chủ ở cơ sở').waitFor();
  }, 120_000);

  it('shows totals in qcdc.stats and the overview panel that reconcile with what was entered', async () => {
    const { page } = app;
    const stats = (await rpcOk(app.rpc('qcdc.stats', { year: 2022, period: 'annual' }) as never)) as QcdcStats;
    const entered = enteredFigures();
    const unitsOf = (t: QcdcType) => UNITS.filter(([, x]) => x === t).length + (t === 'xa_phuong' ? 1 : 0); // + the unit the import created
    for (const t of ['xa_phuong', 'co_quan_nha_nuoc', 'doanh_nghiep', 'luc_luong_vu_trang'] as const) {
      const byType = stats.byType.find((b) => b.qcdcType === t)!;
      expect(byType.unitsTotal, t).toBe(unitsOf(t));
      expect(byType.unitsReported, t).toBe(entered.filter((e) => e.type === t).length);
      const figure = (name: string) => byType.indicators.find((i) => i.id === idOf(name))!;
      const rows = entered.filter((e) => e.type === t);
      // Counts: the sum of what was typed and imported.
      for (const name of [KN_TIEP_NHAN, KN_THAM_QUYEN, KN_DA_GQ]) {
        expect(figure(name).total, `${t} ${name}`).toBe(rows.reduce((s, r) => s + Number(r.values[name] ?? 0), 0));
      }
      // Counted from the registers: dialogues held, supervision visits, trainings attended.
      const dialogueUnits = DIALOGUES.filter((d) => UNITS.find(([n]) => n === d.unit)![1] === t).length;
      expect(figure(DOI_THOAI).total, `${t} dialogues`).toBe(dialogueUnits);
      const visits = ['Xã Yên Đĩnh', 'Công ty CP Khoáng sản Bắc Kạn'].filter((u) => UNITS.find(([n]) => n === u)![1] === t).length;
      expect(figure(GIAM_SAT).total, `${t} supervisions`).toBe(visits);
      const trained = ['Xã Yên Đĩnh', 'Xã Như Cố', 'Sở Tư pháp'].filter((u) => UNITS.find(([n]) => n === u)![1] === t).length;
      expect(figure(TAP_HUAN).total, `${t} trainings`).toBe(trained);
    }
    const xa = stats.byType.find((b) => b.qcdcType === 'xa_phuong')!;
    const xaRows = entered.filter((e) => e.type === 'xa_phuong');
    const sum = (name: string) => xaRows.reduce((s, r) => s + Number(r.values[name] ?? 0), 0);
    const xaFig = (name: string) => xa.indicators.find((i) => i.id === idOf(name))!;
    expect(xaFig(CONG_KHAI).total).toBe(sum(CONG_KHAI));
    expect(xaFig(HOA_GIAI).total).toBe(sum(HOA_GIAI)); // renamed since the import: the figures follow the id
    // yes/no: x of y units; ratio: of the sums, one decimal.
    expect([xaFig(BAN_TTND).total, xaFig(BAN_TTND).of]).toEqual([xaRows.filter((r) => r.values[BAN_TTND] === true).length, xaRows.filter((r) => r.values[BAN_TTND] !== undefined).length]);
    expect(xaFig(HUONG_UOC_TL).total).toBe(Math.round((sum(HUONG_UOC) / sum(THON)) * 1000) / 10);
    const dn = stats.byType.find((b) => b.qcdcType === 'doanh_nghiep')!;
    expect(dn.indicators.find((i) => i.id === idOf(DN_NLD))!.total).toBe(412 + 95);

    // The overview panel shows the same.
    await app.open('/tong-quan?nam=2022');
    const panel = page.getByTestId('qcdc-panel');
    await panel.waitFor({ timeout: 20_000 });
    for (const t of ['xa_phuong', 'co_quan_nha_nuoc', 'doanh_nghiep', 'luc_luong_vu_trang'] as const) {
      const b = stats.byType.find((x) => x.qcdcType === t)!;
      expect(await panel.getByTestId(`qcdc-reported-${t}`).textContent()).toBe(`${b.unitsReported}/${b.unitsTotal} đơn vị báo cáo`);
    }
    const congKhai = panel.getByTestId('qcdc-type-xa_phuong').getByTestId(`qcdc-figure-${idOf(CONG_KHAI)}`);
    expect(await congKhai.textContent()).toBe(formatNumber(sum(CONG_KHAI)));
    await page.locator('.recharts-surface').nth(1).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'qcdc-overview-panel.png') });
    // Drill-down: the units behind the commune figures.
    await panel.getByTestId('qcdc-type-xa_phuong').getByRole('button').first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('table').waitFor();
    expect(await drawer.getByRole('row').count()).toBe(1 + unitsOf('xa_phuong') + 1);
    await page.keyboard.press('Escape');
  }, 120_000);

  it('drafts the annual report’s QCDC section from the same figures (DOCX and PDF)', async () => {
    const { page } = app;
    const stats = (await rpcOk(app.rpc('qcdc.stats', { year: 2022, period: 'annual' }) as never)) as QcdcStats;
    const xa = stats.byType.find((b) => b.qcdcType === 'xa_phuong')!;
    const figure = (name: string) => xa.indicators.find((i) => i.id === idOf(name))!;
    const entered = enteredFigures();
    const allUnits = UNITS.length + 1; // + the unit the import created
    const reported = entered.length;
    const kn = entered.reduce((s, r) => s + Number(r.values[KN_TIEP_NHAN] ?? 0), 0);
    const expected = [
      `${reported}/${allUnits} đơn vị đã gửi số liệu thực hiện Quy chế dân chủ ở cơ sở`,
      `số nội dung chính quyền cấp xã đã công khai: ${formatNumber(figure(CONG_KHAI).total ?? -1)} nội dung`,
      `ban Thanh tra nhân dân hoạt động: ${figure(BAN_TTND).total}/${figure(BAN_TTND).of} đơn vị`,
      `số đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận: ${formatNumber(kn)} đơn`,
      `số hội nghị đối thoại: ${DIALOGUES.length} cuộc`,
    ];
    expect(figure(CONG_KHAI).total).toBe(entered.filter((e) => e.type === 'xa_phuong').reduce((s, r) => s + Number(r.values[CONG_KHAI] ?? 0), 0));

    await app.open('/bao-cao?nam=2022');
    const word = page.getByRole('button', { name: 'Word (DOCX)' }).first();
    await word.waitFor({ timeout: 20_000 });
    const save = async (button: typeof word, name: string) => {
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
      const target = path.join(ARTIFACTS_DIR, name);
      await dl.saveAs(target);
      return target;
    };
    const docx = await save(word, 'qcdc-bao-cao-nam-2022.docx');
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' })
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(xml).toContain('Kết quả thực hiện Quy chế dân chủ ở cơ sở theo loại hình');
    for (const text of expected) expect(xml).toContain(text);

    const pdf = await save(page.getByRole('button', { name: 'PDF' }).first(), 'qcdc-bao-cao-nam-2022.pdf');
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const text of expected) expect(pdfText).toContain(text);
    // The page with the QCDC section, rendered for a look.
    const pages = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]!;
    let qcdcPage = 1;
    for (let p = 1; p <= Number(pages); p += 1) {
      const t = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
      if (t.includes('theo loại hình')) {
        qcdcPage = p;
        break;
      }
    }
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(qcdcPage), '-l', String(qcdcPage + 1), pdf, path.join(ARTIFACTS_DIR, 'qcdc-report-page')]);
  }, 180_000);

  it('inspects an enterprise against its loại hình’s requirements and cites them in the conclusion notice', async () => {
    const { page } = app;
    const enterprise = 'Công ty CP Khoáng sản Bắc Kạn';
    // The plan itself is arranged (its editor has its own test); the checklist is used through the UI.
    const plan = (await rpcOk(
      app.rpc('inspections.create', { year: 2022, date: '2022-10-03', topic: 'Thực hiện dân chủ ở cơ sở tại doanh nghiệp', targets: [{ unitId: unitIds.get(enterprise)!, visitDate: '2022-10-20' }] }) as never,
    )) as { id: string };
    const requirements = indicators.filter((i) => i.qcdcType === 'doanh_nghiep' && i.kind === 'yesno' && i.active).map((i) => i.name);
    expect(requirements.length).toBeGreaterThan(2);
    await app.open(`/kiem-tra?id=${plan.id}`);
    const card = page.locator(`[data-target="${enterprise}"]`);
    await card.getByRole('table', { name: 'Yêu cầu theo loại hình' }).waitFor({ timeout: 20_000 });
    expect(await card.locator('[data-requirement]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-requirement')))).toEqual(requirements);

    await card.getByRole('button', { name: 'Ghi kết quả làm việc' }).click();
    const visit = page.getByRole('dialog', { name: /Kết quả làm việc/ });
    await visit.getByRole('radiogroup', { name: `Đánh giá: ${requirements[0]}` }).getByText('Đạt', { exact: true }).click();
    await visit.getByRole('radiogroup', { name: `Đánh giá: ${requirements[1]}` }).getByText('Chưa đạt', { exact: true }).click();
    await visit.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu kết quả làm việc.').waitFor();
    await card.getByText('đạt 1/2 yêu cầu đã đánh giá').waitFor();
    await app.screenshot('qcdc-inspection-checklist');
    await card.getByRole('button', { name: 'Thông báo kết luận' }).click();
    const frame = page.frameLocator('iframe[title^="Thông báo kết luận"]');
    await frame.getByText(/Đối chiếu 2 yêu cầu thực hiện Quy chế dân chủ ở cơ sở .*: đạt 1\/2 yêu cầu\./).waitFor({ timeout: 20_000 });
    await frame.getByText(requirements[1]!).waitFor();
    await page.keyboard.press('Escape');
  }, 120_000);
});
