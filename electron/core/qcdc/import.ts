/**
 * Excel import of the QCDC roll-ups units send, through the tolerant table reader of
 * export/import: either a row per unit and a column per indicator (one- or two-row headers,
 * loại hình heading rows such as "I. XÃ, PHƯỜNG, THỊ TRẤN", totals rows skipped), or one sheet per
 * unit with a row per indicator ("Chỉ tiêu" | "Số liệu"). Preview reads and stores what it found
 * (nothing else is written); commit writes every unit's figures in one transaction (optionally
 * creating the indicators of unmatched columns); undo puts back what the commit replaced.
 */
import type { AppContext } from '../context';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localToday } from '../clock';
import { AppError, conflict, notFound } from '../errors';
import { detectHeader, iterateRows, mapColumns, readWorkbook, cleanText, parseNumberCell, parseTick, foldHeader, type FieldSpec } from '../export/import';
import { columnLetter, type RawSheet, type SheetCell } from '../export/xlsx';
import type { QcdcType } from '../../../shared/schemas/units';
import type { FigureValue, ImportCommitData, ImportPreview, IndicatorKind, QcdcPeriod } from '../../../shared/schemas/qcdc';
import type { z } from 'zod';
import type { importCommitOutput } from '../../../shared/schemas/qcdc';
import {
  hardDeleteReport,
  insertReports,
  insertImport,
  deleteStalePreviews,
  insertValues,
  deleteValues,
  selectImport,
  selectIndicators,
  selectReportRowsOfPeriod,
  selectReportsByIds,
  selectReportsOfPeriod,
  selectUnitsLite,
  selectValues,
  updateImportRow,
  updateReportRow,
  type IndicatorRow,
  type ReportRow,
  type UnitLite,
  type ValueRow,
} from './repository';
import { insertIndicatorIn } from './indicators';
import { trackingRows, writeReportIn } from './reports';
import { periodRange, storedValue, successorResolver, type StoredValue } from './rules';
import { selectUnitReportById, updateUnitReport } from '../unitReports/repository';

type ImportError = ImportPreview['errors'][number];

interface ParsedColumn {
  key: string;
  header: string;
  qcdcType: QcdcType | null;
  indicatorId: string | null;
}
interface ParsedUnit {
  key: string;
  name: string;
  sheet: string;
  row: number | null;
  qcdcType: QcdcType | null;
  unitId: string | null;
}
interface ParsedCell {
  unit: string;
  column: string;
  value: SheetCell;
  sheet: string;
  row: number;
  letter: string;
}
interface Parsed {
  layout: 'rows' | 'sheets';
  sheets: string[];
  rowsRead: number;
  columnsRead: number;
  columns: ParsedColumn[];
  units: ParsedUnit[];
  cells: ParsedCell[];
  errors: ImportError[];
}

const UNIT_FIELD: FieldSpec = { key: 'unit', label: 'Đơn vị', aliases: ['Tên đơn vị', 'Đơn vị, địa phương', 'Đơn vị báo cáo', 'Tên cơ quan, đơn vị', 'Địa phương', 'Cơ sở'], required: true };
const STT_FIELD: FieldSpec = { key: 'stt', label: 'STT', aliases: ['TT', 'Số TT', 'Số thứ tự'] };
const LABEL_FIELD: FieldSpec = { key: 'label', label: 'Chỉ tiêu', aliases: ['Nội dung', 'Tên chỉ tiêu', 'Nội dung chỉ tiêu'], required: true };
const VALUE_FIELD: FieldSpec = { key: 'value', label: 'Số liệu', aliases: ['Kết quả', 'Giá trị', 'Số lượng', 'Thực hiện'], required: true };

/** "I. XÃ, PHƯỜNG, THỊ TRẤN", "II. Doanh nghiệp" → the loại hình a heading row announces. */
export function typeOfHeading(text: string | null): QcdcType | null {
  if (!text) return null;
  const f = foldHeader(text);
  if (/\b(vu trang|quan su|cong an|bien phong|quan doi)\b/.test(f)) return 'luc_luong_vu_trang';
  if (/\b(doanh nghiep|su dung lao dong|hop tac xa|cong ty)\b/.test(f)) return 'doanh_nghiep';
  if (/\b(co quan|su nghiep|hanh chinh)\b/.test(f)) return 'co_quan_nha_nuoc';
  if (/\b(xa|phuong|thi tran|cong dong dan cu)\b/.test(f)) return 'xa_phuong';
  return null;
}

