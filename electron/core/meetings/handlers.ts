import type { HandlerMap } from '../registry';

export const meetingsHandlers = {} satisfies Partial<HandlerMap>;
