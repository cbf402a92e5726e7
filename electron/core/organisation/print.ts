import type { AppContext } from '../context';
import type { Db } from '../db/audit';
import { localToday } from '../clock';
import { getProfile } from '../settings/service';
import { committeeSignature, headerFromProfile, type PartyDocument } from '../export/document';
import { renderPartyDocument } from '../export/print';
import { buildPartyDocx } from '../export/docx';
import { MEMBER_ROLE_LABELS } from '../../../shared/schemas/members';
import { QCDC_TYPE_LABELS, UNIT_KIND_LABELS } from '../../../shared/schemas/units';
import { partyDateLine } from '../../../shared/text/format';
import { listMembers } from './members/service';
import { listUnits } from './units/service';
import { XLSX_MIME } from './excel';
import { writeTableXlsx } from '../export/xlsx';

/*
 * Printed and exported lists of the organisation: the assignment list (danh sách phân công
 * thành viên Ban Chỉ đạo phụ trách đơn vị) in Party format, and XLSX lists of units and members.
 */

/** The assignment list as a Party-format document: members by role, then by given name. */
export async function assignmentListDocument(db: Db, date: string): Promise<PartyDocument> {
  const profile = await getProfile({ db: db as AppContext['db'] });
  const members = (await listMembers(db, { order: 'role' }, date)).filter((m) => m.role !== 'to_giup_viec' || m.unitNames.length > 0);
  const rows = members.map((m, i) => [
    String(i + 1),
    m.fullName,
    [m.position, m.agency].filter(Boolean).join(', ') || '',
    MEMBER_ROLE_LABELS[m.role],
    m.unitNames.join('; '),
  ]);
  const head = members.find((m) => m.role === 'truong_ban')?.fullName ?? null;
  return {
    title: 'Danh sách phân công phụ trách',
    header: headerFromProfile(profile, { number: null, date }),
    kind: 'DANH SÁCH',
    summary: `Phân công thành viên ${profile.committeeName.toLocaleLowerCase('vi').startsWith('ban chỉ đạo') ? 'Ban Chỉ đạo' : profile.committeeName} phụ trách, theo dõi đơn vị\n(nhiệm kỳ ${profile.termLabel})`,
    margins: profile.margins,
    body: rows.length
      ? [
          {
            type: 'table',
            columns: [
              { header: 'TT', width: 7, align: 'center' },
              { header: 'Họ và tên', width: 21 },
              { header: 'Chức vụ, cơ quan công tác', width: 26 },
              { header: 'Chức danh trong Ban Chỉ đạo', width: 16 },
              { header: 'Đơn vị phụ trách, theo dõi', width: 30 },
            ],
            rows,
          },
          { type: 'paragraph', text: `Danh sách gồm ${members.length} đồng chí.`, align: 'left', indent: false, italic: true },
        ]
      : [{ type: 'paragraph', text: 'Chưa có phân công phụ trách.', align: 'center' }],
    signatures: { right: committeeSignature(profile.signingMode, profile.headName || head) },
    recipients: ['Các đồng chí thành viên Ban Chỉ đạo', 'Các đảng bộ, chi bộ trực thuộc', 'Lưu Cơ quan thường trực'],
  };
}

export async function assignmentListHtml(ctx: Pick<AppContext, 'db' | 'clock'>, date?: string | null): Promise<string> {
  return renderPartyDocument(await assignmentListDocument(ctx.db, date ?? localToday(ctx.clock)));
}

export async function assignmentListPdf(ctx: Pick<AppContext, 'db' | 'clock' | 'platform'>, date?: string | null) {
  const day = date ?? localToday(ctx.clock);
  const html = renderPartyDocument(await assignmentListDocument(ctx.db, day));
  const bytes = await ctx.platform.renderPdf(html);
  return { fileName: `danh-sach-phan-cong-${day}.pdf`, mimeType: 'application/pdf', bytes };
}