const UNIT_PREFIX = /^(dang bo|chi bo|dang uy|uy ban nhan dan|ubnd|xa|phuong|thi tran|cong ty( co phan| tnhh)?|so|ban)\s+/;

/** Folded unit names, with the common prefixes dropped as a second chance ("Nam Cường" = "Xã Nam Cường"). */
function unitMatcher(units: readonly UnitLite[]): (name: string) => UnitLite | null {
  const exact = new Map<string, UnitLite>();
  const bare = new Map<string, UnitLite | null>();
  for (const u of units) {
    const f = foldHeader(u.name);
    if (!exact.has(f)) exact.set(f, u);
    const b = f.replace(UNIT_PREFIX, '');
    bare.set(b, bare.has(b) ? null : u); // ambiguous short names match nothing
  }
  return (name) => {
    const f = foldHeader(name);
    return exact.get(f) ?? bare.get(f.replace(UNIT_PREFIX, '')) ?? null;
  };
}

function indicatorMatcher(indicators: readonly IndicatorRow[]): (header: string) => IndicatorRow | null {
  const byText = new Map<string, IndicatorRow>();
  for (const i of indicators) {
    for (const t of [i.name, i.code ?? '']) {
      const f = foldHeader(t);
      if (f && !byText.has(f)) byText.set(f, i);
    }
  }
  return (header) => {
    const parts = header.split(' - ');
    for (const candidate of [header, parts[parts.length - 1] ?? '']) {
      const hit = byText.get(foldHeader(candidate));
      if (hit) return hit;
    }
    return null;
  };
}

function indicatorSpecs(indicators: readonly IndicatorRow[]): FieldSpec[] {
  return indicators.map((i) => ({ key: `ind:${i.id}`, label: i.name, aliases: i.code ? [i.code] : [] }));
}

function readRowsLayout(sheet: RawSheet, header: NonNullable<ReturnType<typeof detectHeader>>, specs: FieldSpec[], parsed: Parsed, matchIndicator: (h: string) => IndicatorRow | null): void {
  const mapping = mapColumns(header, specs);
  const unitCol = mapping.fields.unit;
  if (unitCol === null || unitCol === undefined) return;
  const stt = mapping.fields.stt ?? null;
  const dataCols = header.columns.filter((c) => c.index !== unitCol && c.index !== stt && c.text !== '');
  for (const c of dataCols) {
    const key = foldHeader(c.text);
    if (!parsed.columns.some((x) => x.key === key)) {
      parsed.columns.push({ key, header: c.text, qcdcType: null, indicatorId: matchIndicator(c.text)?.id ?? null });
    }
  }
  parsed.columnsRead = Math.max(parsed.columnsRead, dataCols.length);
  const colTypes = new Map<string, Set<QcdcType | null>>();
  for (const row of iterateRows(sheet, header, mapping)) {
    const name = cleanText(row.values.unit);
    if (!name) continue;
    parsed.rowsRead++;
    const key = `${sheet.name}!${row.rowNumber}`;
    const type = typeOfHeading(row.section);
    parsed.units.push({ key, name, sheet: sheet.name, row: row.rowNumber, qcdcType: type, unitId: null });
    for (const c of dataCols) {
      const value = row.cells[c.index] ?? null;
      if (value === null || (typeof value === 'string' && value.trim() === '')) continue;
      const colKey = foldHeader(c.text);
      parsed.cells.push({ unit: key, column: colKey, value, sheet: sheet.name, row: row.rowNumber, letter: columnLetter(c.index) });
      const set = colTypes.get(colKey) ?? new Set();
      set.add(type);
      colTypes.set(colKey, set);
    }
  }
  // A column filled only under one loại hình heading belongs to it (for creating it when missing).
  for (const col of parsed.columns) {
    const set = colTypes.get(col.key);
    if (set && set.size === 1) col.qcdcType = [...set][0] ?? null;
  }
}

