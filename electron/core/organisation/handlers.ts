import type { HandlerMap } from '../registry';

export const organisationHandlers = {} satisfies Partial<HandlerMap>;
