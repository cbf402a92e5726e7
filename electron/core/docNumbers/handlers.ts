import type { HandlerMap } from '../handler';
import { cancelDocNumber, listDocNumbers, previewNextDocNumber, reserveDocNumberStandalone } from './service';

export const docNumbersHandlers = {
  'docNumbers.next': (input, ctx) => previewNextDocNumber(ctx.db, input.kindCode, input.date),
  'docNumbers.reserve': (input, ctx) => reserveDocNumberStandalone(ctx, input),
  'docNumbers.list': (input, ctx) => listDocNumbers(ctx.db, input),
  'docNumbers.cancel': (input, ctx) => cancelDocNumber(ctx, input.id, input.reason),
} satisfies Partial<HandlerMap>;
