// The assignment list (danh sách phân công thành viên Ban Chỉ đạo phụ trách đơn vị) in Party format.
import type { AppContext } from '../context';
import type { Db } from '../db/audit';
import { localToday } from '../clock';
import { getProfile } from '../settings/service';
import { profileSignature, headerFromProfile, type PartyDocument } from '../export/document';
import { renderPartyDocument } from '../export/print';
import { buildPartyDocx } from '../export/docx';
import { MEMBER_ROLE_LABELS } from '../../../shared/schemas/members';
import { listMembers } from '../members/service';
import { PDF_MIME, DOCX_MIME } from '../export/mime';

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
    signatures: { right: profileSignature(profile, head ?? '') },
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
  return { fileName: `danh-sach-phan-cong-${day}.pdf`, mimeType: PDF_MIME, bytes };
}

export async function assignmentListDocx(ctx: Pick<AppContext, 'db' | 'clock'>, date?: string | null) {
  const day = date ?? localToday(ctx.clock);
  const bytes = await buildPartyDocx(await assignmentListDocument(ctx.db, day));
  return {
    fileName: `danh-sach-phan-cong-${day}.docx`,
    mimeType: DOCX_MIME,
    bytes,
  };
}
