import type { z } from 'zod';
import type { AppContext } from '../context';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow } from '../clock';
import { AppError, notFound } from '../errors';
import { foldText, vietnameseSortKey } from '../../../shared/text/vietnamese';
import type {
  ModelDetail,
  ModelFilter,
  ModelKind,
  ModelListOutput,
  ModelSort,
  ModelStatus,
  ModelYearRow,
  Registration,
  ReviewRow,
  bulkUpdateSchema,
  modelCreateSchema,
  modelFieldsSchema,
  yearFieldsSchema,
} from '../../../shared/schemas/models';
import { MODEL_STATUS_LABELS, SEARCH_SORT_CAP } from '../../../shared/schemas/models';
import {
  countSearch,
  probeSearch,
  selectRecentMatchNumbers,
  selectRegisterAmong,
  selectRegisterByNumbers,
  hasRowFilters,
  countLiveYearsOfModel,
  countRegister,
  insertModelRow,
  insertReviewRow,
  insertYearRow,
  selectCatalog,
  selectModel,
  selectModelByIdentity,
  selectRegister,
  selectRegisterByIds,
  selectReviews,
  selectUnitCounters,
  selectUnits,
  selectYear,
  selectYearsByIds,
  selectYearsOfModel,
  updateModelRow,
  updateReviewRow,
  updateYearRow,
  updateYearsOfModel,
  yearCounts,
  type ListQuery,
  type ModelRow,
  type RegisterRow,
  type YearRow,
} from './repository';
import { UnitTree } from './unitTree';

export type WriteCtx = Pick<AppContext, 'db' | 'actor' | 'clock'>;

// ------------------------------------------------------------------ shared helpers

/** Folded text indexed by FTS5: the model's name, who carries it out, and the unit's name. */
export function searchTextOf(name: string, performer: string | null, unitName: string): string {
  return foldText(`${name} ${performer ?? ''} ${unitName}`);
}

/** Folded words → an FTS5 prefix query (`"dan"* "van"*`); null when nothing searchable is left. */
export function ftsQuery(search: string | undefined): string | null {
  if (!search) return null;
  const words = foldText(search)
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8);
  if (!words.length) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

export function toYearRow(r: RegisterRow): ModelYearRow {
  return {
    id: r.id,
    modelId: r.model_id,
    year: r.year,
    unitId: r.unit_id,
    unitName: r.unit_name,
    name: r.name,
    kind: r.kind as ModelKind,
    fieldId: r.field_id,
    fieldName: r.field_name,
    performer: r.performer,
    timing: r.timing,
    registration: r.registration as Registration,
    status: r.status as ModelStatus,
    typical: r.typical === 1,
    commended: r.commended === 1,
    recognitionLevelId: r.recognition_level_id,
    recognitionLevelName: r.level_name,
    recognitionDecisionNo: r.recognition_decision_no,
    recognitionDate: r.recognition_date,
    awardFormId: r.award_form_id,
    awardFormName: r.award_name,
    awardBy: r.award_by,
    awardDecisionNo: r.award_decision_no,
    awardDate: r.award_date,
    replicatedTo: r.replicated_to,
    result: r.result,
    note: r.note,
    updatedAt: r.updated_at,
  };
}

async function loadTree(db: Db): Promise<UnitTree> {
  return new UnitTree(await selectUnits(db));
}

export async function toListQuery(db: Db, f: ModelFilter): Promise<ListQuery> {
  const q: ListQuery = {
    year: f.year,
    fieldId: f.fieldId,
    kind: f.kind,
    registration: f.registration,
    statuses: f.statuses,
    typical: f.typical,
    commended: f.commended,
  };
  if (f.unitId) {
    const tree = await loadTree(db);
    const ids = tree.subtree(f.unitId, f.includeSubunits);
    // With a year, a unit merged away counts where it belonged that year (as the statistics do).
    q.unitIds = f.year !== undefined && f.includeSubunits ? ids.filter((id) => tree.belongsTo(id, f.unitId!, f.year!)) : ids;
  }
  const match = ftsQuery(f.search);
  if (match) q.match = match;
  return q;
}

// ------------------------------------------------------------------ reads

