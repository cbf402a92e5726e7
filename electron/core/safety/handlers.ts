import type { HandlerMap } from '../registry';

export const safetyHandlers = {} satisfies Partial<HandlerMap>;
