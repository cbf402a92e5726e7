// Temporary: the contract is committed first so the UI can be built against it; the services follow.
import type { HandlerMap } from '../handler';
import type { trainingsChannels } from '../../../shared/schemas/trainings';
import { AppError } from '../errors';

const notYet = (): Promise<never> => Promise.reject(new AppError('INTERNAL', 'Chức năng đang được hoàn thiện.'));

export const trainingsHandlers = {
  'trainings.list': notYet,
  'trainings.get': notYet,
  'trainings.create': notYet,
  'trainings.update': notYet,
  'trainings.delete': notYet,
  'trainings.restore': notYet,
} satisfies Partial<HandlerMap>;

type MissingHandlers = Exclude<keyof typeof trainingsChannels, keyof typeof trainingsHandlers>;
const everyChannelHandled: [MissingHandlers] extends [never] ? true : MissingHandlers = true;
void everyChannelHandled;
