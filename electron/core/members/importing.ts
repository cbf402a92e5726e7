// Excel import of committee members: the same tolerant design as the unit import (units/importing.ts).
import type { Db } from '../db/audit';
import { foldText } from '../../../shared/text/vietnamese';
import { MEMBER_ROLE_LABELS, type MemberRole } from '../../../shared/schemas/members';
import type { ImportPreview } from '../../../shared/schemas/units';
import { dataRows, detectHeader, readSheet, type FieldSpec } from '../units/excel';
import { listUnits } from '../units/service';
import { assignUnits, insertMember, findMemberByFoldedName, updateMember } from './service';
import { withTrx, type WriteCtx } from '../db/write';
import { type ImportCtx, recallMapping, rememberMapping, byLabel, type Parsed } from '../units/importing';

export const MEMBER_FIELDS: FieldSpec[] = [
  { key: 'fullName', label: 'Họ và tên', aliases: ['ho va ten', 'ho ten', 'ho, ten', 'thanh vien'], required: true },
  { key: 'role', label: 'Chức danh trong Ban Chỉ đạo', aliases: ['chuc danh trong ban chi dao', 'chuc danh bcd', 'chuc danh', 'nhiem vu trong bcd', 'vai tro'], required: true },
  { key: 'position', label: 'Chức vụ', aliases: ['chuc vu'] },
  { key: 'agency', label: 'Cơ quan công tác', aliases: ['co quan cong tac', 'co quan', 'don vi cong tac', 'noi cong tac'] },
  { key: 'phone', label: 'Điện thoại', aliases: ['dien thoai', 'so dien thoai', 'sdt', 'dt'] },
  { key: 'email', label: 'Thư điện tử', aliases: ['thu dien tu', 'email', 'e-mail'] },
  { key: 'units', label: 'Đơn vị phụ trách', aliases: ['don vi phu trach', 'phu trach', 'dia ban phu trach', 'theo doi'] },
];

const parseRole = byLabel<MemberRole>(MEMBER_ROLE_LABELS, {
  'pho truong ban thuong truc': 'pho_truong_ban_tt', 'pho ban thuong truc': 'pho_truong_ban_tt', 'thuong truc': 'pho_truong_ban_tt', 'pho ban': 'pho_truong_ban',
  'thanh vien': 'uy_vien', 'uy vien bcd': 'uy_vien', 'to thu ky': 'to_giup_viec', 'thu ky': 'to_giup_viec', 'to giup viec': 'to_giup_viec', 'thanh vien to giup viec': 'to_giup_viec', 'truong ban bcd': 'truong_ban',
});

interface MemberDraft {
  rowNumber: number;
  fullName: string;
  role: MemberRole;
  position: string | null;
  agency: string | null;
  phone: string | null;
  email: string | null;
  unitNames: string[];
}

