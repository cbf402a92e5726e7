/** Every dialogues.* channel. */
import type { HandlerMap } from '../handler';
import type { dialoguesChannels } from '../../../shared/schemas/dialogues';
import { createDialogue, deleteDialogue, getDialogue, listDialogues, restoreDialogue, updateDialogue } from './service';

export const dialoguesHandlers = {
  'dialogues.list': (input, ctx) => listDialogues(ctx, input),
  'dialogues.get': (input, ctx) => getDialogue(ctx, input.id),
  'dialogues.create': (input, ctx) => createDialogue(ctx, input),
  'dialogues.update': (input, ctx) => updateDialogue(ctx, input),
  'dialogues.delete': (input, ctx) => deleteDialogue(ctx, input.id),
  'dialogues.restore': (input, ctx) => restoreDialogue(ctx, input.id),
} satisfies Partial<HandlerMap>;

// Compile-time check that every channel of dialoguesChannels has its handler here.
type MissingHandlers = Exclude<keyof typeof dialoguesChannels, keyof typeof dialoguesHandlers>;
const everyChannelHandled: [MissingHandlers] extends [never] ? true : MissingHandlers = true;
void everyChannelHandled;
