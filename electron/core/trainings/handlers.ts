/** Every trainings.* channel. */
import type { HandlerMap } from '../handler';
import type { trainingsChannels } from '../../../shared/schemas/trainings';
import { createTraining, deleteTraining, getTraining, listTrainings, restoreTraining, updateTraining } from './service';

export const trainingsHandlers = {
  'trainings.list': (input, ctx) => listTrainings(ctx, input),
  'trainings.get': (input, ctx) => getTraining(ctx, input.id),
  'trainings.create': (input, ctx) => createTraining(ctx, input),
  'trainings.update': (input, ctx) => updateTraining(ctx, input),
  'trainings.delete': (input, ctx) => deleteTraining(ctx, input.id),
  'trainings.restore': (input, ctx) => restoreTraining(ctx, input.id),
} satisfies Partial<HandlerMap>;

// Compile-time check that every channel of trainingsChannels has its handler here.
type MissingHandlers = Exclude<keyof typeof trainingsChannels, keyof typeof trainingsHandlers>;
const everyChannelHandled: [MissingHandlers] extends [never] ? true : MissingHandlers = true;
void everyChannelHandled;