async function parseMembers(db: Db, bytes: Uint8Array, override?: Record<string, number | null>): Promise<Parsed<MemberDraft>> {
  const sheet = await readSheet(bytes);
  const match = detectHeader(sheet, MEMBER_FIELDS, override);
  const rows = dataRows(sheet, match);
  const units = await listUnits(db, {});
  const unitNames = new Set(units.flatMap((u) => [foldText(u.name), ...(u.shortName ? [foldText(u.shortName)] : [])]));
  const errors: Array<{ row: number; message: string }> = [];
  const drafts: MemberDraft[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const fullName = r.get('fullName');
    const problems: string[] = [];
    if (!fullName) problems.push('thiếu họ và tên');
    const roleText = r.get('role');
    const role = parseRole(roleText);
    if (!role) problems.push(roleText ? `chức danh "${roleText}" không hợp lệ (${Object.values(MEMBER_ROLE_LABELS).join(', ')})` : 'thiếu chức danh trong Ban Chỉ đạo');
    const email = r.get('email');
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push(`thư điện tử "${email}" không hợp lệ`);
    const phone = r.get('phone');
    if (phone && !/^[+\d .()-]{6,30}$/.test(phone)) problems.push(`số điện thoại "${phone}" không hợp lệ`);
    const names = r.get('units').split(/[;\n]+/).map((s) => s.trim()).filter(Boolean);
    const unknown = names.filter((n) => !unitNames.has(foldText(n)));
    if (unknown.length) problems.push(`không tìm thấy đơn vị phụ trách: ${unknown.map((n) => `"${n}"`).join(', ')}`);
    if (fullName && seen.has(foldText(fullName))) problems.push('trùng họ tên với một dòng phía trên');
    seen.add(foldText(fullName));
    if (problems.length || !role) {
      errors.push({ row: r.rowNumber, message: `Dòng ${r.rowNumber}: ${problems.join('; ')}.` });
      continue;
    }
    drafts.push({ rowNumber: r.rowNumber, fullName, role, position: r.get('position') || null, agency: r.get('agency') || null, phone: phone || null, email: email || null, unitNames: names });
  }
  return {
    drafts,
    preview: {
      sheetName: sheet.sheetName,
      encoding: sheet.encoding,
      headerRow: match.headerRow + 1,
      mapping: match.mapping,
      headers: match.headers,
      rowsRead: rows.length,
      validRows: drafts.length,
      errors,
      sample: drafts.slice(0, 20).map((d) => ({
        fullName: d.fullName,
        role: MEMBER_ROLE_LABELS[d.role],
        position: d.position,
        agency: d.agency,
        units: d.unitNames.join('; ') || null,
      })),
    },
  };
}

export async function previewMemberImport(ctx: ImportCtx, bytes: Uint8Array, mapping?: Record<string, number | null>): Promise<ImportPreview> {
  return (await parseMembers(ctx.db, bytes, mapping ?? (await recallMapping(ctx.db, 'members', bytes, MEMBER_FIELDS)))).preview;
}

/** Imports the valid rows; a member with the same (folded) name is updated, not duplicated. */
/** `beforeWrite` runs once the file has been read and has rows to write (the handler's "backup before import"). */
export async function commitMemberImport(
  ctx: ImportCtx,
  bytes: Uint8Array,
  mapping?: Record<string, number | null>,
  jobId?: string,
  beforeWrite?: () => Promise<unknown>,
) {
  return ctx.jobs.run(jobId, async (job) => {
    const { drafts, preview } = await parseMembers(ctx.db, bytes, mapping ?? (await recallMapping(ctx.db, 'members', bytes, MEMBER_FIELDS)));
    if (beforeWrite && drafts.length > 0) await beforeWrite();
    return withTrx(ctx.db, async (trx) => {
      if (mapping) await rememberMapping(trx, ctx, 'members', preview);
      // Nested service calls run on this transaction: a context whose db is the transaction.
      const tctx: WriteCtx = { db: trx, actor: ctx.actor, clock: ctx.clock };
      const units = await listUnits(trx, {});
      const unitId = (name: string) => units.find((u) => foldText(u.name) === foldText(name) || (u.shortName && foldText(u.shortName) === foldText(name)))?.id;
      let created = 0;
      let updated = 0;
      let i = 0;
      for (const d of drafts) {
        const fields = { fullName: d.fullName, role: d.role, position: d.position, agency: d.agency, phone: d.phone, email: d.email };
        const existing = await findMemberByFoldedName(trx, d.fullName);
        const member = existing ? await updateMember(tctx, existing.id, fields) : await insertMember(trx, ctx, fields);
        if (existing) updated++;
        else created++;
        const ids = d.unitNames.map(unitId).filter((x): x is string => Boolean(x));
        if (ids.length) await assignUnits(tctx, { memberId: member.id, unitIds: ids });
        await job.progress('Đang nhập thành viên', ++i, drafts.length);
      }
      return { created, updated, skipped: preview.errors.length };
    });
  });
}
