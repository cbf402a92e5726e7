import { notifications } from '@mantine/notifications';
import { ApiError } from '../lib/api';

/** A green toast after a successful action: `showSuccess('Đã lưu thông tin cơ quan.')`. */
export function showSuccess(message: string, title = 'Thành công'): void {
  notifications.show({ title, message, color: 'green', autoClose: 3500 });
}

/**
 * A red toast for a failure. Takes an `ApiError` (its Vietnamese message), any other error
 * (a generic Vietnamese message, never an English stack) or a plain string.
 */
export function showError(error: unknown, title = 'Chưa thực hiện được'): void {
  notifications.show({ title, message: errorMessage(error), color: 'red', autoClose: 8000 });
}

/** A neutral toast, e.g. for `app.notify` events from the main process. */
export function showInfo(title: string, message: string): void {
  notifications.show({ title, message, color: 'blue', autoClose: 10000 });
}

/** The Vietnamese text to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof ApiError) return error.message;
  return 'Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; hãy thử lại.';
}
