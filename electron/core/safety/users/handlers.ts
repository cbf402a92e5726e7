import type { HandlerMap } from '../../handler';
import {
  configureLock,
  createUser,
  deleteAppUser,
  listAppUsers,
  lockNow,
  lockStatus,
  signIn,
  signOut,
  updateAppUser,
} from './service';

/** users.* and lock.*: the app lock exists only for the named users. */
export const usersHandlers = {
  'users.list': (_input, ctx) => listAppUsers(ctx),
  'users.create': (input, ctx) => createUser(ctx, input),
  'users.update': (input, ctx) => updateAppUser(ctx, input),
  'users.delete': (input, ctx) => deleteAppUser(ctx, input.id),
  'users.signIn': (input, ctx) => signIn(ctx, input.userId, input.password),
  'users.signOut': (_input, ctx) => signOut(ctx),
  'lock.status': (_input, ctx) => lockStatus(ctx),
  'lock.lock': (_input, ctx) => lockNow(ctx),
  'lock.configure': (input, ctx) => configureLock(ctx, input.idleMinutes),
} satisfies Partial<HandlerMap>;
