import type { AppContext } from '../context';
import type { Db } from '../db/audit';
import type { JobReporter } from '../jobs/jobs';
import { foldText } from '../../../shared/text/vietnamese';
import { QCDC_TYPE_OF_KIND, QCDC_TYPE_LABELS, UNIT_KIND_LABELS, type ImportPreview, type QcdcType, type UnitKind } from '../../../shared/schemas/units';
import { dataRows, detectHeader, parseDateCell, readSheet, type FieldSpec } from './excel';
import { guessUnitKind, insertUnit } from './service';
import { selectAllUnitRows } from './repository';
import { withTrx, type WriteCtx } from '../db/write';
import { readSetting, writeSetting } from '../settings/repository';
import { isoNow } from '../clock';

/*
 * Excel import of units and members with the tolerant design of shared/fixtures/README.md:
 * header detection, columns mapped by folded names (the user may correct the mapping), a preview
 * naming every bad row with its Excel row number, then one transaction with all valid rows.
 */

export type ImportCtx = WriteCtx & Pick<AppContext, 'jobs'>;

/*
 * A mapping the officer corrected is remembered per list kind (by the folded header text of each
 * column), so next year's file from the same unit maps itself.
 */
const mappingKey = (kind: 'units' | 'members') => `import.mapping.${kind}`;

/** `fields` are the list's own (units or members), so each importer passes its columns. */
export async function recallMapping(db: Db, kind: 'units' | 'members', bytes: Uint8Array, fields: FieldSpec[]): Promise<Record<string, number | null> | undefined> {
  const stored = await readSetting(db, mappingKey(kind));
  if (!stored) return undefined;
  const remembered = JSON.parse(stored.value) as Record<string, string | null>;
  const sheet = await readSheet(bytes);
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

export async function rememberMapping(db: Db, ctx: WriteCtx, kind: 'units' | 'members', preview: ImportPreview): Promise<void> {
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

export function byLabel<T extends string>(labels: Record<T, string>, extra: Record<string, T> = {}): (value: string) => T | null | undefined {
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

export interface Parsed<T> {
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
  return (await parseUnits(ctx.db, bytes, mapping ?? (await recallMapping(ctx.db, 'units', bytes, UNIT_FIELDS)))).preview;
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
    const { drafts, preview } = await parseUnits(ctx.db, bytes, mapping ?? (await recallMapping(ctx.db, 'units', bytes, UNIT_FIELDS)));
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