export async function listModels(
  ctx: Pick<AppContext, 'db'>,
  input: ModelFilter & { sort: 'name' | 'unit' | 'updated'; descending?: boolean | undefined; offset: number; limit: number },
): Promise<ModelListOutput> {
  const q = await toListQuery(ctx.db, input);
  const page = { sort: input.sort, descending: input.descending, offset: input.offset, limit: input.limit };
  if (q.match) return searchModels(ctx.db, q, page);
  const [total, rows] = await Promise.all([countRegister(ctx.db, q), selectRegister(ctx.db, q, page)]);
  return { total, offset: input.offset, rows: rows.map(toYearRow), totalCapped: false, order: input.sort };
}

/**
 * A search page whose cost follows the page, not the number of matches (the index holds only live
 * records and the year, migration 0009):
 *  - a capped probe of the index (≤ SEARCH_SORT_CAP + 1 record numbers, no table access);
 *  - up to the cap: those records, filtered and sorted as asked, with the exact total;
 *  - beyond it: the newest records first, straight from the index walked backwards with the other
 *    filters applied before the limit; the total is then a lower bound (`totalCapped`) unless this
 *    page reached the end, and `models.count` gives the exact number on request.
 */
async function searchModels(db: Db, q: ListQuery, page: { sort: ModelSort; descending?: boolean | undefined; offset: number; limit: number }): Promise<ModelListOutput> {
  const probe = await probeSearch(db, q, SEARCH_SORT_CAP);
  if (probe.length <= SEARCH_SORT_CAP) {
    const { rows, total } = await selectRegisterAmong(db, q, probe, page);
    return { total, offset: page.offset, rows: rows.map(toYearRow), totalCapped: false, order: page.sort };
  }
  const ns = await selectRecentMatchNumbers(db, q, page);
  if (ns.length < page.limit) {
    // This page reached the last match: the total is exact, and when it is the only page, sort it as asked.
    if (page.offset === 0) {
      const { rows } = await selectRegisterAmong(db, q, ns, page);
      return { total: ns.length, offset: 0, rows: rows.map(toYearRow), totalCapped: false, order: page.sort };
    }
    const rows = await selectRegisterByNumbers(db, ns);
    return { total: page.offset + ns.length, offset: page.offset, rows: rows.map(toYearRow), totalCapped: false, order: 'recent' };
  }
  const rows = await selectRegisterByNumbers(db, ns);
  // What is certain: the rows up to this page exist, and without other filters more than the cap match.
  const atLeast = Math.max(page.offset + ns.length, hasRowFilters(q) ? 0 : SEARCH_SORT_CAP + 1);
  return { total: atLeast, offset: page.offset, rows: rows.map(toYearRow), totalCapped: true, order: 'recent' };
}

/** Exact number of records matching a filter (FTS-only for words and year): the follow-up of a capped page. */
export async function countModels(ctx: Pick<AppContext, 'db'>, input: ModelFilter): Promise<{ total: number }> {
  const q = await toListQuery(ctx.db, input);
  return { total: q.match ? await countSearch(ctx.db, q) : await countRegister(ctx.db, q) };
}

export async function getModel(ctx: Pick<AppContext, 'db'>, id: string): Promise<ModelDetail> {
  let model = await selectModel(ctx.db, id);
  if (!model) {
    const year = await selectYear(ctx.db, id);
    if (year) model = await selectModel(ctx.db, year.model_id);
  }
  if (!model || model.deleted_at) throw notFound('mô hình');
  const years = await selectYearsOfModel(ctx.db, model.id);
  const rows = await selectRegisterByIds(
    ctx.db,
    years.map((y) => y.id),
  );
  const tree = await loadTree(ctx.db);
  const fieldName = model.field_id ? ((await selectCatalog(ctx.db, ['field'])).find((c) => c.id === model.field_id)?.name ?? null) : null;
  return {
    model: {
      id: model.id,
      unitId: model.unit_id,
      unitName: tree.name(model.unit_id),
      name: model.name,
      kind: model.kind as ModelKind,
      fieldId: model.field_id,
      fieldName,
      performer: model.performer,
      periodLabel: model.period_label,
      situation: model.situation,
      goals: model.goals,
      content: model.content,
      area: model.area,
      leadForce: model.lead_force,
      coopForce: model.coop_force,
      resources: model.resources,
      timing: model.timing,
      expectedResults: model.expected_results,
      replicability: model.replicability,
      firstYear: model.first_year,
      createdAt: model.created_at,
      updatedAt: model.updated_at,
    },
    years: rows.map(toYearRow),
  };
}

