// The committee member list as XLSX.
import type { AppContext } from '../context';
import { localToday } from '../clock';
import { MEMBER_ROLE_LABELS } from '../../../shared/schemas/members';
import { listMembers } from './service';
import { XLSX_MIME } from '../export/mime';
import { writeTableXlsx } from '../export/xlsx';
import { xlsxTitle } from '../units/exports';

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