function readSheetLayout(sheet: RawSheet, header: NonNullable<ReturnType<typeof detectHeader>>, parsed: Parsed, matchIndicator: (h: string) => IndicatorRow | null): void {
  const mapping = mapColumns(header, [LABEL_FIELD, VALUE_FIELD]);
  const labelCol = mapping.fields.label;
  const valueCol = mapping.fields.value;
  if (labelCol === null || labelCol === undefined || valueCol === null || valueCol === undefined) return;
  // The unit: "Đơn vị: Xã Nam Cường" above the table, else the sheet's name.
  let name = sheet.name;
  for (let r = 0; r < header.rows[0]!; r++) {
    for (const v of sheet.rows[r] ?? []) {
      const m = typeof v === 'string' ? /^\s*(?:tên\s+)?đơn vị(?:\s+báo cáo)?\s*:\s*(.+)$/i.exec(v.normalize('NFC')) : null;
      if (m) name = m[1]!.trim();
    }
  }
  const key = `sheet:${sheet.name}`;
  parsed.units.push({ key, name, sheet: sheet.name, row: null, qcdcType: null, unitId: null });
  parsed.rowsRead++;
  for (const row of iterateRows(sheet, header, mapping)) {
    const label = cleanText(row.values.label);
    const value = row.values.value ?? null;
    if (!label) continue;
    const colKey = foldHeader(label);
    if (!parsed.columns.some((x) => x.key === colKey)) parsed.columns.push({ key: colKey, header: label, qcdcType: null, indicatorId: matchIndicator(label)?.id ?? null });
    if (value === null || (typeof value === 'string' && value.trim() === '')) continue;
    parsed.cells.push({ unit: key, column: colKey, value, sheet: sheet.name, row: row.rowNumber, letter: columnLetter(valueCol) });
  }
  parsed.columnsRead = parsed.columns.length;
}

async function parseWorkbook(db: Db, bytes: Uint8Array): Promise<Parsed> {
  const book = await readWorkbook(bytes);
  const indicators = await selectIndicators(db);
  const matchIndicator = indicatorMatcher(indicators);
  const specs = [UNIT_FIELD, STT_FIELD, ...indicatorSpecs(indicators)];
  const parsed: Parsed = { layout: 'rows', sheets: [], rowsRead: 0, columnsRead: 0, columns: [], units: [], cells: [], errors: [] };
  let sheetsLayout = 0;
  for (const sheet of book.sheets) {
    if (sheet.hidden) continue;
    const rowsHeader = detectHeader(sheet, specs, { minFields: 1 });
    if (rowsHeader && rowsHeader.detected.unit !== undefined) {
      parsed.sheets.push(sheet.name);
      readRowsLayout(sheet, rowsHeader, specs, parsed, matchIndicator);
      continue;
    }
    const sheetHeader = detectHeader(sheet, [LABEL_FIELD, VALUE_FIELD]);
    if (sheetHeader) {
      parsed.sheets.push(sheet.name);
      sheetsLayout++;
      readSheetLayout(sheet, sheetHeader, parsed, matchIndicator);
    }
  }
  if (!parsed.sheets.length) {
    throw new AppError('VALIDATION', 'Không tìm thấy bảng số liệu QCDC trong tệp: cần cột "Đơn vị" và một cột cho mỗi chỉ tiêu, hoặc mỗi đơn vị một trang với cột "Chỉ tiêu" và "Số liệu".');
  }
  if (sheetsLayout > parsed.sheets.length / 2) parsed.layout = 'sheets';
  return parsed;
}

function suggestedKind(cells: readonly ParsedCell[]): IndicatorKind {
  if (cells.length && cells.every((c) => parseNumberCell(c.value) !== null)) return 'count';
  if (cells.length && cells.every((c) => typeof c.value === 'boolean' || (typeof c.value === 'string' && parseTick(c.value) !== null))) return 'yesno';
  return 'text';
}

/** A cell read for an indicator's kind; throws the Vietnamese reason. */
function cellValue(kind: string, cell: SheetCell): FigureValue {
  if (kind === 'count') {
    const n = parseNumberCell(cell);
    if (n === null) throw new Error('không phải là số');
    return n;
  }
  if (kind === 'yesno') {
    const t = parseTick(cell);
    if (t === null) throw new Error('cần "x", "có" hoặc "không"');
    return t;
  }
  if (kind === 'text') return cleanText(cell);
  throw new Error('chỉ tiêu tỷ lệ được tính tự động, cột này bị bỏ qua');
}

interface Plan {
  units: Map<string, { unit: UnitLite; type: string; values: Map<string, StoredValue | null> }>;
  errors: ImportError[];
  unknownUnits: ParsedUnit[];
  valuesCount: number;
}

