import type { AppContext } from '../context';
import type { Db } from '../db/audit';
import type { JobReporter } from '../jobs/jobs';
import { foldText } from '../../../shared/text/vietnamese';
import { MEMBER_ROLE_LABELS, type MemberRole } from '../../../shared/schemas/members';
import { QCDC_TYPE_OF_KIND, QCDC_TYPE_LABELS, UNIT_KIND_LABELS, type ImportPreview, type QcdcType, type UnitKind } from '../../../shared/schemas/units';
import { dataRows, detectHeader, parseDateCell, readSheet, type FieldSpec } from './excel';
import { guessUnitKind, insertUnit, listUnits } from './units/service';
import { insertMember, findMemberByFoldedName, updateMember } from './members/service';
import { selectAllUnitRows } from './units/repository';
import { assignUnits } from './members/service';
import { withTrx, type WriteCtx } from './shared';
import { readSetting, writeSetting } from '../settings/repository';
import { isoNow } from '../clock';

/*
 * Excel import of units and members with the tolerant design of shared/fixtures/README.md:
 * header detection, columns mapped by folded names (the user may correct the mapping), a preview
 * naming every bad row with its Excel row number, then one transaction with all valid rows.
 */

type ImportCtx = WriteCtx & Pick<AppContext, 'jobs'>;

/*
 * A mapping the officer corrected is remembered per list kind (by the folded header text of each
 * column), so next year's file from the same unit maps itself.
 */
const mappingKey = (kind: 'units' | 'members') => `import.mapping.${kind}`;

async function recallMapping(db: Db, kind: 'units' | 'members', bytes: Uint8Array): Promise<Record<string, number | null> | undefined> {
  const stored = await readSetting(db, mappingKey(kind));
  if (!stored) return undefined;
  const remembered = JSON.parse(stored.value) as Record<string, string | null>;
  const sheet = await readSheet(bytes);
  const fields = kind === 'units' ? UNIT_FIELDS : MEMBER_FIELDS;
  let header: string[] = [];
  try {
    header = sheet.rows[detectHeader(sheet, fields, undefined, false).headerRow] ?? [];
  } catch {
    return undefined;
  }
  const out: Record<string, number | null> = {};
  for (const [key, text] of Object.entries(remembered)) {
    if (text === null) continue; // "not in the file" last time: let detection look again
    const col = header.findIndex((h) => foldText(h) === text);
    if (col >= 0) out[key] = col + 1;
  }
  return Object.keys(out).length ? out : undefined;
}

async function rememberMapping(db: Db, ctx: WriteCtx, kind: 'units' | 'members', preview: ImportPreview): Promise<void> {
  const byIndex = new Map(preview.headers.map((h) => [h.index, foldText(h.label)]));
  const value: Record<string, string | null> = {};
  for (const [key, col] of Object.entries(preview.mapping)) value[key] = col ? (byIndex.get(col) ?? null) : null;
  await writeSetting(db, mappingKey(kind), JSON.stringify(value), isoNow(ctx.clock));
}

export const UNIT_FIELDS: FieldSpec[] = [
  { key: 'name', label: 'Tên đơn vị', aliases: ['ten don vi', 'don vi', 'ten to chuc', 'ten co so dang', 'ten'], required: true },
  { key: 'parent', label: 'Đơn vị cấp trên', aliases: ['don vi cap tren', 'cap tren', 'truc thuoc', 'thuoc dang bo', 'thuoc'] },
  { key: 'shortName', label: 'Tên viết tắt', aliases: ['ten viet tat', 'viet tat', 'ten ngan'] },
  { key: 'kind', label: 'Loại đơn vị', aliases: ['loai don vi', 'loai to chuc', 'cap don vi'] },
  { key: 'qcdcType', label: 'Loại hình', aliases: ['loai hinh', 'loai hinh qcdc'] },
  { key: 'validFrom', label: 'Hiệu lực từ', aliases: ['hieu luc tu', 'tu ngay', 'ngay thanh lap'] },
  { key: 'note', label: 'Ghi chú', aliases: ['ghi chu'] },
];

