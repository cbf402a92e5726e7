import type { AppContext } from '../context';
import { AppError } from '../errors';

/**
 * While a restore or a data-folder move is between "safety copy made" and "files swapped", a
 * write from another call would land in the database about to be replaced and be lost. The
 * registry gate (users/service.ts checkAccess) refuses other calls during that window.
 */
const busy = new WeakMap<AppContext, string>();

export async function duringMaintenance<T>(ctx: AppContext, what: string, work: () => Promise<T>): Promise<T> {
  if (busy.has(ctx)) throw new MaintenanceError(busy.get(ctx)!);
  busy.set(ctx, what);
  try {
    return await work();
  } finally {
    busy.delete(ctx);
  }
}

export function maintenanceInProgress(ctx: AppContext): string | null {
  return busy.get(ctx) ?? null;
}

export class MaintenanceError extends AppError {
  constructor(what: string) {
    super('CONFLICT', `Đang ${what}; vui lòng chờ giây lát rồi thử lại.`);
  }
}