/** What a commit would write with this mapping: figures per resolved unit, cell errors. */
function planImport(parsed: Parsed, indicators: readonly IndicatorRow[], units: readonly UnitLite[], year: number, period: QcdcPeriod): Plan {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const unitsById = new Map(units.map((u) => [u.id, u]));
  const resolve = successorResolver(unitsById, periodRange(year, period).from);
  const columns = new Map(parsed.columns.map((c) => [c.key, c]));
  const plan: Plan = { units: new Map(), errors: [], unknownUnits: [], valuesCount: 0 };
  const target = new Map<string, string>();
  for (const pu of parsed.units) {
    const u = pu.unitId ? unitsById.get(resolve(pu.unitId)) : undefined;
    if (!u) {
      if (!pu.unitId) plan.unknownUnits.push(pu);
      continue;
    }
    const type = u.qcdc_type ?? pu.qcdcType;
    if (!type) {
      plan.errors.push({ sheet: pu.sheet, row: pu.row, column: null, message: `"${u.name}" chưa được xếp loại hình thực hiện QCDC; hãy chọn loại hình trong danh mục đơn vị.` });
      continue;
    }
    target.set(pu.key, u.id);
    if (!plan.units.has(u.id)) plan.units.set(u.id, { unit: u, type, values: new Map() });
  }
  for (const cell of parsed.cells) {
    const unitId = target.get(cell.unit);
    const col = columns.get(cell.column);
    if (!unitId || !col?.indicatorId) continue;
    const entry = plan.units.get(unitId)!;
    let ind = byId.get(col.indicatorId);
    if (!ind) continue;
    // The same heading may name one indicator per loại hình: take the unit's own.
    if (ind.qcdc_type !== null && ind.qcdc_type !== entry.type) {
      ind = indicators.find((i) => i.qcdc_type === entry.type && foldHeader(i.name) === foldHeader(ind!.name)) ?? ind;
    }
    const at = { sheet: cell.sheet, row: cell.row, column: cell.letter };
    if (ind.qcdc_type !== null && ind.qcdc_type !== entry.type) {
      plan.errors.push({ ...at, message: `"${ind.name}" không thuộc loại hình của ${entry.unit.name}; ô bị bỏ qua.` });
      continue;
    }
    if (ind.source !== 'typed' || ind.kind === 'ratio') continue; // counted or computed: never imported
    try {
      const stored = storedValue(ind.kind, ind.name, cellValue(ind.kind, cell.value), 'value');
      entry.values.set(ind.id, stored);
      if (stored) plan.valuesCount++;
    } catch (err) {
      const reason = err instanceof AppError ? (err.fields?.value ?? err.message) : (err as Error).message;
      plan.errors.push({ ...at, message: `${ind.name}: ${reason}.` });
    }
  }
  return plan;
}

function toPreview(id: string, fileName: string, year: number, period: QcdcPeriod, parsed: Parsed, indicators: readonly IndicatorRow[], units: readonly UnitLite[], replacing: number): ImportPreview {
  const plan = planImport(parsed, indicators, units, year, period);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const unitsById = new Map(units.map((u) => [u.id, u]));
  return {
    importId: id,
    fileName,
    year,
    period,
    layout: parsed.layout,
    sheets: parsed.sheets,
    rowsRead: parsed.rowsRead,
    columnsRead: parsed.columnsRead,
    mapping: {
      columns: parsed.columns.map((c) => ({
        key: c.key,
        header: c.header,
        qcdcType: c.qcdcType,
        indicatorId: c.indicatorId,
        indicatorName: c.indicatorId ? (byId.get(c.indicatorId)?.name ?? null) : null,
        suggestedKind: suggestedKind(parsed.cells.filter((x) => x.column === c.key)),
      })),
      units: parsed.units.map((u) => ({ ...u, unitName: u.unitId ? (unitsById.get(u.unitId)?.name ?? null) : null })),
    },
    valuesCount: plan.valuesCount,
    replacingUnits: replacing,
    errors: [...parsed.errors, ...plan.errors],
    unknownUnits: plan.unknownUnits.map((u) => ({ key: u.key, name: u.name, sheet: u.sheet, row: u.row })),
    unknownIndicators: parsed.columns.filter((c) => !c.indicatorId).map((c) => ({ key: c.key, header: c.header, qcdcType: c.qcdcType })),
  };
}

async function replacingCount(db: Db, parsed: Parsed, year: number, period: QcdcPeriod): Promise<number> {
  const ids = new Set(parsed.units.map((u) => u.unitId).filter((x): x is string => !!x));
  let n = 0;
  for (const r of await selectReportsOfPeriod(db, year, period)) if (ids.has(r.unit_id)) n++;
  return n;
}

