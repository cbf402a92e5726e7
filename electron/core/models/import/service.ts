import type { AppContext } from '../../context';
import { recordAudit, type Db } from '../../db/audit';
import { newId } from '../../db/ids';
import { isoNow } from '../../clock';
import { AppError } from '../../errors';
import type { JobReporter } from '../../jobs/jobs';
import { foldText, normalizeText, vietnameseSortKey } from '../../../../shared/text/vietnamese';
import { formatNumber } from '../../../../shared/text/format';
import type { ImportCommitResult, ImportFieldKey, ImportMapping, ImportPreview } from '../../../../shared/schemas/models';
import { IMPORT_FIELD_KEYS } from '../../../../shared/schemas/models';
import {
  insertCatalogRow,
  insertReviewRow,
  insertUnitRow,
  maxTopLevelOrder,
  selectCatalog,
  selectMapping,
  selectReviews,
  selectUnits,
  upsertMapping,
  type CatalogLite,
  type ModelRow,
  type YearRow,
  type UnitLite,
} from '../repository';
import { newYearRow, searchTextOf } from '../service';
import { UnitTree } from '../unitTree';
import { catalogKey, headerKey, isMark, normalizeKind, normalizeRecognition, normalizeRegistration, parseDateText, unitCoreKey } from './spec';
import { detectLayout, detectMapping, detectYear, extractRows, headerSignature, headingOf, isNumberingRow, isTotalsRow, type RawRow, type SheetLayout } from './parse';
import { refineMappingByContent, sampleColumns, type ContentRule } from '../../export/import';
import { columnLetter } from '../../export/xlsx';
import { readWorkbookGrids } from './workbook';
import { ImportStore, withImportCache, type YearInsert } from './repository';
import type { ImportUndoRecord } from './undo';
import { startBackupBeforeImport } from '../../safety/backup/service';

/*
 * Excel import of the register: preview (nothing written) → optional remap → commit in one
 * transaction. The parsed file stays in memory, keyed by an import id, for 30 minutes.
 */

const SESSION_TTL_MS = 30 * 60 * 1000;
/** Rows written between two progress reports (each report yields, so a cancel can arrive). */
const PROGRESS_EVERY = 500;
/**
 * New yearly records are written set-wise every this many rows (ImportStore.flushYears): each
 * flush is one search-index segment, and fewer, larger segments cost less to merge (10,000 rows:
 * 0.9 s in flushes of 1,000, 0.7 s in flushes of 5,000), while one flush still takes well under a
 * second between two progress reports.
 */
const FLUSH_EVERY = 5000;
const MAX_SESSIONS = 8;

interface Session {
  id: string;
  fileName: string;
  layouts: SheetLayout[];
  signature: string;
  detectedYear: number | null;
  year: number | null;
  mapping: ImportMapping;
  mappingSource: 'detected' | 'remembered' | 'given';
  legacyEncoding: 'none' | 'tcvn3' | 'vni';
  expiresAt: number;
  /** Rows extracted and tidied under one mapping: preview and commit of the same mapping share them. */
  extracted?: { mappingKey: string; rows: ExtractedRow[] };
  /** The preview's analysis, reused by the commit when nothing it depends on changed (see analyseForCommit). */
  analysed?: { key: string; result: Analysis };
}

interface ExtractedRow {
  raw: RawRow;
  layout: SheetLayout;
  clean: Partial<Record<ImportFieldKey, string>>;
}

function extractedRows(session: Session, mapping: ImportMapping): ExtractedRow[] {
  const mappingKey = JSON.stringify(IMPORT_FIELD_KEYS.map((k) => mapping[k] ?? null));
  if (session.extracted?.mappingKey === mappingKey) return session.extracted.rows;
  const rows: ExtractedRow[] = [];
  for (const layout of session.layouts) {
    for (const raw of extractRows(layout, mapping)) {
      // Each mapped cell is tidied once (the checks read some of them several times).
      const clean: Partial<Record<ImportFieldKey, string>> = {};
      for (const k in raw.values) clean[k as ImportFieldKey] = normalizeText(raw.values[k as ImportFieldKey] ?? '');
      rows.push({ raw, layout, clean });
    }
  }
  session.extracted = { mappingKey, rows };
  return rows;
}

const sessions = new WeakMap<object, Map<string, Session>>();

function store(ctx: object): Map<string, Session> {
  let s = sessions.get(ctx);
  if (!s) {
    s = new Map();
    sessions.set(ctx, s);
  }
  const now = Date.now();
  for (const [id, sess] of s) if (sess.expiresAt < now) s.delete(id);
  while (s.size >= MAX_SESSIONS) s.delete(s.keys().next().value!);
  return s;
}

function getSession(ctx: object, importId: string): Session {
  const sess = store(ctx).get(importId);
  if (!sess) throw new AppError('NOT_FOUND', 'Phiên nhập đã hết hạn hoặc không tồn tại; hãy chọn lại tệp Excel.', { importId: 'Phiên nhập không còn.' });
  return sess;
}

// ------------------------------------------------------------------ resolution against the database

interface Lookups {
  /** Every unit and catalogue name and id the analysis matched against, as one comparable string. */
  signature: string;
  units: UnitLite[];
  unitByKey: Map<string, string>;
  unitByCore: Map<string, string | null>;
  catalogs: Record<'field' | 'awardForm' | 'recognitionLevel', Map<string, string>>;
}