export const MEMBER_FIELDS: FieldSpec[] = [
  { key: 'fullName', label: 'Họ và tên', aliases: ['ho va ten', 'ho ten', 'ho, ten', 'thanh vien'], required: true },
  { key: 'role', label: 'Chức danh trong Ban Chỉ đạo', aliases: ['chuc danh trong ban chi dao', 'chuc danh bcd', 'chuc danh', 'nhiem vu trong bcd', 'vai tro'], required: true },
  { key: 'position', label: 'Chức vụ', aliases: ['chuc vu'] },
  { key: 'agency', label: 'Cơ quan công tác', aliases: ['co quan cong tac', 'co quan', 'don vi cong tac', 'noi cong tac'] },
  { key: 'phone', label: 'Điện thoại', aliases: ['dien thoai', 'so dien thoai', 'sdt', 'dt'] },
  { key: 'email', label: 'Thư điện tử', aliases: ['thu dien tu', 'email', 'e-mail'] },
  { key: 'units', label: 'Đơn vị phụ trách', aliases: ['don vi phu trach', 'phu trach', 'dia ban phu trach', 'theo doi'] },
];

function byLabel<T extends string>(labels: Record<T, string>, extra: Record<string, T> = {}): (value: string) => T | null | undefined {
  const table = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as Array<[T, string]>) {
    table.set(foldText(label), code);
    table.set(foldText(code.replace(/_/g, ' ')), code);
  }
  for (const [k, v] of Object.entries(extra)) table.set(k, v);
  return (value) => {
    if (!value) return null;
    const f = foldText(value).replace(/[.,;]+$/, '');
    return table.get(f) ?? undefined;
  };
}

const parseKind = byLabel<UnitKind>(UNIT_KIND_LABELS, {
  'xa': 'xa_phuong', 'phuong': 'xa_phuong', 'thi tran': 'xa_phuong', 'llvt': 'luc_luong_vu_trang', 'luc luong vu trang': 'luc_luong_vu_trang', 'dn': 'doanh_nghiep', 'co quan nha nuoc': 'co_quan',
});
const parseQcdc = byLabel<QcdcType>(QCDC_TYPE_LABELS, {
  '1': 'xa_phuong', '2': 'co_quan_nha_nuoc', '3': 'doanh_nghiep', '4': 'luc_luong_vu_trang', 'xa, phuong, thi tran': 'xa_phuong', 'xa phuong': 'xa_phuong', 'co quan': 'co_quan_nha_nuoc', 'doanh nghiep': 'doanh_nghiep', 'llvt': 'luc_luong_vu_trang', 'luc luong vu trang': 'luc_luong_vu_trang',
});
const parseRole = byLabel<MemberRole>(MEMBER_ROLE_LABELS, {
  'pho truong ban thuong truc': 'pho_truong_ban_tt', 'pho ban thuong truc': 'pho_truong_ban_tt', 'thuong truc': 'pho_truong_ban_tt', 'pho ban': 'pho_truong_ban',
  'thanh vien': 'uy_vien', 'uy vien bcd': 'uy_vien', 'to thu ky': 'to_giup_viec', 'thu ky': 'to_giup_viec', 'to giup viec': 'to_giup_viec', 'thanh vien to giup viec': 'to_giup_viec', 'truong ban bcd': 'truong_ban',
});

const guessQcdc = (kind: UnitKind): QcdcType | null => QCDC_TYPE_OF_KIND[kind] ?? null;

interface UnitDraft {
  rowNumber: number;
  name: string;
  parentName: string;
  shortName: string | null;
  kind: UnitKind;
  qcdcType: QcdcType | null;
  validFrom: string | null;
  note: string | null;
}

interface Parsed<T> {
  preview: ImportPreview;
  drafts: T[];
}