export async function importPreview(ctx: AppContext, input: { fileName: string; bytes: Uint8Array; year: number; period: QcdcPeriod }): Promise<ImportPreview> {
  const parsed = await parseWorkbook(ctx.db, input.bytes);
  const units = await selectUnitsLite(ctx.db);
  const match = unitMatcher(units);
  for (const u of parsed.units) u.unitId = match(u.name)?.id ?? null;
  const id = newId(ctx.clock.now().getTime());
  const at = isoNow(ctx.clock);
  // The preview is kept (not the file) so the commit works from exactly what was shown; previews
  // never committed are dropped after a day so the staging rows do not pile up.
  await ctx.db.transaction().execute(async (trx) => {
    const dropped = await deleteStalePreviews(trx, new Date(ctx.clock.now().getTime() - 86_400_000).toISOString());
    await insertImport(trx, { id, file_name: input.fileName, year: input.year, period: input.period, created_at: at, parsed_json: JSON.stringify(parsed), committed_at: null, before_json: null, undone_at: null });
    await recordAudit(trx, ctx.actor, at, { entity: 'qcdc_import', entityId: id, action: 'preview', after: { fileName: input.fileName, year: input.year, period: input.period, rows: parsed.rowsRead, staleDropped: dropped } });
  });
  return toPreview(id, input.fileName, input.year, input.period, parsed, await selectIndicators(ctx.db), units, await replacingCount(ctx.db, parsed, input.year, input.period));
}

interface Before {
  at: string;
  reports: { unitId: string; reportId: string; before: ReportRow | null; values: ValueRow[] }[];
  tracking: string[];
  indicators: string[];
}

