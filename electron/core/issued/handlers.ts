import type { HandlerMap } from '../handler';
import { listIssued, readIssuedFile } from './service';

export const issuedHandlers = {
  'issued.list': (input, ctx) => listIssued(ctx.db, { ownerType: input.ownerType, ownerId: input.ownerId, docType: input.docType }),
  'issued.get': async (input, ctx) => {
    const { sha256: _hash, ...file } = await readIssuedFile(ctx.db, input.id, input.format);
    return file;
  },
} satisfies Partial<HandlerMap>;
