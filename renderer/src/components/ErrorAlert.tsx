import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '../lib/api';
import { errorMessage } from './notify';

const TITLES: Partial<Record<ApiError['code'], string>> = {
  VALIDATION: 'Dữ liệu chưa hợp lệ',
  NOT_FOUND: 'Không tìm thấy dữ liệu',
  CONFLICT: 'Dữ liệu bị trùng hoặc đã thay đổi',
  LOCKED: 'Dữ liệu đã khóa',
  CANCELLED: 'Đã hủy',
  UNAVAILABLE: 'Chức năng chưa dùng được ở đây',
};

/**
 * Shows why a call failed, in Vietnamese: `<ErrorAlert error={query.error} onRetry={query.refetch} />`.
 * Renders nothing when `error` is null/undefined, so it can sit in a page unconditionally.
 * `showFields` lists per-field messages (useful when there is no form to put them under).
 */
export function ErrorAlert({
  error,
  title,
  onRetry,
  showFields = false,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  showFields?: boolean;
}) {
  if (error === null || error === undefined) return null;
  const api = error instanceof ApiError ? error : null;
  const fields = api && showFields ? Object.values(api.fields) : [];
  return (
    <Alert
      color={api?.code === 'CANCELLED' ? 'gray' : 'red'}
      icon={<IconAlertTriangle size={18} />}
      title={title ?? (api ? (TITLES[api.code] ?? 'Chưa thực hiện được') : 'Đã xảy ra lỗi')}
      role="alert"
    >
      <Text size="sm">{errorMessage(error)}</Text>
      {fields.length > 1 && (
        <List size="sm" mt={4}>
          {fields.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
      {onRetry && (
        <Group mt="xs">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Thử lại
          </Button>
        </Group>
      )}
    </Alert>
  );
}