async function loadLookups(db: Db): Promise<Lookups> {
  const units = (await selectUnits(db)).filter((u) => !u.deleted_at);
  const unitByKey = new Map<string, string>();
  const unitByCore = new Map<string, string | null>();
  for (const u of units) {
    unitByKey.set(headerKey(u.name), u.id);
    const core = unitCoreKey(u.name);
    // An ambiguous core ("xã Thanh Mai" under two parents) matches nothing.
    unitByCore.set(core, unitByCore.has(core) ? null : u.id);
  }
  const items = await selectCatalog(db, ['field', 'awardForm', 'recognitionLevel']);
  const catalogs = { field: new Map<string, string>(), awardForm: new Map<string, string>(), recognitionLevel: new Map<string, string>() };
  for (const it of items) {
    const map = catalogs[it.catalog as keyof typeof catalogs];
    map.set(catalogKey(it.name), it.id);
    if (it.code) map.set(catalogKey(it.code), it.id);
  }
  const signature = [...units.map((u) => `${u.id}\t${u.name}`), '', ...items.map((it) => `${it.id}\t${it.catalog}\t${it.name}\t${it.code ?? ''}`)].join('\n');
  return { signature, units, unitByKey, unitByCore, catalogs };
}

function findUnit(l: Lookups, name: string): string | null {
  return l.unitByKey.get(headerKey(name)) ?? l.unitByCore.get(unitCoreKey(name)) ?? null;
}

type CatalogName = 'field' | 'awardForm' | 'recognitionLevel';

interface Options {
  createMissing: boolean;
  createMissingFields: boolean;
  unitMap: Record<string, string>;
  valueMap: Record<string, string>;
  /** The parent chosen for every new unit, and per unit (folded name → parent id, null: top). */
  parentId?: string | undefined;
  unitParents?: Record<string, string | null> | undefined;
  createMissingUnits?: boolean | undefined;
  skipValues?: ReadonlySet<string> | undefined;
  mergeRows?: ReadonlySet<string> | undefined;
}

const PREVIEW_OPTIONS: Options = { createMissing: false, createMissingFields: false, unitMap: {}, valueMap: {} };

/** Names of party organisations as heading rows give them ("HUYỆN ỦY CHỢ MỚI", "Đảng bộ xã …"). */
const UNIT_NAME = /^(huyen uy|thanh uy|thi uy|tinh uy|dang uy|dang bo|chi bo|ban can su dang|dang doan|quan uy|dang uy khoi)\b/;

/** The unit a row's headings name (innermost first): an existing unit, else a text that reads as one. */
function headingUnit(l: Lookups, headings: readonly string[]): { name: string; id: string | null } | null {
  for (let i = headings.length - 1; i >= 0; i--) {
    const id = findUnit(l, headings[i]!);
    if (id) return { name: headings[i]!, id };
  }
  for (let i = headings.length - 1; i >= 0; i--) if (UNIT_NAME.test(headerKey(headings[i]!))) return { name: headings[i]!, id: null };
  return null;
}

/** The field a row's headings name ("1. Lĩnh vực xây dựng Đảng…"), when the catalogue has it. */
function headingField(l: Lookups, headings: readonly string[]): string | undefined {
  for (let i = headings.length - 1; i >= 0; i--) {
    const key = catalogKey(headings[i]!);
    const id = l.catalogs.field.get(key) ?? l.catalogs.field.get(key.replace(/^linh vuc\s+/, ''));
    if (id) return id;
  }
  return undefined;
}

interface Analysed {
  raw: RawRow;
  seq: string | null;
  year: number;
  errors: string[];
  /** Why the row cannot be committed with the given options (unknown unit or catalogue value). */
  pending: string | null;
  unitName: string;
  unitId: string | null;
  /** For a unit not in the list: the existing organisation its rows are grouped under (the default parent). */
  parentHint: string | null;
  name: string;
  nameFolded: string;
  /** Identity keys tried in order against `dvk_models.name_folded`; the first is used on create. */
  keys: string[];
  kind: 'collective' | 'individual';
  fieldId: string | null | undefined;
  pendingValues: Array<{ catalog: CatalogName; value: string }>;
  levelId: string | null | undefined;
  awardId: string | null | undefined;
  registration: 'new' | 'carried' | null;
  status: 'recognised' | 'notRecognised' | null;
  typical: boolean | null;
  decisionNo: string | null;
  decisionDate: string | null;
  model: Partial<Record<'performer' | 'timing' | 'situation' | 'goals' | 'content' | 'area' | 'lead_force' | 'coop_force' | 'resources' | 'expected_results' | 'replicability', string>>;
  note: string | null;
}

const MODEL_TEXT_FIELDS: Array<[ImportFieldKey, keyof Analysed['model']]> = [
  ['performer', 'performer'],
  ['timing', 'timing'],
  ['situation', 'situation'],
  ['goals', 'goals'],
  ['content', 'content'],
  ['area', 'area'],
  ['leadForce', 'lead_force'],
  ['coopForce', 'coop_force'],
  ['resources', 'resources'],
  ['expectedResults', 'expected_results'],
  ['replicability', 'replicability'],
];

const CATALOG_LABEL: Record<CatalogName, string> = { field: 'Lĩnh vực', awardForm: 'Hình thức khen thưởng', recognitionLevel: 'Cấp công nhận' };

type Analysis = ReturnType<typeof analyse>;

function analysisKey(mapping: ImportMapping, year: number | null, l: Lookups): string {
  return `${JSON.stringify(IMPORT_FIELD_KEYS.map((k) => mapping[k] ?? null))}|${year}|${l.signature}`;
}

/** The preview's analysis (its options never create or remap anything), kept for the commit. */
function analyseForPreview(session: Session, l: Lookups): Analysis {
  const result = analyse(session, session.mapping, session.year, l, PREVIEW_OPTIONS);
  session.analysed = { key: analysisKey(session.mapping, session.year, l), result };
  return result;
}

/**
 * The commit's analysis. The preview's is reused (a tenth of a 10,000-row import's time) only when
 * it cannot differ: same mapping, year and units/catalogues, no unit or value to remap or create
 * (the options then change nothing, and the commit does not modify the rows).
 */
function analyseForCommit(session: Session, mapping: ImportMapping, year: number | null, l: Lookups, opts: Options): Analysis {
  const cached = session.analysed;
  session.analysed = undefined; // a failed commit (rolled back) must start from a fresh analysis
  if (
    cached &&
    cached.key === analysisKey(mapping, year, l) &&
    !cached.result.unknownUnits.length &&
    !cached.result.unknownValues.length &&
    !Object.keys(opts.unitMap).length &&
    !Object.keys(opts.valueMap).length &&
    !opts.mergeRows?.size
  ) {
    return cached.result;
  }
  return analyse(session, mapping, year, l, opts);
}

