// Register of trainings and guidance (tập huấn, hướng dẫn) on QCDC: date, topic, trainees, units.
import { z } from 'zod';
import { channel } from '../contract/define';
import { idSchema, intInRange, isoDate, longText, text } from './common';

const trainingFields = {
  date: isoDate('Ngày tập huấn'),
  topic: text('Chủ đề', { min: 1, max: 500 }),
  organiser: text('Đơn vị tổ chức', { max: 300 }).nullable().optional(),
  trainees: intInRange('Số người được tập huấn', 0, 1_000_000),
  /** Units whose people attended. */
  unitIds: z.array(idSchema).max(2000, 'Tối đa 2000 đơn vị.').default([]),
  note: longText('Ghi chú', { max: 5000 }).nullable().optional(),
};

export const createTrainingSchema = z.object(trainingFields);
export type CreateTrainingData = z.output<typeof createTrainingSchema>;
export const updateTrainingSchema = z.object({ id: idSchema, ...trainingFields, unitIds: z.array(idSchema).max(2000) });
export type UpdateTrainingData = z.output<typeof updateTrainingSchema>;

export const trainingSchema = z.object({
  id: z.string(),
  date: z.string(),
  year: z.number().int(),
  topic: z.string(),
  organiser: z.string().nullable(),
  trainees: z.number().int(),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  note: z.string().nullable(),
  deletedAt: z.string().nullable(),
});
export type Training = z.infer<typeof trainingSchema>;

const byId = z.object({ id: idSchema });

export const trainingsChannels = {
  'trainings.list': channel({
    input: z.object({
      year: intInRange('Năm', 1990, 2100).optional(),
      unitId: idSchema.optional(),
      includeDeleted: z.boolean().default(false),
    }),
    output: z.array(trainingSchema),
    summary: 'QCDC trainings and guidance sessions, newest first.',
  }),
  'trainings.get': channel({ input: byId, output: trainingSchema, summary: 'One training.' }),
  'trainings.create': channel({ input: createTrainingSchema, output: trainingSchema, summary: 'Record a training (date, topic, trainees, units).' }),
  'trainings.update': channel({ input: updateTrainingSchema, output: trainingSchema, summary: 'Replace a training.' }),
  'trainings.delete': channel({ input: byId, output: z.object({ id: z.string() }), summary: 'Move a training to the trash.' }),
  'trainings.restore': channel({ input: byId, output: trainingSchema, summary: 'Bring a training back from the trash.' }),
};
