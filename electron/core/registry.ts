import { ZodError, type z } from 'zod';
import { contract, isChannel, type Envelope } from '../../shared/contract';
import { AppError } from './errors';
import type { AppContext } from './context';
import { settingsHandlers } from './settings/handlers';
import { systemHandlers } from './system/handlers';
import { unitsHandlers } from './units/handlers';
import { membersHandlers } from './members/handlers';
import { assignmentsHandlers } from './assignments/handlers';
import { catalogsHandlers } from './catalogs/handlers';
import { docNumbersHandlers } from './docNumbers/handlers';
import { modelsHandlers } from './models/handlers';
import { meetingsHandlers } from './meetings/handlers';
import { plansHandlers } from './plans/handlers';
import { tasksHandlers } from './tasks/handlers';
import { inspectionsHandlers } from './inspections/handlers';
import { unitReportsHandlers } from './unitReports/handlers';
import { calendarHandlers } from './calendar/handlers';
import { holidaysHandlers } from './holidays/handlers';
import { safetyHandlers } from './safety/handlers';
import { checkAccess } from './safety/users/service';
import { overviewHandlers } from './overview/handlers';
import { reportsHandlers } from './reports/handlers';
import { qcdcHandlers } from './qcdc/handlers';
import { dialoguesHandlers } from './dialogues/handlers';
import { supervisionsHandlers } from './supervisions/handlers';
import { trainingsHandlers } from './trainings/handlers';

import type { HandlerMap } from './handler';
export type { Handler, HandlerMap } from './handler';

/** Every contract channel must have exactly one handler: the type makes a missing one a compile error. */
export const handlers: HandlerMap = {
  ...systemHandlers,
  ...settingsHandlers,
  ...unitsHandlers,
  ...membersHandlers,
  ...assignmentsHandlers,
  ...catalogsHandlers,
  ...docNumbersHandlers,
  ...modelsHandlers,
  ...meetingsHandlers,
  ...plansHandlers,
  ...tasksHandlers,
  ...inspectionsHandlers,
  ...unitReportsHandlers,
  ...calendarHandlers,
  ...holidaysHandlers,
  ...safetyHandlers,
  ...overviewHandlers,
  ...reportsHandlers,
  ...qcdcHandlers,
  ...dialoguesHandlers,
  ...supervisionsHandlers,
  ...trainingsHandlers,
};

export interface InvokeOptions {
  /** Validate outputs too (tests and the harness): a handler returning the wrong shape is a bug. */
  validateOutput?: boolean;
}

export type Invoke = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

/** Zod issues → `{ fields, message }` with Vietnamese text; the first issue leads the message. */
export function zodToAppError(error: ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!fields[key]) fields[key] = issue.message;
  }
  const first = error.issues[0]?.message ?? 'Dữ liệu không hợp lệ.';
  return new AppError('VALIDATION', `Dữ liệu chưa hợp lệ: ${first}`, fields);
}

function sqliteErrorToAppError(err: unknown): AppError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('CONFLICT', 'Dữ liệu trùng hoặc tham chiếu tới bản ghi không tồn tại; không có gì được lưu.');
  }
  // The disk, not the program: say what the user can do about it (tests/faults/disk.test.ts).
  if (code === 'SQLITE_FULL') {
    return new AppError('UNAVAILABLE', 'Ổ đĩa chứa dữ liệu đã đầy; không có gì được lưu. Hãy giải phóng dung lượng rồi thử lại.');
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) {
    return new AppError('UNAVAILABLE', 'Thư mục dữ liệu đang ở chế độ chỉ đọc (không ghi được); không có gì được lưu.');
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('CONFLICT', 'Cơ sở dữ liệu đang bận, vui lòng thử lại sau giây lát.');
  }
  return null;
}

/**
 * The registry: validate input → run the handler → (validate output) → envelope → log.
 * Both transports (Electron IPC and the HTTP harness) call this and nothing else.
 */
export function createInvoker(ctx: AppContext, options: InvokeOptions = {}, map: HandlerMap = handlers): Invoke {
  return async (channelName, rawInput) => {
    if (!isChannel(channelName)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Không có chức năng "${String(channelName).slice(0, 80)}".` } };
    }
    const def = contract[channelName];
    const parsed = (def.input as z.ZodType).safeParse(rawInput ?? {});
    if (!parsed.success) {
      const error = zodToAppError(parsed.error);
      ctx.log.warn(`invalid input for ${channelName}`, error.fields);
      return { ok: false, error: error.toShape() };
    }
    try {
      // Data safety: app lock, roles (quản trị / nhập liệu / chỉ xem) and the damaged-database
      // guard; a no-op while no named users exist. See electron/core/safety/users/permissions.ts.
      const denied = await checkAccess(ctx, channelName);
      if (denied) return { ok: false, error: denied };
      const handler = map[channelName] as (input: unknown, c: AppContext) => Promise<unknown>;
      const data = await handler(parsed.data, ctx);
      if (options.validateOutput) {
        const checked = (def.output as z.ZodType).safeParse(data);
        if (!checked.success) {
          ctx.log.error(`output of ${channelName} does not match the contract`, checked.error.issues);
          return {
            ok: false,
            error: { code: 'INTERNAL', message: 'Kết quả trả về không đúng định dạng (lỗi chương trình), đã ghi nhật ký.' },
          };
        }
      }
      return { ok: true, data };
    } catch (err) {
      if (err instanceof AppError) {
        if (err.code === 'INTERNAL') ctx.log.error(`${channelName} failed`, err);
        return { ok: false, error: err.toShape() };
      }
      if (err instanceof ZodError) return { ok: false, error: zodToAppError(err).toShape() };
      const mapped = sqliteErrorToAppError(err);
      ctx.log.error(`${channelName} failed`, err);
      if (mapped) return { ok: false, error: mapped.toShape() };
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn; không có gì bị thay đổi. Chi tiết đã được ghi vào nhật ký.' },
      };
    }
  };
}