function analyse(session: Session, mapping: ImportMapping, year: number | null, l: Lookups, opts: Options) {
  const rows: Analysed[] = [];
  const unknownUnits = new Map<string, { name: string; rows: number; parentId: string | null; parentName: string | null }>();
  const unknownValues = new Map<string, { catalog: CatalogName; value: string; rows: number }>();
  const unitMapByKey = new Map(Object.entries(opts.unitMap).map(([k, v]) => [headerKey(k), v]));
  const valueMapByKey = new Map(Object.entries(opts.valueMap).map(([k, v]) => [catalogKey(k), v]));
  const sheetFallback = mapping.unit === undefined || mapping.unit === null;
  const unitCache = new Map<string, { key: string; id: string | null }>();
  const catalogCache = new Map<string, { key: string; id: string | undefined }>();

  {
    for (const { raw, layout, clean } of extractedRows(session, mapping)) {
      const v = (k: ImportFieldKey) => clean[k] ?? '';
      const errors: string[] = [];
      const pendingValues: Analysed['pendingValues'] = [];
      let pending: string | null = null;
      const seq = v('seq') || null;

      let rowYear = year;
      if (v('year')) {
        const y = Number(v('year'));
        if (Number.isInteger(y) && y >= 2000 && y <= 2100) rowYear = y;
        else errors.push(`Năm “${v('year')}” không hợp lệ.`);
      }

      const name = v('name');
      if (!name) errors.push('Thiếu tên mô hình.');
      else if (name.length > 500) errors.push('Tên mô hình dài quá 500 ký tự.');

      // No unit column: the unit heading the rows are grouped under, else the sheet (one per unit).
      const grouped = raw.headings.length ? headingUnit(l, raw.headings) : null;
      const unitName = sheetFallback ? normalizeText(grouped?.name ?? layout.sheet.name) : v('unit');
      const parentHint = sheetFallback ? null : (grouped?.id ?? null);
      let unitId: string | null = null;
      if (!unitName) errors.push('Thiếu đơn vị đăng ký.');
      else {
        // A file names the same few hundred units thousands of times: resolve each text once.
        let resolved = unitCache.get(unitName);
        if (resolved === undefined) {
          const key = headerKey(unitName);
          resolved = { key, id: unitMapByKey.get(key) ?? findUnit(l, unitName) };
          unitCache.set(unitName, resolved);
        }
        unitId = resolved.id;
        if (!unitId) {
          const key = resolved.key;
          const u = unknownUnits.get(key) ?? { name: unitName, rows: 0, parentId: parentHint, parentName: parentHint ? (grouped?.name ?? null) : null };
          u.rows++;
          unknownUnits.set(key, u);
          if (!(opts.createMissingUnits ?? opts.createMissing)) pending = `Đơn vị “${unitName}” chưa có trong danh sách đơn vị.`;
        }
      }

      let kind: 'collective' | 'individual' | null = null;
      if (v('kind')) {
        kind = normalizeKind(v('kind'));
        if (!kind) errors.push(`Loại mô hình “${v('kind')}” không hợp lệ: chỉ có Tập thể hoặc Cá nhân.`);
      } else if (isMark(v('collectiveMark')) && !isMark(v('individualMark'))) kind = 'collective';
      else if (isMark(v('individualMark')) && !isMark(v('collectiveMark'))) kind = 'individual';
      else if (isMark(v('collectiveMark')) && isMark(v('individualMark'))) errors.push('Đánh dấu cả Tập thể và Cá nhân.');
      else errors.push('Thiếu loại mô hình (Tập thể hoặc Cá nhân).');

      const resolveCatalog = (catalog: CatalogName, value: string, blocking: boolean): string | null | undefined => {
        if (!value) return undefined;
        const cacheKey = `${catalog}|${value}`;
        let resolved = catalogCache.get(cacheKey);
        if (!resolved) {
          const folded = catalogKey(value);
          resolved = { key: folded, id: valueMapByKey.get(folded) ?? l.catalogs[catalog].get(folded) };
          catalogCache.set(cacheKey, resolved);
        }
        if (resolved.id) return resolved.id;
        const key = `${catalog}|${resolved.key}`;
        const u = unknownValues.get(key) ?? { catalog, value, rows: 0 };
        u.rows++;
        unknownValues.set(key, u);
        // The preview's choice for this value is what happens: skipped means its rows are skipped.
        const skipped = opts.skipValues?.has(`${catalog}|${value}`) ?? false;
        const creatable = !skipped && (catalog === 'field' ? opts.createMissingFields : opts.createMissing);
        if (creatable) {
          pendingValues.push({ catalog, value });
          return null;
        }
        const msg = `${CATALOG_LABEL[catalog]} “${value}” không có trong danh mục.`;
        if (skipped) pending ??= `${msg} (bỏ qua theo lựa chọn)`;
        else if (blocking) errors.push(msg);
        else pending ??= msg;
        return null;
      };
      // The field catalogue is the province's own list: a value outside it is an error in the file.
      const fieldId = v('field') ? resolveCatalog('field', v('field'), true) : raw.headings.length ? headingField(l, raw.headings) : undefined;
      const levelId = resolveCatalog('recognitionLevel', v('level'), false);
      // A tick in a "Khen thưởng" column: commended, the form not given (null, not a catalogue value "x").
      const awardId = isMark(v('awardForm')) ? null : resolveCatalog('awardForm', v('awardForm'), false);

      let registration: 'new' | 'carried' | null = null;
      if (v('registration')) {
        registration = normalizeRegistration(v('registration'));
        if (!registration) errors.push(`“${v('registration')}” không phải Mới hoặc Duy trì.`);
      }
      let status: 'recognised' | 'notRecognised' | null = null;
      if (v('recognised')) {
        const recognition = normalizeRecognition(v('recognised'));
        status = recognition === 'registered' ? null : recognition;
        if (!recognition) errors.push(`Kết quả công nhận “${v('recognised')}” không rõ (ghi “x”, “Công nhận” hoặc “Không”).`);
      } else if (isMark(v('notRecognisedMark'))) status = 'notRecognised';
      const typical = v('typical') ? isMark(v('typical')) || headerKey(v('typical')) === 'dien hinh' : null;
      if (typical && status === 'notRecognised') errors.push('Mô hình không được công nhận thì không thể là điển hình.');
      if ((typical || awardId !== undefined) && status === null) status = 'recognised';
      let decisionDate: string | null = null;
      if (v('decisionDate')) {
        decisionDate = parseDateText(v('decisionDate'));
        if (!decisionDate) errors.push(`Ngày quyết định “${v('decisionDate')}” không đúng dạng dd/mm/yyyy.`);
      }
      if (rowYear === null) errors.push('Chưa rõ năm đăng ký (chọn năm khi nhập).');

      const nameFolded = foldText(name);

      const model: Analysed['model'] = {};
      for (const [k, col] of MODEL_TEXT_FIELDS) if (v(k)) model[col] = v(k);

      rows.push({
        raw,
        seq,
        year: rowYear ?? 0,
        errors,
        pending,
        unitName,
        unitId,
        parentHint,
        name,
        nameFolded,
        keys: [nameFolded],
        kind: kind ?? 'collective',
        fieldId,
        pendingValues,
        levelId,
        awardId,
        registration,
        status,
        typical,
        decisionNo: v('decisionNo') || null,
        decisionDate,
        model,
        note: v('note') || null,
      });
    }
  }
  const { warnings, duplicates } = disambiguate(rows, opts.mergeRows);
  return { rows, warnings, duplicates, unknownUnits: [...unknownUnits.values()], unknownValues: [...unknownValues.values()] };
}

