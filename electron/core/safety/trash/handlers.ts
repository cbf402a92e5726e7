import type { HandlerMap } from '../../handler';
import { listTrash, restoreFromTrash } from './service';
import { invalidateUsersCache } from '../users/service';

export const trashHandlers = {
  'trash.list': (input, ctx) => listTrash(ctx, input),
  'trash.restore': async (input, ctx) => {
    const result = await restoreFromTrash(ctx, input.entity, input.id);
    if (input.entity === 'app_users') invalidateUsersCache(ctx);
    return result;
  },
} satisfies Partial<HandlerMap>;
