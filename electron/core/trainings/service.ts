/** Trainings and guidance on QCDC (tập huấn, hướng dẫn): counted per participating unit into the QCDC figures. */
import type { AppContext } from '../context';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow } from '../clock';
import { AppError, notFound } from '../errors';
import { foldText } from '../../../shared/text/vietnamese';
import type { CreateTrainingData, Training, UpdateTrainingData } from '../../../shared/schemas/trainings';
import { existingUnitIds } from '../tasks/repository';
import { insertTraining, replaceTrainingUnits, selectTraining, selectTrainings, selectTrainingUnits, updateTrainingRow, type TrainingRow } from './repository';

async function hydrate(db: Db, rows: readonly TrainingRow[]): Promise<Training[]> {
  const units = await selectTrainingUnits(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    year: r.year,
    topic: r.topic,
    organiser: r.organiser,
    trainees: r.trainees,
    units: units.filter((u) => u.training_id === r.id).map((u) => ({ id: u.id, name: u.name })),
    note: r.note,
    deletedAt: r.deleted_at,
  }));
}

export async function listTrainings(ctx: AppContext, f: { year?: number | undefined; unitId?: string | undefined; includeDeleted: boolean }): Promise<Training[]> {
  return hydrate(ctx.db, await selectTrainings(ctx.db, f));
}

export async function getTraining(ctx: AppContext, id: string): Promise<Training> {
  const row = await selectTraining(ctx.db, id);
  if (!row) throw notFound('lớp tập huấn');
  return (await hydrate(ctx.db, [row]))[0]!;
}

async function checkUnits(trx: Db, unitIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(unitIds)];
  const known = await existingUnitIds(trx, unique);
  const missing = unitIds.findIndex((u) => !known.has(u));
  if (missing >= 0) throw new AppError('VALIDATION', 'Một đơn vị được chọn không tồn tại.', { [`unitIds.${missing}`]: 'Đơn vị không tồn tại.' });
  return unique;
}

const rowFields = (data: CreateTrainingData) => ({
  date: data.date,
  year: Number(data.date.slice(0, 4)),
  topic: data.topic,
  organiser: data.organiser ?? null,
  trainees: data.trainees,
  note: data.note ?? null,
  search_text: foldText([data.topic, data.organiser, data.note].filter(Boolean).join(' ')),
});

export async function createTraining(ctx: AppContext, data: CreateTrainingData): Promise<Training> {
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    const unitIds = await checkUnits(trx, data.unitIds);
    const at = isoNow(ctx.clock);
    const row = { id, ...rowFields(data), created_at: at, updated_at: at, deleted_at: null };
    await insertTraining(trx, row);
    await replaceTrainingUnits(trx, id, unitIds);
    await recordAudit(trx, ctx.actor, at, { entity: 'training', entityId: id, action: 'create', after: { ...row, unitIds } });
  });
  return getTraining(ctx, id);
}

export async function updateTraining(ctx: AppContext, data: UpdateTrainingData): Promise<Training> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectTraining(trx, data.id);
    if (!before) throw notFound('lớp tập huấn');
    const unitIds = await checkUnits(trx, data.unitIds);
    const at = isoNow(ctx.clock);
    const patch = { ...rowFields(data), updated_at: at };
    const beforeUnits = (await selectTrainingUnits(trx, [data.id])).map((u) => u.id);
    await updateTrainingRow(trx, data.id, patch);
    await replaceTrainingUnits(trx, data.id, unitIds);
    await recordAudit(trx, ctx.actor, at, { entity: 'training', entityId: data.id, action: 'update', before: { ...before, unitIds: beforeUnits }, after: { ...patch, unitIds } });
  });
  return getTraining(ctx, data.id);
}

export async function deleteTraining(ctx: AppContext, id: string): Promise<{ id: string }> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectTraining(trx, id);
    if (!before) throw notFound('lớp tập huấn');
    const at = isoNow(ctx.clock);
    await updateTrainingRow(trx, id, { deleted_at: at, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'training', entityId: id, action: 'delete', before });
  });
  return { id };
}

export async function restoreTraining(ctx: AppContext, id: string): Promise<Training> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectTraining(trx, id, true);
    if (!before || !before.deleted_at) throw notFound('lớp tập huấn trong thùng rác');
    const at = isoNow(ctx.clock);
    await updateTrainingRow(trx, id, { deleted_at: null, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'training', entityId: id, action: 'restore' });
  });
  return getTraining(ctx, id);
}