export async function importCommit(ctx: AppContext, data: ImportCommitData): Promise<z.infer<typeof importCommitOutput>> {
  const today = localToday(ctx.clock);
  const receivedDate = data.receivedDate ?? today;
  if (receivedDate > today) throw new AppError('VALIDATION', 'Ngày nhận báo cáo không được sau hôm nay.', { receivedDate: 'Ngày ở tương lai.' });
  return ctx.db.transaction().execute(async (trx) => {
    const row = await selectImport(trx, data.importId);
    if (!row) throw notFound('lần nhập');
    if (row.committed_at) throw conflict('Lần nhập này đã được ghi rồi; hãy xem trước lại tệp nếu muốn nhập lần nữa.');
    const parsed = JSON.parse(row.parsed_json) as Parsed;
    const indicatorsBefore = await selectIndicators(trx);
    const known = new Set(indicatorsBefore.map((i) => i.id));
    const units = await selectUnitsLite(trx);
    const unitIds = new Set(units.map((u) => u.id));
    for (const [key, id] of Object.entries(data.mapping?.columns ?? {})) {
      const col = parsed.columns.find((c) => c.key === key);
      if (!col) throw new AppError('VALIDATION', `Không có cột "${key}" trong tệp đã xem trước.`, { [`mapping.columns.${key}`]: 'Không có trong tệp.' });
      if (id && !known.has(id)) throw new AppError('VALIDATION', 'Chỉ tiêu được chọn không tồn tại.', { [`mapping.columns.${key}`]: 'Không tồn tại.' });
      col.indicatorId = id;
    }
    for (const [key, id] of Object.entries(data.mapping?.units ?? {})) {
      const u = parsed.units.find((x) => x.key === key);
      if (!u) throw new AppError('VALIDATION', `Không có dòng đơn vị "${key}" trong tệp đã xem trước.`, { [`mapping.units.${key}`]: 'Không có trong tệp.' });
      if (id && !unitIds.has(id)) throw new AppError('VALIDATION', 'Đơn vị được chọn không tồn tại.', { [`mapping.units.${key}`]: 'Không tồn tại.' });
      u.unitId = id;
    }
    const created: string[] = [];
    if (data.createMissing) {
      for (const col of parsed.columns.filter((c) => !c.indicatorId)) {
        const cells = parsed.cells.filter((c) => c.column === col.key);
        if (!cells.length) continue;
        col.indicatorId = await insertIndicatorIn(trx, ctx, { qcdcType: col.qcdcType, name: col.header.slice(0, 300), kind: suggestedKind(cells), source: 'typed', code: null, unitLabel: null, legalBasis: null });
        created.push(col.indicatorId);
      }
    }
    const plan = planImport(parsed, await selectIndicators(trx), units, row.year, row.period as QcdcPeriod);
    const at = isoNow(ctx.clock);
    const before: Before = { at, reports: [], tracking: [], indicators: created };
    const key = { year: row.year, period: row.period as QcdcPeriod };
    // The whole period read at once: a thousand units must not cost a thousand look-ups each.
    const priors = new Map((await selectReportRowsOfPeriod(trx, key.year, key.period)).map((r) => [r.unit_id, r]));
    const priorValues = new Map<string, ValueRow[]>();
    for (const v of await selectValues(trx, [...plan.units.keys()].flatMap((id) => (priors.has(id) ? [priors.get(id)!.id] : [])))) {
      priorValues.set(v.report_id, [...(priorValues.get(v.report_id) ?? []), v]);
    }
    const tracking = await trackingRows(trx, key);
    const batch = { reports: [] as Parameters<typeof insertReports>[1], values: [] as Parameters<typeof insertValues>[1] };
    for (const entry of plan.units.values()) {
      if (!entry.values.size) continue;
      const prior = priors.get(entry.unit.id) ?? null;
      const values = prior ? (priorValues.get(prior.id) ?? []) : [];
      const written = await writeReportIn(
        trx,
        ctx,
        { ...key, unitId: entry.unit.id, values: entry.values, receivedDate, importId: row.id, known: { before: prior, values, tracked: tracking.get(entry.unit.id) ?? null }, batch },
        entry.type,
      );
      before.reports.push({ unitId: entry.unit.id, reportId: written.reportId, before: prior, values });
      if (written.trackedRowId) before.tracking.push(written.trackedRowId);
    }
    await insertReports(trx, batch.reports);
    await insertValues(trx, batch.values);
    // One audit entry for the whole import; what it replaced is kept with the import (before_json) for undo.
    await updateImportRow(trx, row.id, { committed_at: at, before_json: JSON.stringify(before), parsed_json: JSON.stringify(parsed) });
    await recordAudit(trx, ctx.actor, at, {
      entity: 'qcdc_import',
      entityId: row.id,
      action: 'import',
      after: { fileName: row.file_name, year: row.year, period: row.period, reports: before.reports.map((r) => r.reportId), tracking: before.tracking, values: plan.valuesCount, indicatorsCreated: created },
    });
    return {
      importId: row.id,
      reportsSaved: before.reports.length,
      valuesSaved: plan.valuesCount,
      indicatorsCreated: created.length,
      unitsSkipped: parsed.units.filter((u) => !u.unitId).length,
      errors: [...parsed.errors, ...plan.errors],
    };
  });
}

/** Puts back the reports and figures the import replaced; refused when one was edited since. */
export async function importUndo(ctx: AppContext, importId: string): Promise<{ importId: string; reportsRestored: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await selectImport(trx, importId);
    if (!row) throw notFound('lần nhập');
    if (!row.committed_at || !row.before_json) throw conflict('Lần nhập này chưa được ghi nên không có gì để hoàn tác.');
    if (row.undone_at) throw conflict('Lần nhập này đã được hoàn tác rồi.');
    const before = JSON.parse(row.before_json) as Before;
    const current = new Map((await selectReportsByIds(trx, before.reports.map((r) => r.reportId))).map((r) => [r.id, r]));
    const changed = before.reports.find((r) => (current.get(r.reportId)?.updated_at ?? '') > before.at);
    if (changed) throw conflict('Số liệu của một đơn vị đã được sửa sau khi nhập; không hoàn tác được để khỏi mất phần đã sửa.');
    const at = isoNow(ctx.clock);
    for (const r of before.reports) {
      if (!r.before) {
        await hardDeleteReport(trx, r.reportId);
        continue;
      }
      const { id, ...fields } = r.before;
      await updateReportRow(trx, id, fields);
      await deleteValues(trx, id);
      await insertValues(trx, r.values);
    }
    for (const id of before.tracking) {
      const tracked = await selectUnitReportById(trx, id);
      if (tracked) await updateUnitReport(trx, id, { received_date: null, updated_at: at });
    }
    await updateImportRow(trx, row.id, { undone_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'qcdc_import', entityId: row.id, action: 'undo', before: { reports: before.reports.length } });
    return { importId, reportsRestored: before.reports.length };
  });
}

