import type { AppErrorShape, ErrorCode } from '../../shared/contract';

/** A failure meant for the user: the message is Vietnamese and safe to show as is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (fields) this.fields = fields;
  }

  toShape(): AppErrorShape {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what}.`);
export const invalid = (message: string, fields?: Record<string, string>) => new AppError('VALIDATION', message, fields);
export const conflict = (message: string, fields?: Record<string, string>) => new AppError('CONFLICT', message, fields);
export const cancelled = () => new AppError('CANCELLED', 'Công việc đã được hủy; dữ liệu không thay đổi.');
