import type { HandlerMap } from '../handler';
import { applyCatalogPreset, listCatalog, saveCatalog } from './service';

export const catalogsHandlers = {
  'catalogs.list': async (input, ctx) => ({ items: await listCatalog(ctx.db, input.catalog, input) }),
  'catalogs.update': async (input, ctx) => ({ items: await saveCatalog(ctx, input.catalog, input.items) }),
  'catalogs.applyPreset': async (input, ctx) => ({ items: await applyCatalogPreset(ctx, input.preset, input.deactivateOthers ?? true) }),
} satisfies Partial<HandlerMap>;
