// Temporary: the contract is committed first so the UI can be built against it; the services follow.
import type { HandlerMap } from '../handler';
import type { dialoguesChannels } from '../../../shared/schemas/dialogues';
import { AppError } from '../errors';

const notYet = (): Promise<never> => Promise.reject(new AppError('INTERNAL', 'Chức năng đang được hoàn thiện.'));

export const dialoguesHandlers = {
  'dialogues.list': notYet,
  'dialogues.get': notYet,
  'dialogues.create': notYet,
  'dialogues.update': notYet,
  'dialogues.delete': notYet,
  'dialogues.restore': notYet,
} satisfies Partial<HandlerMap>;

type MissingHandlers = Exclude<keyof typeof dialoguesChannels, keyof typeof dialoguesHandlers>;
const everyChannelHandled: [MissingHandlers] extends [never] ? true : MissingHandlers = true;
void everyChannelHandled;