/** Unit tree (depth-first, the user's order) and catalogues for the register's filters and forms. */
export async function listOptions(ctx: Pick<AppContext, 'db'>) {
  const units = (await selectUnits(ctx.db)).filter((u) => !u.deleted_at);
  const kids = new Map<string | null, typeof units>();
  for (const u of units) {
    const key = u.parent_id && units.some((p) => p.id === u.parent_id) ? u.parent_id : null;
    kids.set(key, [...(kids.get(key) ?? []), u]);
  }
  const ordered: Array<{ id: string; name: string; depth: number; parentId: string | null; closed: boolean }> = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of kids.get(parent) ?? []) {
      ordered.push({ id: u.id, name: u.name, depth, parentId: u.parent_id, closed: Boolean(u.merged_into_id || u.valid_to) });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  const items = await selectCatalog(ctx.db, ['field', 'recognitionLevel', 'awardForm']);
  const of = (c: string) => items.filter((i) => i.catalog === c && i.active).map((i) => ({ id: i.id, name: i.name }));
  return { units: ordered, fields: of('field'), recognitionLevels: of('recognitionLevel'), awardForms: of('awardForm') };
}

export async function listYears(ctx: Pick<AppContext, 'db'>) {
  return yearCounts(ctx.db);
}

// ------------------------------------------------------------------ writes: one model

type ModelFields = z.output<typeof modelFieldsSchema>;
type YearFields = z.output<typeof yearFieldsSchema>;

async function requireUnitName(db: Db, unitId: string): Promise<string> {
  const unit = (await selectUnits(db)).find((u) => u.id === unitId && !u.deleted_at);
  if (!unit) throw new AppError('VALIDATION', 'Đơn vị không tồn tại hoặc đã bị xóa.', { unitId: 'Đơn vị không tồn tại hoặc đã bị xóa.' });
  return unit.name;
}

async function checkCatalog(db: Db, catalog: string, id: string | null | undefined, field: string, label: string) {
  if (!id) return;
  const items = await selectCatalog(db, [catalog]);
  if (!items.some((i) => i.id === id)) throw new AppError('VALIDATION', `${label} không có trong danh mục.`, { [field]: `${label} không có trong danh mục.` });
}

function checkLifecycle(y: Partial<YearFields>, status: string) {
  if ((y.typical || y.awardFormId) && status !== 'recognised') {
    throw new AppError('VALIDATION', 'Chỉ mô hình được công nhận mới là điển hình hoặc được khen thưởng.', {
      status: 'Chỉ mô hình được công nhận mới là điển hình hoặc được khen thưởng.',
    });
  }
}

const n = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

function modelColumns(m: Partial<ModelFields>) {
  const out: Record<string, unknown> = {};
  const map: Array<[keyof ModelFields, string]> = [
    ['performer', 'performer'],
    ['periodLabel', 'period_label'],
    ['situation', 'situation'],
    ['goals', 'goals'],
    ['content', 'content'],
    ['area', 'area'],
    ['leadForce', 'lead_force'],
    ['coopForce', 'coop_force'],
    ['resources', 'resources'],
    ['timing', 'timing'],
    ['expectedResults', 'expected_results'],
    ['replicability', 'replicability'],
    ['fieldId', 'field_id'],
    ['kind', 'kind'],
  ];
  for (const [k, col] of map) if (m[k] !== undefined) out[col] = m[k] === '' ? null : m[k];
  return out;
}

