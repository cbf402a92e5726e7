import type { HandlerMap } from '../registry';

export const overviewHandlers = {} satisfies Partial<HandlerMap>;
