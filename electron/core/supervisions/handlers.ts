// Temporary: the contract is committed first so the UI can be built against it; the services follow.
import type { HandlerMap } from '../handler';
import type { supervisionsChannels } from '../../../shared/schemas/supervisions';
import { AppError } from '../errors';

const notYet = (): Promise<never> => Promise.reject(new AppError('INTERNAL', 'Chức năng đang được hoàn thiện.'));

export const supervisionsHandlers = {
  'supervisions.list': notYet,
  'supervisions.get': notYet,
  'supervisions.create': notYet,
  'supervisions.update': notYet,
  'supervisions.delete': notYet,
  'supervisions.restore': notYet,
  'supervisions.unvisited': notYet,
} satisfies Partial<HandlerMap>;

type MissingHandlers = Exclude<keyof typeof supervisionsChannels, keyof typeof supervisionsHandlers>;
const everyChannelHandled: [MissingHandlers] extends [never] ? true : MissingHandlers = true;
void everyChannelHandled;
