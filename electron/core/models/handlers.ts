import type { HandlerMap } from '../registry';

export const modelsHandlers = {} satisfies Partial<HandlerMap>;
