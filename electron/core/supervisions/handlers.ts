/** Every supervisions.* channel. */
import type { HandlerMap } from '../handler';
import type { supervisionsChannels } from '../../../shared/schemas/supervisions';
import { createSupervision, deleteSupervision, getSupervision, listSupervisions, restoreSupervision, unvisited, updateSupervision } from './service';

export const supervisionsHandlers = {
  'supervisions.list': (input, ctx) => listSupervisions(ctx, input),
  'supervisions.get': (input, ctx) => getSupervision(ctx, input.id),
  'supervisions.create': (input, ctx) => createSupervision(ctx, input),
  'supervisions.update': (input, ctx) => updateSupervision(ctx, input),
  'supervisions.delete': (input, ctx) => deleteSupervision(ctx, input.id),
  'supervisions.restore': (input, ctx) => restoreSupervision(ctx, input.id),
  'supervisions.unvisited': (input, ctx) => unvisited(ctx, input.year),
} satisfies Partial<HandlerMap>;

// Compile-time check that every channel of supervisionsChannels has its handler here.
type MissingHandlers = Exclude<keyof typeof supervisionsChannels, keyof typeof supervisionsHandlers>;
const everyChannelHandled: [MissingHandlers] extends [never] ? true : MissingHandlers = true;
void everyChannelHandled;