function yearColumns(y: Partial<YearFields>) {
  const out: Record<string, unknown> = {};
  const map: Array<[keyof YearFields, string]> = [
    ['registration', 'registration'],
    ['status', 'status'],
    ['recognitionLevelId', 'recognition_level_id'],
    ['recognitionDecisionNo', 'recognition_decision_no'],
    ['recognitionDate', 'recognition_date'],
    ['awardFormId', 'award_form_id'],
    ['awardBy', 'award_by'],
    ['awardDecisionNo', 'award_decision_no'],
    ['awardDate', 'award_date'],
    ['replicatedTo', 'replicated_to'],
    ['result', 'result'],
    ['note', 'note'],
  ];
  for (const [k, col] of map) if (y[k] !== undefined) out[col] = y[k] === '' ? null : y[k];
  if (y.typical !== undefined) out.typical = y.typical ? 1 : 0;
  if (y.awardFormId !== undefined || y.awardDecisionNo !== undefined) out.commended = y.awardFormId || y.awardDecisionNo ? 1 : 0;
  return out;
}

export async function createModel(ctx: WriteCtx, input: z.output<typeof modelCreateSchema>): Promise<ModelDetail> {
  let warning: string | undefined;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const unitName = await requireUnitName(trx, input.unitId);
    await checkCatalog(trx, 'field', input.fieldId, 'fieldId', 'Lĩnh vực');
    await checkCatalog(trx, 'recognitionLevel', input.recognitionLevelId, 'recognitionLevelId', 'Cấp công nhận');
    await checkCatalog(trx, 'awardForm', input.awardFormId, 'awardFormId', 'Hình thức khen thưởng');
    checkLifecycle(input, input.status);
    const at = isoNow(ctx.clock);
    let nameFolded = foldText(input.name);
    let model = await selectModelByIdentity(trx, input.unitId, nameFolded);
    // The unit already has this model in this year: typed again by hand it is a look-alike (two
    // villages running the same model), kept as a model of its own — told apart by its place among
    // the look-alikes, as the import does — with a warning instead of a refusal.
    if (input.separate && model && (await selectYearsOfModel(trx, model.id)).some((y) => y.year === input.year)) {
      const plain = nameFolded;
      for (let k = 2; model; k++) {
        nameFolded = `${plain} ~ ${k}`;
        model = await selectModelByIdentity(trx, input.unitId, nameFolded);
        if (model && !(await selectYearsOfModel(trx, model.id)).some((y) => y.year === input.year)) break;
      }
      warning = `Đơn vị đã có mô hình “${input.name}” trong sổ năm ${input.year}: mô hình vừa nhập được giữ là mô hình riêng. Nếu là cùng một mô hình, hãy xóa bản vừa thêm.`;
    }
    if (!model) {
      const row = {
        id: newId(),
        unit_id: input.unitId,
        name: input.name,
        name_folded: nameFolded,
        kind: input.kind,
        field_id: n(input.fieldId),
        performer: n(input.performer),
        period_label: n(input.periodLabel),
        situation: n(input.situation),
        goals: n(input.goals),
        content: n(input.content),
        area: n(input.area),
        lead_force: n(input.leadForce),
        coop_force: n(input.coopForce),
        resources: n(input.resources),
        timing: n(input.timing),
        expected_results: n(input.expectedResults),
        replicability: n(input.replicability),
        first_year: input.year,
        sort_key: vietnameseSortKey(input.name),
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
      await insertModelRow(trx, row);
      model = row;
      await recordAudit(trx, ctx.actor, at, { entity: 'dvk_model', entityId: row.id, action: 'create', after: row });
    } else {
      const existing = (await selectYearsOfModel(trx, model.id)).find((y) => y.year === input.year);
      if (existing) {
        throw new AppError('CONFLICT', `Mô hình "${model.name}" đã có trong sổ năm ${input.year}. Nếu là mô hình khác cùng tên (ví dụ ở thôn khác), hãy chọn giữ là mô hình riêng.`, {
          name: `Mô hình này đã có trong sổ năm ${input.year}.`,
        });
      }
    }
    const yearRow = newYearRow(model, input.year, unitName, at, {
      registration: input.registration,
      status: input.status,
      ...yearColumns(input),
    });
    await insertYearRow(trx, yearRow);
    await recordAudit(trx, ctx.actor, at, { entity: 'dvk_model_year', entityId: yearRow.id, action: 'create', after: yearRow });
    return yearRow.id;
  });
  const detail = await getModel(ctx, id);
  return warning ? { ...detail, warning } : detail;
}

