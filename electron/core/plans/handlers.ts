import type { HandlerMap } from '../registry';

export const plansHandlers = {} satisfies Partial<HandlerMap>;
