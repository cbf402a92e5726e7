/**
 * safety/ groups the data-safety domains (backup, trash, audit, users, dataDir, integrity): they
 * share the maintenance gate, the table labels and the integrity check kept at this level, and
 * each has its own subfolder with its handlers. This file only gathers them for the registry.
 */
import type { HandlerMap } from '../handler';
import { integrityStatus } from './integrity';
import { backupHandlers } from './backup/handlers';
import { trashHandlers } from './trash/handlers';
import { auditHandlers } from './audit/handlers';
import { dataDirHandlers } from './dataDir/handlers';
import { usersHandlers } from './users/handlers';

export const integrityHandlers = {
  'integrity.status': async (_input, ctx) => integrityStatus(ctx),
} satisfies Partial<HandlerMap>;

export const safetyHandlers = {
  ...integrityHandlers,
  ...backupHandlers,
  ...trashHandlers,
  ...auditHandlers,
  ...dataDirHandlers,
  ...usersHandlers,
} satisfies Partial<HandlerMap>;