export function newYearRow(
  model: Pick<ModelRow, 'id' | 'unit_id' | 'field_id' | 'kind' | 'name' | 'performer' | 'sort_key'>,
  year: number,
  unitName: string,
  at: string,
  extra: Record<string, unknown> & { registration: string; status: string },
) {
  return {
    id: newId(),
    model_id: model.id,
    year,
    unit_id: model.unit_id,
    field_id: model.field_id,
    kind: model.kind,
    recognition_level_id: null,
    recognition_decision_no: null,
    recognition_date: null,
    typical: 0,
    commended: 0,
    award_form_id: null,
    award_by: null,
    award_decision_no: null,
    award_date: null,
    replicated_to: null,
    result: null,
    note: null,
    search_text: searchTextOf(model.name, model.performer, unitName),
    sort_key: model.sort_key,
    created_at: at,
    updated_at: at,
    deleted_at: null,
    ...extra,
  };
}

export async function updateModel(
  ctx: WriteCtx,
  input: { id: string; model?: Partial<ModelFields> | undefined; year?: Partial<YearFields> | undefined },
): Promise<ModelDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const year = await selectYear(trx, input.id);
    if (!year || year.deleted_at) throw notFound('bản ghi mô hình');
    const model = (await selectModel(trx, year.model_id))!;
    const at = isoNow(ctx.clock);
    if (input.model && Object.keys(input.model).length) {
      const m = input.model;
      if (m.fieldId) await checkCatalog(trx, 'field', m.fieldId, 'fieldId', 'Lĩnh vực');
      const unitId = m.unitId ?? model.unit_id;
      const name = m.name ?? model.name;
      const unitName = await requireUnitName(trx, unitId);
      if (m.name !== undefined || m.unitId !== undefined) {
        const clash = await selectModelByIdentity(trx, unitId, foldText(name));
        if (clash && clash.id !== model.id) {
          throw new AppError('CONFLICT', `Đơn vị đã có mô hình "${clash.name}".`, { name: `Đơn vị đã có mô hình "${clash.name}".` });
        }
      }
      const patch = {
        ...modelColumns(m),
        unit_id: unitId,
        name,
        name_folded: foldText(name),
        sort_key: vietnameseSortKey(name),
        updated_at: at,
      };
      await updateModelRow(trx, model.id, patch);
      const performer = m.performer !== undefined ? m.performer : model.performer;
      await updateYearsOfModel(trx, model.id, {
        unit_id: unitId,
        field_id: m.fieldId !== undefined ? m.fieldId : model.field_id,
        kind: m.kind ?? model.kind,
        sort_key: vietnameseSortKey(name),
        search_text: searchTextOf(name, performer ?? null, unitName),
      });
      await recordAudit(trx, ctx.actor, at, { entity: 'dvk_model', entityId: model.id, action: 'update', before: model, after: patch });
    }
    if (input.year && Object.keys(input.year).length) {
      const y = input.year;
      await checkCatalog(trx, 'recognitionLevel', y.recognitionLevelId, 'recognitionLevelId', 'Cấp công nhận');
      await checkCatalog(trx, 'awardForm', y.awardFormId, 'awardFormId', 'Hình thức khen thưởng');
      const status = y.status ?? year.status;
      checkLifecycle({ typical: y.typical ?? year.typical === 1, awardFormId: y.awardFormId !== undefined ? y.awardFormId : year.award_form_id }, status);
      const patch = { ...yearColumns(y), updated_at: at };
      await updateYearRow(trx, year.id, patch);
      await recordAudit(trx, ctx.actor, at, { entity: 'dvk_model_year', entityId: year.id, action: 'update', before: year, after: patch });
    }
  });
  return getModel(ctx, input.id);
}

export async function addYear(ctx: WriteCtx, input: { modelId: string; year: number; registration: Registration }): Promise<ModelDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const model = await selectModel(trx, input.modelId);
    if (!model || model.deleted_at) throw notFound('mô hình');
    const years = await selectYearsOfModel(trx, model.id);
    if (years.some((y) => y.year === input.year)) {
      throw new AppError('CONFLICT', `Mô hình đã có trong sổ năm ${input.year}.`, { year: `Mô hình đã có trong sổ năm ${input.year}.` });
    }
    const at = isoNow(ctx.clock);
    const row = newYearRow(model, input.year, await requireUnitName(trx, model.unit_id), at, { registration: input.registration, status: 'registered' });
    await insertYearRow(trx, row);
    await recordAudit(trx, ctx.actor, at, { entity: 'dvk_model_year', entityId: row.id, action: 'create', after: row });
  });
  return getModel(ctx, input.modelId);
}

