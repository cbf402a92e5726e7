import { notifications } from '@mantine/notifications';
import { ApiError } from '../lib/api';

/** A green toast after a successful action: `showSuccess('Đã lưu thông tin cơ quan.')`. */
export function showSuccess(message: string, title = 'Thành công'): void {
  notifications.show({ title, message, color: 'green', autoClose: 3500 });
}

/**
 * A red toast for a failure. Takes an `ApiError` (its Vietnamese message), any other error
 * (a generic Vietnamese message, never an English stack) or a plain string. `title` is typed
 * loosely so `useApiMutation(…, { onError: showError })` works (react-query passes the variables
 * second; anything but a string falls back to the default title).
 */
export function showError(error: unknown, title?: unknown): void {
  const heading = typeof title === 'string' ? title : 'Chưa thực hiện được';
  notifications.show({ title: heading, message: errorMessage(error), color: 'red', autoClose: 8000 });
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