async function parseUnits(db: Db, bytes: Uint8Array, override?: Record<string, number | null>): Promise<Parsed<UnitDraft>> {
  const sheet = await readSheet(bytes);
  const match = detectHeader(sheet, UNIT_FIELDS, override);
  const rows = dataRows(sheet, match);
  const existing = await selectAllUnitRows(db);
  const known = new Set(existing.map((u) => foldText(u.name)));
  const inFile = new Map<string, number>();
  for (const r of rows) {
    const n = foldText(r.get('name'));
    if (n && !inFile.has(n)) inFile.set(n, r.rowNumber);
  }
  const errors: Array<{ row: number; message: string }> = [];
  const drafts: UnitDraft[] = [];
  const seenInParent = new Set<string>();
  for (const r of rows) {
    const name = r.get('name');
    const parentName = r.get('parent');
    const problems: string[] = [];
    if (!name) problems.push('thiếu tên đơn vị');
    if (name.length > 300) problems.push('tên đơn vị dài quá 300 ký tự');
    if (parentName && !known.has(foldText(parentName)) && !inFile.has(foldText(parentName))) problems.push(`không tìm thấy đơn vị cấp trên "${parentName}"`);
    if (parentName && foldText(parentName) === foldText(name)) problems.push('đơn vị cấp trên trùng chính nó');
    const kindText = r.get('kind');
    const kind = parseKind(kindText);
    if (kind === undefined) problems.push(`loại đơn vị "${kindText}" không hợp lệ (${Object.values(UNIT_KIND_LABELS).join(', ')})`);
    const qcdcText = r.get('qcdcType');
    const qcdc = parseQcdc(qcdcText);
    if (qcdc === undefined) problems.push(`loại hình "${qcdcText}" không hợp lệ`);
    const validFrom = parseDateCell(r.get('validFrom'));
    if (validFrom === undefined) problems.push(`ngày "${r.get('validFrom')}" không hợp lệ (dd/mm/yyyy)`);
    const key = `${foldText(parentName)}|${foldText(name)}`;
    if (name && seenInParent.has(key)) problems.push('trùng với một dòng phía trên');
    seenInParent.add(key);
    if (problems.length) {
      errors.push({ row: r.rowNumber, message: `Dòng ${r.rowNumber}: ${problems.join('; ')}.` });
      continue;
    }
    const finalKind = kind ?? guessUnitKind(name, Boolean(parentName));
    drafts.push({
      rowNumber: r.rowNumber,
      name,
      parentName,
      shortName: r.get('shortName') || null,
      kind: finalKind,
      qcdcType: qcdc ?? guessQcdc(finalKind),
      validFrom: validFrom ?? null,
      note: r.get('note') || null,
    });
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
        name: d.name,
        parent: d.parentName || null,
        shortName: d.shortName,
        kind: UNIT_KIND_LABELS[d.kind],
        qcdcType: d.qcdcType ? QCDC_TYPE_LABELS[d.qcdcType] : null,
        validFrom: d.validFrom,
      })),
    },
  };
}

export async function previewUnitImport(ctx: ImportCtx, bytes: Uint8Array, mapping?: Record<string, number | null>): Promise<ImportPreview> {
  return (await parseUnits(ctx.db, bytes, mapping ?? (await recallMapping(ctx.db, 'units', bytes)))).preview;
}

/** Imports the valid rows; a unit that already exists under the same parent is skipped. */
/** `beforeWrite` runs once the file has been read and has rows to write (the handler's "backup before import"). */
export async function commitUnitImport(
  ctx: ImportCtx,
  bytes: Uint8Array,
  mapping?: Record<string, number | null>,
  jobId?: string,
  beforeWrite?: () => Promise<unknown>,
) {
  return ctx.jobs.run(jobId, async (job: JobReporter) => {
    const { drafts, preview } = await parseUnits(ctx.db, bytes, mapping ?? (await recallMapping(ctx.db, 'units', bytes)));
    if (beforeWrite && drafts.length > 0) await beforeWrite();
    return withTrx(ctx.db, async (trx) => {
      if (mapping) await rememberMapping(trx, ctx, 'units', preview);
      let created = 0;
      let skipped = preview.errors.length;
      const byName = new Map<string, string>();
      for (const u of await selectAllUnitRows(trx)) if (!byName.has(foldText(u.name))) byName.set(foldText(u.name), u.id);
      // Parents before children: repeat passes until no draft can be placed.
      let pending = drafts;
      while (pending.length) {
        const next: UnitDraft[] = [];
        for (const d of pending) {
          const parentId = d.parentName ? byName.get(foldText(d.parentName)) : null;
          if (d.parentName && !parentId) {
            next.push(d);
            continue;
          }
          const siblings = await listUnitsUnder(trx, parentId ?? null);
          const existing = siblings.find((s) => foldText(s.name) === foldText(d.name));
          if (existing) {
            skipped++;
            byName.set(foldText(d.name), existing.id);
          } else {
            const unit = await insertUnit(trx, ctx, {
              parentId: parentId ?? null,
              name: d.name,
              shortName: d.shortName,
              kind: d.kind,
              qcdcType: d.qcdcType,
              validFrom: d.validFrom,
              note: d.note,
            });
            byName.set(foldText(d.name), unit.id);
            created++;
          }
          await job.progress('Đang nhập đơn vị', created + skipped, drafts.length + preview.errors.length);
        }
        if (next.length === pending.length) {
          skipped += next.length; // parents that never appeared (cycles in the file)
          break;
        }
        pending = next;
      }
      return { created, updated: 0, skipped };
    });
  });
}

async function listUnitsUnder(db: Db, parentId: string | null) {
  return (await selectAllUnitRows(db)).filter((u) => u.parent_id === parentId);
}

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
  return (await parseMembers(ctx.db, bytes, mapping ?? (await recallMapping(ctx.db, 'members', bytes)))).preview;
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
    const { drafts, preview } = await parseMembers(ctx.db, bytes, mapping ?? (await recallMapping(ctx.db, 'members', bytes)));
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
