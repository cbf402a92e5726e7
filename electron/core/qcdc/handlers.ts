// Temporary: the contract is committed first so the UI can be built against it; the services follow.
import type { HandlerMap } from '../handler';
import type { qcdcChannels } from '../../../shared/schemas/qcdc';
import { AppError } from '../errors';

const notYet = (): Promise<never> => Promise.reject(new AppError('INTERNAL', 'Chức năng đang được hoàn thiện.'));

export const qcdcHandlers = {
  'qcdc.indicators.list': notYet,
  'qcdc.indicators.create': notYet,
  'qcdc.indicators.update': notYet,
  'qcdc.reports.get': notYet,
  'qcdc.reports.save': notYet,
  'qcdc.reports.delete': notYet,
  'qcdc.importPreview': notYet,
  'qcdc.importCommit': notYet,
  'qcdc.importUndo': notYet,
  'qcdc.stats': notYet,
  'qcdc.drill': notYet,
} satisfies Partial<HandlerMap>;

type MissingHandlers = Exclude<keyof typeof qcdcChannels, keyof typeof qcdcHandlers>;
const everyChannelHandled: [MissingHandlers] extends [never] ? true : MissingHandlers = true;
void everyChannelHandled;
