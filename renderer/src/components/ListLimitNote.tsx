import { Text } from '@mantine/core';
import { formatNumber } from '../lib/format';

/**
 * Says when a list shows only part of what matched ("Đang hiện 500 trên 20.000 …"), so a long
 * list is never mistaken for the whole; renders nothing when everything is shown.
 */
export function ListLimitNote({ shown, total, noun, order }: { shown: number; total: number; noun: string; order: string }) {
  if (total <= shown) return null;
  return (
    <Text size="xs" c="dimmed">
      Đang hiện {formatNumber(shown)} trên {formatNumber(total)} {noun} ({order}); hãy lọc hoặc tìm kiếm để thu hẹp.
    </Text>
  );
}