/**
 * Rows of one year and unit with the same model name: real lists repeat generic names ("Chi hội phụ
 * nữ giúp nhau…") for different people. Different performers → different models, told apart by
 * the performer in their identity key (the first keeps the plain key); same performer → a duplicate.
 */
type Duplicate = NonNullable<ImportPreview['duplicates']>[number];

function disambiguate(rows: Analysed[], mergeRows: ReadonlySet<string> | undefined): { warnings: string[]; duplicates: Duplicate[] } {
  const warnings: string[] = [];
  const duplicates: Duplicate[] = [];
  const groups = new Map<string, Analysed[]>();
  for (const r of rows) {
    if (r.errors.length || !r.name || !r.unitName) continue;
    const key = `${r.year}|${r.unitId ?? headerKey(r.unitName)}|${r.nameFolded}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const byPerformer = new Map<string, Analysed[]>();
    for (const r of group) {
      const performer = foldText(r.model.performer ?? '');
      const same = byPerformer.get(performer);
      if (same) {
        const first = same[0]!;
        // Rows with their own number in the list are the list's own count (two villages running the
        // same model): kept as separate models, told apart by their place among the look-alikes so a
        // re-import finds each again. Rows without their own number are one model typed twice.
        if (r.seq && same.every((o) => o.seq !== r.seq)) {
          duplicates.push({ sheet: r.raw.sheet, row: r.raw.row, seq: r.seq, sameAsRow: first.raw.row, sameAsSeq: first.seq, name: r.name, unitName: r.unitName });
          if (mergeRows?.has(`${r.raw.sheet}!${r.raw.row}`)) {
            r.pending = `Gộp vào dòng ${first.raw.row} (theo lựa chọn).`;
            continue;
          }
          same.push(r);
          r.keys = [`${r.nameFolded} ~ ${performer} ~ ${same.length}`];
          warnings.push(
            `Dòng ${r.raw.row} (TT ${r.seq}) giống dòng ${first.raw.row}${first.seq ? ` (TT ${first.seq})` : ''} (cùng đơn vị, tên mô hình và người thực hiện): được giữ là mô hình riêng.`,
          );
          continue;
        }
        r.errors.push(`Trùng với dòng ${first.raw.row} (cùng năm, đơn vị, tên mô hình và người thực hiện).`);
        continue;
      }
      byPerformer.set(performer, [r]);
      const suffixed = `${r.nameFolded} ~ ${performer}`;
      if (r === group[0]) r.keys = [suffixed, r.nameFolded];
      else {
        r.keys = [suffixed];
        warnings.push(
          `Dòng ${r.raw.row}${r.seq ? ` (TT ${r.seq})` : ''} trùng tên mô hình với dòng ${group[0]!.raw.row} cùng đơn vị; người thực hiện khác nên được nhập là mô hình riêng.`,
        );
      }
    }
  }
  return { warnings, duplicates };
}

// ------------------------------------------------------------------ planning (shared by preview and commit)

interface PlannedRow {
  row: Analysed;
  action: 'create' | 'update' | 'unchanged';
  model?: ModelRow | undefined;
  year?: YearRow | undefined;
  modelPatch: Record<string, unknown>;
  yearPatch: Record<string, unknown>;
}

function desiredYear(r: Analysed): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (r.registration) out.registration = r.registration;
  if (r.status) out.status = r.status;
  if (r.levelId !== undefined) out.recognition_level_id = r.levelId;
  if (r.decisionNo) out.recognition_decision_no = r.decisionNo;
  if (r.decisionDate) out.recognition_date = r.decisionDate;
  if (r.typical !== null) out.typical = r.typical ? 1 : 0;
  if (r.awardId !== undefined) {
    out.award_form_id = r.awardId;
    out.commended = 1;
  }
  if (r.note) out.note = r.note;
  return out;
}

function diff(existing: object, wanted: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(wanted)) if ((existing as Record<string, unknown>)[k] !== val) patch[k] = val;
  return patch;
}

/**
 * Matches each row against the database (year + unit + folded name) through the identity indexes,
 * one prepared lookup per row: cheaper than loading every model of the file's units, which at
 * province scale are tens of thousands of rows the file never names.
 */
function plan(store: ImportStore, rows: Analysed[]): PlannedRow[] {
  // The identity keys of the file's units, read from the covering identity index in one pass per
  // unit: rows of new models (most of a first import) then cost no lookup at all.
  const existing = new Map<string, Set<string>>();
  for (const r of rows) if (r.unitId && !existing.has(r.unitId)) existing.set(r.unitId, store.modelKeysOfUnit(r.unitId));
  return rows.map((r): PlannedRow => {
    let model: ModelRow | undefined;
    if (r.unitId) {
      const keys = existing.get(r.unitId)!;
      for (const k of r.keys) {
        if (!keys.has(k)) continue;
        model = store.findModel(r.unitId, k);
        if (model) break;
      }
    }
    if (!model) return { row: r, action: 'create', modelPatch: {}, yearPatch: {} };
    const wantedModel: Record<string, unknown> = { ...r.model, kind: r.kind };
    if (r.fieldId !== undefined) wantedModel.field_id = r.fieldId;
    const modelPatch = diff(model, wantedModel);
    const year = store.findYear(model.id, r.year);
    if (!year) return { row: r, action: 'create', model, modelPatch, yearPatch: {} };
    const yearPatch = diff(year, desiredYear(r));
    const changed = Object.keys(modelPatch).length > 0 || Object.keys(yearPatch).length > 0;
    return { row: r, action: changed ? 'update' : 'unchanged', model, year, modelPatch, yearPatch };
  });
}

// ------------------------------------------------------------------ preview

async function buildPreview(ctx: Pick<AppContext, 'db' | 'sqlite'>, session: Session): Promise<ImportPreview> {
  const lookups = await loadLookups(ctx.db);
  const { rows, unknownUnits, unknownValues, duplicates, warnings: rowWarnings } = analyseForPreview(session, lookups);
  const valid = rows.filter((r) => !r.errors.length);
  const planned = plan(
    new ImportStore(ctx.sqlite),
    valid.filter((r) => r.unitId),
  );
  const counts = { create: valid.filter((r) => !r.unitId).length, update: 0, unchanged: 0 };
  for (const p of planned) counts[p.action]++;
  const warnings: string[] = [...rowWarnings];
  if (session.year === null) warnings.push('Không tìm thấy năm trong tiêu đề hoặc tên tệp: hãy chọn năm đăng ký.');
  if (session.legacyEncoding !== 'none') {
    warnings.push(
      `Tệp dùng bảng mã cũ ${session.legacyEncoding === 'tcvn3' ? 'TCVN3 (ABC, phông .VnTime)' : 'VNI'}: chữ đã được chuyển sang Unicode; hãy kiểm tra lại tên đơn vị và tên mô hình trong bản xem trước.`,
    );
  }
  if (session.mapping.name === undefined || session.mapping.name === null) warnings.push('Chưa chọn cột “Tên mô hình”.');
  if ((session.mapping.unit === undefined || session.mapping.unit === null) && session.layouts.length) {
    warnings.push('Không có cột “Đơn vị đăng ký”: tên trang tính được dùng làm tên đơn vị.');
  }
  const first = session.layouts[0]!;
  const columns = first.headers.map((header, index) => ({
    index,
    letter: columnLetter(index),
    header,
    samples: first.sheet.rows
      .slice(first.headerIndex + 1)
      .map((r) => r[index] ?? '')
      .filter((c) => c !== '' && !/^\(\d+\)$/.test(c))
      .slice(0, 3),
  }));
  return {
    importId: session.id,
    fileName: session.fileName,
    sheetName: session.layouts.map((l) => l.sheet.name).join(', '),
    year: session.year,
    headerRow: first.headerIndex + 1,
    columns,
    mapping: Object.fromEntries(Object.entries(session.mapping).filter(([, c]) => typeof c === 'number')) as Record<string, number>,
    mappingSource: session.mappingSource,
    rowsRead: rows.length,
    rowsValid: valid.length,
    errors: rows
      .filter((r) => r.errors.length)
      .map((r) => ({ sheet: r.raw.sheet, row: r.raw.row, seq: r.seq, reasons: r.errors })),
    unknownUnits,
    unknownValues,
    warnings,
    duplicates,
    plan: counts,
    legacyEncoding: session.legacyEncoding,
    expiresAt: new Date(session.expiresAt).toISOString(),
  };
}

const NUMBER_LIKE = /^[\divxlc]+([.,]\d+)*[.)]?$/i;

/**
 * What each field's values look like (export/import/content.ts decides with them): a column whose
 * content contradicts its header loses the field, and statuses, kinds and known unit names claim
 * their column when the header said nothing (a unit column headed "Tỉnh Bắc Kạn") or something
 * looser ("Kết quả" read as "Sản phẩm, kết quả").
 */
function refineByContent(mapping: ImportMapping, layout: SheetLayout, l: Lookups): ImportMapping {
  // Data rows only: heading rows merged across every column would otherwise count in each.
  const data = layout.sheet.rows.slice(layout.headerIndex + 1).filter((r) => !isNumberingRow(r) && !isTotalsRow(r) && !headingOf(r, mapping.name));
  const columns = sampleColumns(data, layout.headers.length);
  const recognition = (v: string) => normalizeRecognition(v) !== null;
  const mark = (v: string) => isMark(v);
  const rules: Partial<Record<ImportFieldKey, ContentRule>> = {
    recognised: { accepts: recognition, claims: (v) => recognition(v) && !isMark(v) },
    kind: { accepts: (v) => normalizeKind(v) !== null, claims: (v) => normalizeKind(v) !== null },
    registration: { accepts: (v) => normalizeRegistration(v) !== null, claims: (v) => normalizeRegistration(v) !== null },
    unit: { accepts: (v) => !NUMBER_LIKE.test(v), claims: (v) => findUnit(l, v) !== null },
    decisionDate: { accepts: (v) => parseDateText(v) !== null },
    collectiveMark: { accepts: mark },
    individualMark: { accepts: mark },
    notRecognisedMark: { accepts: mark },
    typical: { accepts: (v) => isMark(v) || headerKey(v) === 'dien hinh' || headerKey(v) === 'khong' },
    seq: { accepts: (v) => NUMBER_LIKE.test(v) },
    year: { accepts: (v) => /^20\d\d$/.test(v) },
  };
  return refineMappingByContent(mapping, columns, rules, ['name']).mapping;
}

function cleanMapping(mapping: ImportMapping, width: number): ImportMapping {
  const out: ImportMapping = {};
  const used = new Set<number>();
  for (const key of IMPORT_FIELD_KEYS) {
    const col = mapping[key];
    if (typeof col !== 'number') continue;
    if (col >= width) throw new AppError('VALIDATION', `Cột đã chọn cho “${key}” không có trong tệp.`, { [`mapping.${key}`]: 'Cột không có trong tệp.' });
    if (used.has(col)) throw new AppError('VALIDATION', `Cột ${columnLetter(col)} được chọn cho hai trường.`, { [`mapping.${key}`]: 'Cột đã dùng cho trường khác.' });
    used.add(col);
    out[key] = col;
  }
  return out;
}

export async function importPreview(
  ctx: Pick<AppContext, 'db' | 'sqlite'> & object,
  input: { fileName: string; bytes: Uint8Array; year?: number | undefined; mapping?: ImportMapping | undefined },
): Promise<ImportPreview> {
  const book = await readWorkbookGrids(input.bytes);
  const layouts = book.sheets.map(detectLayout).filter((l): l is SheetLayout => l !== null);
  if (!layouts.length) {
    throw new AppError('VALIDATION', 'Không tìm thấy dòng tiêu đề cột (TT, Đơn vị, Tên mô hình…) trong 30 dòng đầu của tệp.', {
      bytes: 'Không tìm thấy dòng tiêu đề cột.',
    });
  }
  // Several sheets (one per unit) are read together when they share the first sheet's header layout.
  const signature = headerSignature(layouts[0]!.headers);
  const same = layouts.filter((l) => headerSignature(l.headers) === signature);
  const remembered = await selectMapping(ctx.db, signature);
  let mapping: ImportMapping;
  let mappingSource: Session['mappingSource'];
  if (input.mapping) {
    mapping = cleanMapping(input.mapping, layouts[0]!.headers.length);
    mappingSource = 'given';
  } else if (remembered) {
    mapping = JSON.parse(remembered) as ImportMapping;
    mappingSource = 'remembered';
  } else {
    mapping = detectMapping(layouts[0]!.headers);
    mappingSource = 'detected';
  }
  // Header words proposed it; the columns' content confirms or corrects it (a mapping the user gave is theirs).
  if (mappingSource !== 'given') mapping = refineByContent(mapping, layouts[0]!, await loadLookups(ctx.db));
  const detectedYear = detectYear(layouts[0]!, input.fileName);
  const session: Session = {
    id: newId(),
    fileName: input.fileName,
    layouts: same,
    signature,
    detectedYear,
    year: input.year ?? detectedYear,
    mapping,
    mappingSource,
    legacyEncoding: book.encoding,
    expiresAt: Date.now() + SESSION_TTL_MS,
  };
  store(ctx).set(session.id, session);
  return buildPreview(ctx, session);
}

export async function importRemap(
  ctx: Pick<AppContext, 'db' | 'sqlite'> & object,
  input: { importId: string; mapping: ImportMapping; year?: number | undefined },
): Promise<ImportPreview> {
  const session = getSession(ctx, input.importId);
  session.mapping = cleanMapping(input.mapping, session.layouts[0]!.headers.length);
  session.mappingSource = 'given';
  if (input.year !== undefined) session.year = input.year;
  session.expiresAt = Date.now() + SESSION_TTL_MS;
  return buildPreview(ctx, session);
}

// ------------------------------------------------------------------ commit

function unitKindOf(name: string): string {
  const k = headerKey(name);
  if (/^(dang uy|dang bo)\b/.test(k)) return 'dang_bo';
  if (/^chi bo\b/.test(k)) return 'chi_bo';
  return 'khac';
}

export async function importCommit(
  ctx: AppContext,
  input: {
    importId: string;
    mapping?: ImportMapping | undefined;
    year?: number | undefined;
    createMissing: boolean;
    createMissingFields: boolean;
    unitMap?: Record<string, string> | undefined;
    valueMap?: Record<string, string> | undefined;
    parentId?: string | undefined;
    unitParents?: Record<string, string | null> | undefined;
    createMissingUnits?: boolean | undefined;
    skipValues?: string[] | undefined;
    mergeRows?: string[] | undefined;
    jobId?: string | undefined;
  },
): Promise<ImportCommitResult> {
  const session = getSession(ctx, input.importId);
  const mapping = input.mapping ? cleanMapping(input.mapping, session.layouts[0]!.headers.length) : session.mapping;
  const year = input.year ?? session.year;
  if (year === null && (mapping.year === undefined || mapping.year === null)) {
    throw new AppError('VALIDATION', 'Chưa rõ năm đăng ký: hãy chọn năm trước khi nhập.', { year: 'Hãy chọn năm đăng ký.' });
  }
  if (mapping.name === undefined || mapping.name === null) {
    throw new AppError('VALIDATION', 'Chưa chọn cột “Tên mô hình”.', { 'mapping.name': 'Chưa chọn cột.' });
  }
  const opts: Options = {
    createMissing: input.createMissing,
    createMissingFields: input.createMissingFields,
    unitMap: input.unitMap ?? {},
    valueMap: input.valueMap ?? {},
    parentId: input.parentId,
    unitParents: input.unitParents,
    createMissingUnits: input.createMissingUnits,
    skipValues: input.skipValues?.length ? new Set(input.skipValues) : undefined,
    mergeRows: input.mergeRows?.length ? new Set(input.mergeRows) : undefined,
  };
  const result = await ctx.jobs.run(input.jobId, async (job) => {
    // A verified backup of the data as it was before the import (docs/quality.md: backups before imports):
    // its snapshot is taken before the import writes; the copy finishes in a worker meanwhile.
    const backup = await startBackupBeforeImport(ctx, job);
    try {
      const committed = await withImportCache(ctx.sqlite, () =>
        ctx.db.transaction().execute((trx) => commitInTransaction(trx, ctx, job, session, mapping, year, opts, backup.fileName)),
      );
      return { ...committed, backupFileName: backup.fileName };
    } finally {
      backup.startCopy(); // the copy's disk writes would slow this import's commit: they start after it
    }
  });
  store(ctx).delete(session.id);
  return result;
}

/** The stored values of the columns a patch changes (null where the row had none). */
function beforeValues(row: object, patch: Record<string, unknown>): Record<string, unknown> {
  const values = row as Record<string, unknown>;
  return Object.fromEntries(Object.keys(patch).map((k) => [k, values[k] ?? null]));
}

async function commitInTransaction(
  trx: Db,
  ctx: AppContext,
  job: JobReporter,
  session: Session,
  mapping: ImportMapping,
  year: number | null,
  opts: Options,
  backupFileName: string,
): Promise<Omit<ImportCommitResult, 'backupFileName'>> {
  const at = isoNow(ctx.clock);
  const lookups = await loadLookups(trx);
  const { rows } = analyseForCommit(session, mapping, year, lookups, opts);
  const skippedRows: ImportCommitResult['skippedRows'] = [];
  const ready: Analysed[] = [];
  for (const r of rows) {
    if (r.errors.length) skippedRows.push({ row: r.raw.row, seq: r.seq, reason: r.errors.join(' ') });
    else if (r.pending) skippedRows.push({ row: r.raw.row, seq: r.seq, reason: r.pending });
    else ready.push(r);
  }
  await job.progress('Chuẩn bị', 0, ready.length);

  // What an undo of this import needs (models.importUndo): the ids it created and the values its
  // updates replaced.
  const undo: ImportUndoRecord = { at, createdUnits: [], createdCatalogItems: [], createdModels: [], createdYears: [], createdReviews: [], updatedModels: [], updatedYears: [] };
  const patchedModels = new Set<string>();

  // Units and catalogue values created on request.
  let unitsCreated = 0;
  let catalogItemsCreated = 0;
  let order = await maxTopLevelOrder(trx);
  const createdUnits = new Map<string, string>();
  const parentsByKey = new Map(Object.entries(opts.unitParents ?? {}).map(([k, v]) => [headerKey(k), v]));
  const liveUnits = new Set(lookups.units.map((u) => u.id));
  for (const r of ready) {
    if (r.unitId) continue;
    const key = headerKey(r.unitName);
    let id = createdUnits.get(key);
    if (!id) {
      id = newId();
      // Per unit, else for all, else where the file groups the rows (its heading rows), else the top.
      const chosen = parentsByKey.has(key) ? parentsByKey.get(key)! : (opts.parentId ?? r.parentHint);
      if (chosen && !liveUnits.has(chosen)) {
        throw new AppError('VALIDATION', `Đơn vị cấp trên đã chọn cho “${r.unitName}” không còn trong danh sách đơn vị.`, { parentId: 'Đơn vị cấp trên không tồn tại.' });
      }
      const row = {
        id,
        parent_id: chosen ?? null,
        name: r.unitName,
        short_name: null,
        kind: unitKindOf(r.unitName),
        qcdc_type: null,
        valid_from: null,
        valid_to: null,
        merged_into_id: null,
        sort_order: ++order,
        note: `Tạo khi nhập tệp ${session.fileName}`,
        search_text: foldText(r.unitName),
        sort_key: vietnameseSortKey(r.unitName),
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
      await insertUnitRow(trx, row);
      await recordAudit(trx, ctx.actor, at, { entity: 'unit', entityId: id, action: 'create', after: row, note: 'import' });
      createdUnits.set(key, id);
      undo.createdUnits.push(id);
      lookups.units.push({ ...row, deleted_at: null });
      unitsCreated++;
    }
    r.unitId = id;
  }
  const createdValues = new Map<string, string>();
  const catalogOrder = new Map<string, number>();
  for (const item of await selectCatalog(trx, ['field', 'awardForm', 'recognitionLevel'])) {
    catalogOrder.set(item.catalog, Math.max(catalogOrder.get(item.catalog) ?? 0, item.sort_order));
  }
  for (const r of ready) {
    for (const pv of r.pendingValues) {
      const key = `${pv.catalog}|${catalogKey(pv.value)}`;
      let id = createdValues.get(key);
      if (!id) {
        id = newId();
        const sortOrder = (catalogOrder.get(pv.catalog) ?? 0) + 1;
        catalogOrder.set(pv.catalog, sortOrder);
        const row: CatalogLite & { search_text: string; period_label: null; created_at: string; updated_at: string; deleted_at: null } = {
          id,
          catalog: pv.catalog,
          code: null,
          name: pv.value,
          period_label: null,
          valid_from_year: null,
          valid_to_year: null,
          sort_order: sortOrder,
          active: 1,
          search_text: foldText(pv.value),
          created_at: at,
          updated_at: at,
          deleted_at: null,
        };
        await insertCatalogRow(trx, row);
        await recordAudit(trx, ctx.actor, at, { entity: 'catalog_item', entityId: id, action: 'create', after: row, note: 'import' });
        createdValues.set(key, id);
        undo.createdCatalogItems.push(id);
        catalogItemsCreated++;
      }
      if (pv.catalog === 'field') r.fieldId = id;
      else if (pv.catalog === 'awardForm') r.awardId = id;
      else r.levelId = id;
    }
  }

  const tree = new UnitTree(lookups.units);
  const store = new ImportStore(ctx.sqlite);
  const planned = plan(store, ready);
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const touched: string[] = [];
  const reviewedUnits = new Map<number, Set<string>>();
  // Models created by this import, by identity: rows of other years in the same file reuse them.
  const createdModels = new Map<string, ModelRow>();
  for (let i = 0; i < planned.length; i++) {
    // Progress (and the chance to cancel) every few hundred rows: the writes in between are
    // synchronous prepared statements, a few milliseconds per batch.
    if (i % PROGRESS_EVERY === 0) {
      if (store.stagedYears >= FLUSH_EVERY) store.flushYears();
      await job.progress('Ghi dữ liệu', i, planned.length);
    }
    const p = planned[i]!;
    const r = p.row;
    if (r.status) {
      const set = reviewedUnits.get(r.year) ?? new Set<string>();
      set.add(r.unitId!);
      reviewedUnits.set(r.year, set);
    }
    if (p.action === 'unchanged') {
      unchanged++;
      continue;
    }
    const unitName = tree.name(r.unitId!);
    let model = p.model;
    if (!model) {
      const nameKey = r.keys[r.keys.length - 1] === r.nameFolded && r.keys.length > 1 ? r.nameFolded : r.keys[0]!;
      const identity = `${r.unitId}|${nameKey}`;
      model = createdModels.get(identity);
      if (!model) {
        model = {
          id: newId(),
          unit_id: r.unitId!,
          name: r.name,
          name_folded: nameKey,
          kind: r.kind,
          field_id: r.fieldId ?? null,
          performer: r.model.performer ?? null,
          period_label: null,
          situation: r.model.situation ?? null,
          goals: r.model.goals ?? null,
          content: r.model.content ?? null,
          area: r.model.area ?? null,
          lead_force: r.model.lead_force ?? null,
          coop_force: r.model.coop_force ?? null,
          resources: r.model.resources ?? null,
          timing: r.model.timing ?? null,
          expected_results: r.model.expected_results ?? null,
          replicability: r.model.replicability ?? null,
          first_year: r.year,
          sort_key: vietnameseSortKey(r.name),
          created_at: at,
          updated_at: at,
          deleted_at: null,
        };
        store.insertModel(model);
        createdModels.set(identity, model);
        undo.createdModels.push(model.id);
      }
    } else if (Object.keys(p.modelPatch).length) {
      // Values as they were before this import (a model in several rows of the file: its first).
      if (!patchedModels.has(model.id)) {
        patchedModels.add(model.id);
        undo.updatedModels.push({ id: model.id, before: beforeValues(model, { ...p.modelPatch, updated_at: at }) });
      }
      store.updateModel(model.id, { ...p.modelPatch, updated_at: at });
      model = { ...model, ...p.modelPatch } as ModelRow;
      store.copyModelToYears(model.id, model.kind, model.field_id, searchTextOf(model.name, model.performer, unitName));
    }
    if (p.year) {
      if (Object.keys(p.yearPatch).length) {
        undo.updatedYears.push({ id: p.year.id, before: beforeValues(p.year, { ...p.yearPatch, updated_at: at }) });
        store.updateYear(p.year.id, { ...p.yearPatch, updated_at: at });
      }
      touched.push(p.year.id);
      updated++;
    } else {
      // A model already on the register continues ("duy trì") when it had last year's record or
      // started earlier; a model first seen in this file is new.
      const carried = model.first_year < r.year || (p.model !== undefined && store.findYear(model.id, r.year - 1) !== undefined);
      const registration = r.registration ?? (carried ? 'carried' : 'new');
      const row = newYearRow(model, r.year, unitName, at, { ...desiredYear(r), registration, status: r.status ?? 'registered' });
      store.stageYear(row as YearInsert);
      touched.push(row.id);
      undo.createdYears.push(row.id);
      created++;
    }
  }
  store.flushYears();
  await job.progress('Ghi dữ liệu', planned.length, planned.length);

  // Imported review results count as the unit's review meeting when none is recorded.
  let unitsMarkedReviewed = 0;
  for (const [y, unitIds] of reviewedUnits) {
    const subs = new Set(tree.subordinates(y).map((s) => s.id));
    const existing = new Set((await selectReviews(trx, y)).map((rv) => tree.current(rv.unit_id, y)));
    const tops = new Set([...unitIds].map((u) => tree.rollUp(u, y, subs)));
    for (const top of tops) {
      if (existing.has(top)) continue;
      const row = { id: newId(), year: y, unit_id: top, meeting_date: null, source: 'import', note: `Theo kết quả nhập từ tệp ${session.fileName}`, created_at: at, updated_at: at, deleted_at: null };
      await insertReviewRow(trx, row);
      undo.createdReviews.push(row.id);
      await recordAudit(trx, ctx.actor, at, { entity: 'dvk_review', entityId: row.id, action: 'create', after: row, note: 'import' });
      unitsMarkedReviewed++;
    }
  }

  await upsertMapping(trx, session.signature, JSON.stringify(mapping), at);
  const result: Omit<ImportCommitResult, 'backupFileName'> = {
    year: year ?? ready[0]?.year ?? 0,
    created,
    updated,
    unchanged,
    skipped: skippedRows.length,
    skippedRows,
    unitsCreated,
    catalogItemsCreated,
    unitsMarkedReviewed,
  };
  const { skippedRows: _s, ...summary } = result;
  await recordAudit(trx, ctx.actor, at, {
    entity: 'dvk_import',
    entityId: session.id,
    action: 'import',
    after: { fileName: session.fileName, ...summary, backupFileName, recordIds: touched, undo },
    // One entry stands for every row of the file: the note says it in words for the audit list.
    note: `Nhập tệp ${session.fileName}: ${formatNumber(created)} tạo mới, ${formatNumber(updated)} cập nhật, ${formatNumber(unchanged)} giữ nguyên, ${formatNumber(skippedRows.length)} bỏ qua`,
  });
  return result;
}
