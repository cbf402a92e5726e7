import type { AppContext } from '../context';
import type { Db } from '../db/audit';
import { localToday } from '../clock';
import { getProfile } from '../settings/service';
import { committeeSignature, headerFromProfile, type PartyDocument } from '../export/document';
import { renderPartyDocument } from '../export/print';
import { buildPartyDocx } from '../export/docx';
import { MEMBER_ROLE_LABELS, MEMBER_ROLES, QCDC_TYPE_LABELS, UNIT_KIND_LABELS } from '../../../shared/schemas/organisation';
import { formatDate } from '../../../shared/text/format';
import { foldText } from '../../../shared/text/vietnamese';
import { listMembers } from './members/service';
import { listUnits } from './units/service';
import { writeListXlsx, XLSX_MIME } from './excel';

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

export async function exportUnitsXlsx(ctx: Pick<AppContext, 'db' | 'clock'>, opts: { search?: string | undefined; includeClosed?: boolean | undefined }) {
  const today = localToday(ctx.clock);
  const units = await listUnits(ctx.db, { search: opts.search, includeClosed: opts.includeClosed ?? true }, today);
  const byId = new Map(units.map((u) => [u.id, u]));
  const bytes = await writeListXlsx(
    'Đơn vị',
    'DANH SÁCH ĐƠN VỊ',
    [
      { header: 'TT', width: 6 },
      { header: 'Tên đơn vị', width: 42 },
      { header: 'Đơn vị cấp trên', width: 32 },
      { header: 'Tên viết tắt', width: 14 },
      { header: 'Loại đơn vị', width: 16 },
      { header: 'Loại hình', width: 30 },
      { header: 'Hiệu lực từ', width: 12 },
      { header: 'Hiệu lực đến', width: 12 },
      { header: 'Sáp nhập vào', width: 28 },
      { header: 'Thành viên phụ trách', width: 30 },
    ],
    units.map((u, i) => [
      i + 1,
      `${'   '.repeat(u.depth)}${u.name}`,
      u.parentId ? (byId.get(u.parentId)?.name ?? u.path[u.path.length - 1] ?? '') : '',
      u.shortName,
      UNIT_KIND_LABELS[u.kind],
      u.qcdcType ? QCDC_TYPE_LABELS[u.qcdcType] : '',
      u.validFrom ? formatDate(u.validFrom) : '',
      u.validTo ? formatDate(u.validTo) : '',
      u.mergedIntoName,
      u.memberNames.join('; '),
    ]),
  );
  return { fileName: `don-vi-${today}.xlsx`, mimeType: XLSX_MIME, bytes };
}

export async function exportMembersXlsx(ctx: Pick<AppContext, 'db' | 'clock'>, opts: { search?: string | undefined }) {
  const today = localToday(ctx.clock);
  const members = await listMembers(ctx.db, { search: opts.search, order: 'role' }, today);
  const bytes = await writeListXlsx(
    'Thành viên',
    'DANH SÁCH THÀNH VIÊN BAN CHỈ ĐẠO',
    [
      { header: 'TT', width: 6 },
      { header: 'Họ và tên', width: 26 },
      { header: 'Chức danh trong Ban Chỉ đạo', width: 24 },
      { header: 'Chức vụ', width: 30 },
      { header: 'Cơ quan công tác', width: 30 },
      { header: 'Điện thoại', width: 14 },
      { header: 'Thư điện tử', width: 24 },
      { header: 'Đơn vị phụ trách', width: 40 },
    ],
    members.map((m, i) => [i + 1, m.fullName, MEMBER_ROLE_LABELS[m.role], m.position, m.agency, m.phone, m.email, m.unitNames.join('; ')]),
  );
  return { fileName: `thanh-vien-bcd-${today}.xlsx`, mimeType: XLSX_MIME, bytes };
}

