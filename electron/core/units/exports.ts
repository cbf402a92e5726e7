// The unit list as XLSX, and the Party-style title block every exported organisation list carries.
import type { AppContext } from '../context';
import type { Db } from '../db/audit';
import { localToday } from '../clock';
import { getProfile } from '../settings/service';
import { QCDC_TYPE_LABELS, UNIT_KIND_LABELS } from '../../../shared/schemas/units';
import { partyDateLine } from '../../../shared/text/format';
import { listUnits } from './service';
import { XLSX_MIME } from '../export/mime';
import { writeTableXlsx } from '../export/xlsx';

/** Party-style title block of exported lists (parent body, committee, date line). */
export async function xlsxTitle(db: Db, title: string, today: string) {
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
