import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { AppContext } from './context';

/**
 * The handler types every `<domain>/handlers.ts` implements. They live in this types-only module,
 * not in `registry.ts`, so that the registry (which imports every handlers file) sits above the
 * handlers and imports only run downward.
 */
export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: AppContext) => Promise<ChannelOutput<C>>;
export type HandlerMap = { [C in Channel]: Handler<C> };