export async function deleteYear(ctx: WriteCtx, id: string): Promise<{ deleted: boolean }> {
  return ctx.db.transaction().execute(async (trx) => {
    const year = await selectYear(trx, id);
    if (!year || year.deleted_at) throw notFound('bản ghi mô hình');
    const at = isoNow(ctx.clock);
    await updateYearRow(trx, id, { deleted_at: at, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'dvk_model_year', entityId: id, action: 'delete', before: year });
    if ((await countLiveYearsOfModel(trx, year.model_id)) === 0) {
      await updateModelRow(trx, year.model_id, { deleted_at: at, updated_at: at });
      await recordAudit(trx, ctx.actor, at, { entity: 'dvk_model', entityId: year.model_id, action: 'delete' });
    }
    return { deleted: true };
  });
}

export async function restoreYear(ctx: WriteCtx, id: string): Promise<{ restored: boolean }> {
  return ctx.db.transaction().execute(async (trx) => {
    const year = await selectYear(trx, id);
    if (!year) throw notFound('bản ghi mô hình');
    if (!year.deleted_at) return { restored: false };
    const model = (await selectModel(trx, year.model_id))!;
    const at = isoNow(ctx.clock);
    // A model never comes back into a unit that is itself in the trash (an undone import removes
    // the units it created): the unit is restored first.
    const unit = (await selectUnits(trx)).find((u) => u.id === model.unit_id);
    if (unit?.deleted_at) {
      throw new AppError('CONFLICT', `Đơn vị "${unit.name}" của mô hình đang ở Thùng rác: hãy khôi phục đơn vị trước, rồi khôi phục mô hình.`);
    }
    if (model.deleted_at) {
      const clash = await selectModelByIdentity(trx, model.unit_id, model.name_folded);
      if (clash) throw new AppError('CONFLICT', `Đơn vị đã có mô hình "${clash.name}" khác; không thể khôi phục.`);
      await updateModelRow(trx, model.id, { deleted_at: null, updated_at: at });
    }
    const live = await selectYearsOfModel(trx, model.id);
    if (live.some((y) => y.year === year.year)) throw new AppError('CONFLICT', `Mô hình đã có bản ghi năm ${year.year}; không thể khôi phục.`);
    await updateYearRow(trx, id, { deleted_at: null, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'dvk_model_year', entityId: id, action: 'restore' });
    return { restored: true };
  });
}

// ------------------------------------------------------------------ bulk lifecycle

/** True when every selected record exists: the bulk handler backs up only before a change that can happen. */
export async function bulkTargetsExist(ctx: Pick<AppContext, 'db'>, ids: string[]): Promise<boolean> {
  const unique = [...new Set(ids)];
  return (await selectYearsByIds(ctx.db, unique)).length === unique.length;
}

