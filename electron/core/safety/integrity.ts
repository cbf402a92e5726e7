import type { IntegrityStatus } from '../../../shared/schemas/integrity';
import type { AppContext } from '../context';
import { newestGoodBackup } from './backup/service';

/** The start-up check (quick_check in context.ts) in words a secretariat officer can act on. */
export function integrityStatus(ctx: AppContext): IntegrityStatus {
  const ok = ctx.startupIntegrity === 'ok';
  const newest = ok ? null : newestGoodBackup(ctx);
  const message = ok
    ? ctx.integrityChecking
      ? 'Dữ liệu đang được kiểm tra ở chế độ nền sau khi khởi động; bạn vẫn làm việc bình thường.'
      : 'Dữ liệu đã được kiểm tra khi khởi động và không có lỗi.'
    : [
        'Tệp dữ liệu của QCDC Desk bị hỏng, có thể do máy tắt đột ngột, mất điện hoặc ổ đĩa gặp lỗi.',
        'Để tránh làm hỏng thêm, phần mềm tạm dừng mọi việc nhập và sửa dữ liệu.',
        newest
          ? 'Bạn có thể phục hồi từ bản sao lưu tốt gần nhất bên dưới. Tệp bị hỏng sẽ được giữ lại trong thư mục sao lưu để cán bộ kỹ thuật xem nếu cần.'
          : 'Không tìm thấy bản sao lưu nào còn tốt trong thư mục dữ liệu. Hãy liên hệ cán bộ kỹ thuật và đừng xóa thư mục dữ liệu.',
      ].join(' ');
  return { ok, checking: ok && ctx.integrityChecking, detail: ctx.startupIntegrity, message, dataDir: ctx.layout.root, newestGoodBackup: newest };
}