export async function assignmentListDocx(ctx: Pick<AppContext, 'db' | 'clock'>, date?: string | null) {
  const day = date ?? localToday(ctx.clock);
  const bytes = await buildPartyDocx(await assignmentListDocument(ctx.db, day));
  return {
    fileName: `danh-sach-phan-cong-${day}.docx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes,
  };
}

/** Party-style title block of exported lists (parent body, committee, date line). */
async function xlsxTitle(db: Db, title: string, today: string) {
  const profile = await getProfile({ db: db as AppContext['db'] });
  return {
    parentBody: profile.parentBody,
    issuingBody: profile.committeeName,
    partyLine: true,
    placeDate: profile.placeName ? partyDateLine(profile.placeName, today) : null,
    title,
  };
}

export async function exportUnitsXlsx(ctx: Pick<AppContext, 'db' | 'clock'>, opts: { search?: string | undefined; includeClosed?: boolean | undefined }) {
  const today = localToday(ctx.clock);
  const units = await listUnits(ctx.db, { search: opts.search, includeClosed: opts.includeClosed ?? true }, today);
  const byId = new Map(units.map((u) => [u.id, u]));
  const bytes = await writeTableXlsx({
    sheetName: 'Đơn vị',
    title: await xlsxTitle(ctx.db, 'DANH SÁCH ĐƠN VỊ', today),
    columns: [
      { key: 'tt', header: 'TT', width: 6, type: 'integer', align: 'center' },
      { key: 'name', header: 'Tên đơn vị', width: 42 },
      { key: 'parent', header: 'Đơn vị cấp trên', width: 32 },
      { key: 'shortName', header: 'Tên viết tắt', width: 14 },
      { key: 'kind', header: 'Loại đơn vị', width: 16 },
      { key: 'qcdcType', header: 'Loại hình', width: 30 },
      { key: 'validFrom', header: 'Hiệu lực từ', width: 12, type: 'date' },
      { key: 'validTo', header: 'Hiệu lực đến', width: 12, type: 'date' },
      { key: 'mergedInto', header: 'Sáp nhập vào', width: 28 },
      { key: 'members', header: 'Thành viên phụ trách', width: 30 },
    ],
    rowCount: units.length,
    rows: units.map((u, i) => ({
      tt: i + 1,
      // Indented so the tree reads in Excel; the import trims it back.
      name: `${'   '.repeat(u.depth)}${u.name}`,
      parent: u.parentId ? (byId.get(u.parentId)?.name ?? u.path[u.path.length - 1] ?? '') : '',
      shortName: u.shortName,
      kind: UNIT_KIND_LABELS[u.kind],
      qcdcType: u.qcdcType ? QCDC_TYPE_LABELS[u.qcdcType] : '',
      validFrom: u.validFrom,
      validTo: u.validTo,
      mergedInto: u.mergedIntoName,
      members: u.memberNames.join('; '),
    })),
  });
  return { fileName: `don-vi-${today}.xlsx`, mimeType: XLSX_MIME, bytes };
}

export async function exportMembersXlsx(ctx: Pick<AppContext, 'db' | 'clock'>, opts: { search?: string | undefined }) {
  const today = localToday(ctx.clock);
  const members = await listMembers(ctx.db, { search: opts.search, order: 'role' }, today);
  const bytes = await writeTableXlsx({
    sheetName: 'Thành viên',
    title: await xlsxTitle(ctx.db, 'DANH SÁCH THÀNH VIÊN BAN CHỈ ĐẠO', today),
    columns: [
      { key: 'tt', header: 'TT', width: 6, type: 'integer', align: 'center' },
      { key: 'fullName', header: 'Họ và tên', width: 26 },
      { key: 'role', header: 'Chức danh trong Ban Chỉ đạo', width: 24 },
      { key: 'position', header: 'Chức vụ', width: 30 },
      { key: 'agency', header: 'Cơ quan công tác', width: 30 },
      { key: 'phone', header: 'Điện thoại', width: 14 },
      { key: 'email', header: 'Thư điện tử', width: 24 },
      { key: 'units', header: 'Đơn vị phụ trách', width: 40 },
    ],
    rowCount: members.length,
    rows: members.map((m, i) => ({
      tt: i + 1,
      fullName: m.fullName,
      role: MEMBER_ROLE_LABELS[m.role],
      position: m.position,
      agency: m.agency,
      phone: m.phone,
      email: m.email,
      units: m.unitNames.join('; '),
    })),
  });
  return { fileName: `thanh-vien-bcd-${today}.xlsx`, mimeType: XLSX_MIME, bytes };
}