export async function bulkUpdateStatus(ctx: WriteCtx, input: z.output<typeof bulkUpdateSchema>): Promise<{ updated: number; operationId: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const ids = [...new Set(input.ids)];
    const rows = await selectYearsByIds(trx, ids);
    if (rows.length !== ids.length) {
      throw new AppError('NOT_FOUND', `${ids.length - rows.length} mô hình đã chọn không còn trong sổ; không có gì được thay đổi.`);
    }
    await checkCatalog(trx, 'recognitionLevel', input.recognitionLevelId, 'recognitionLevelId', 'Cấp công nhận');
    await checkCatalog(trx, 'awardForm', input.awardFormId, 'awardFormId', 'Hình thức khen thưởng');
    const at = isoNow(ctx.clock);
    const { ids: _ids, ...fields } = input;
    const patch: Record<string, unknown> = { ...yearColumns(fields as Partial<YearFields>), updated_at: at };
    if (input.status !== 'recognised') {
      // Leaving "recognised" clears what only a recognised record can carry.
      Object.assign(patch, { typical: 0, commended: 0, award_form_id: null });
      if (input.status !== 'notRecognised') Object.assign(patch, { recognition_decision_no: null, recognition_date: null, recognition_level_id: null });
    }
    const rowValues = (row: object) => row as Record<string, unknown>;
    for (const row of rows) {
      await updateYearRow(trx, row.id, patch);
      await recordAudit(trx, ctx.actor, at, {
        entity: 'dvk_model_year',
        entityId: row.id,
        action: 'bulkStatus',
        // Every value the change replaced (typical, award… included): the log shows it, and the
        // operation can be undone from it (models.bulkUndo).
        before: Object.fromEntries(Object.keys(patch).map((k) => [k, rowValues(row)[k] ?? null])),
        after: patch,
      });
    }
    // One entry for the operation as a whole: what an undo starts from. Written last, so the
    // records' entries are the `ids.length` entries just before it.
    const operationId = newId();
    await recordAudit(trx, ctx.actor, at, {
      entity: 'dvk_bulk',
      entityId: operationId,
      action: 'bulkStatus',
      after: { ids: rows.map((r) => r.id), status: input.status, count: rows.length },
      note: `Cập nhật hàng loạt ${rows.length} mô hình: ${MODEL_STATUS_LABELS[input.status]}${input.recognitionDecisionNo ? ` (quyết định ${input.recognitionDecisionNo})` : ''}`,
    });
    return { updated: rows.length, operationId };
  });
}

// ------------------------------------------------------------------ reviews (họp xét)

export async function listReviews(ctx: Pick<AppContext, 'db'>, year: number): Promise<ReviewRow[]> {
  const tree = await loadTree(ctx.db);
  const subs = tree.subordinates(year);
  const subIds = new Set(subs.map((s) => s.id));
  const reviews = await selectReviews(ctx.db, year);
  const counts = new Map<string, number>();
  for (const u of await selectUnitCounters(ctx.db, year)) {
    const top = tree.rollUp(u.unit_id, year, subIds);
    counts.set(top, (counts.get(top) ?? 0) + u.total);
  }
  const byUnit = new Map(reviews.map((r) => [tree.current(r.unit_id, year), r]));
  return subs.map((u) => {
    const r = byUnit.get(u.id);
    return {
      unitId: u.id,
      unitName: u.name,
      reviewed: Boolean(r),
      meetingDate: r?.meeting_date ?? null,
      source: r ? (r.source as 'meeting' | 'import') : null,
      note: r?.note ?? null,
      modelCount: counts.get(u.id) ?? 0,
    };
  });
}

export async function setReview(
  ctx: WriteCtx,
  input: { year: number; unitId: string; reviewed: boolean; meetingDate?: string | null | undefined; note?: string | null | undefined },
): Promise<ReviewRow[]> {
  await ctx.db.transaction().execute(async (trx) => {
    await requireUnitName(trx, input.unitId);
    const at = isoNow(ctx.clock);
    const existing = (await selectReviews(trx, input.year)).find((r) => r.unit_id === input.unitId);
    if (!input.reviewed) {
      if (existing) {
        await updateReviewRow(trx, existing.id, { deleted_at: at, updated_at: at });
        await recordAudit(trx, ctx.actor, at, { entity: 'dvk_review', entityId: existing.id, action: 'delete', before: existing });
      }
      return;
    }
    if (existing) {
      const patch = { meeting_date: n(input.meetingDate), note: n(input.note), source: 'meeting', updated_at: at };
      await updateReviewRow(trx, existing.id, patch);
      await recordAudit(trx, ctx.actor, at, { entity: 'dvk_review', entityId: existing.id, action: 'update', before: existing, after: patch });
    } else {
      const row = {
        id: newId(),
        year: input.year,
        unit_id: input.unitId,
        meeting_date: n(input.meetingDate),
        source: 'meeting',
        note: n(input.note),
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
      await insertReviewRow(trx, row);
      await recordAudit(trx, ctx.actor, at, { entity: 'dvk_review', entityId: row.id, action: 'create', after: row });
    }
  });
  return listReviews(ctx, input.year);
}

export type { YearRow };
