import type { HandlerMap } from '../handler';
import * as service from './service';

type ExchangeChannel = Extract<keyof HandlerMap, `exchange.${string}`>;

export const exchangeHandlers: Pick<HandlerMap, ExchangeChannel> = {
  'exchange.keys.get': (_input, ctx) => service.getKeys(ctx),
  'exchange.keys.trust': (input, ctx) => service.trustSender(ctx, input),
  'exchange.create': (input, ctx) => service.createPackage(ctx, input),
  'exchange.preview': (input, ctx) => service.previewPackage(ctx, input),
  'exchange.commit': (input, ctx) => service.commitPackage(ctx, input.previewId),
  'exchange.undo': (input, ctx) => service.undoPackage(ctx, input.packageId),
  'exchange.history': (input, ctx) => service.history(ctx, input.limit),
  'exchange.records': (input, ctx) => service.receivedRecords(ctx, input.year, input.kind),
  'exchange.decide': (input, ctx) => service.decide(ctx, input),
};
