import { useState } from 'react';
import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconRestore, IconSearch, IconTrash } from '@tabler/icons-react';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { formatDateTime, formatNumber } from '../../lib/format';
import { showError, showSuccess } from '../../components/notify';
import { ListLimitNote } from '../../components/ListLimitNote';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyState } from '../../components/EmptyState';
import { useRefreshAll } from '../backup/BackupsPanel';

export function TrashPanel() {
  const [entity, setEntity] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const list = useApiQuery('trash.list', { ...(entity ? { entity } : {}), ...(debounced ? { search: debounced } : {}), limit: 500 });
  const refreshAll = useRefreshAll();
  const restore = useApiMutation('trash.restore', {
    onError: showError,
    onSuccess: async () => {
      showSuccess('Đã khôi phục bản ghi về chỗ cũ.');
      await refreshAll();
    },
  });
  const entities = list.data?.entities ?? [];
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Mọi bản ghi đã xóa (đơn vị, thành viên, mô hình, hội nghị, kế hoạch, nhiệm vụ…) nằm ở đây và khôi phục được bất cứ lúc nào.
      </Text>
      <Group>
        <Select
          label="Loại dữ liệu"
          placeholder="Tất cả"
          clearable
          w={280}
          data={entities.map((e) => ({ value: e.entity, label: `${e.label} (${formatNumber(e.count)})` }))}
          value={entity}
          onChange={setEntity}
        />
        <TextInput
          label="Tìm theo tên"
          placeholder="Gõ không dấu cũng được"
          leftSection={<IconSearch size={16} />}
          w={320}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
      </Group>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.data && items.length === 0 ? (
        <EmptyState
          icon={<IconTrash size={28} stroke={1.5} />}
          title={debounced || entity ? 'Không có bản ghi đã xóa nào khớp' : 'Thùng rác trống'}
          description="Khi bạn xóa một bản ghi, nó được chuyển vào đây để có thể khôi phục lại."
        />
      ) : (
        <Table striped highlightOnHover withTableBorder fz="sm" aria-label="Thùng rác">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>Loại dữ liệu</Table.Th>
              <Table.Th>Tên / nội dung</Table.Th>
              <Table.Th w={160}>Ngày xóa</Table.Th>
              <Table.Th w={130} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={`${i.entity}:${i.id}`} data-testid="trash-row">
                <Table.Td>{i.entityLabel}</Table.Td>
                <Table.Td>{i.title}</Table.Td>
                <Table.Td>{formatDateTime(i.deletedAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconRestore size={14} />}
                    loading={restore.isPending && restore.variables?.id === i.id}
                    onClick={() => restore.mutate({ entity: i.entity, id: i.id })}
                  >
                    Khôi phục
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data && list.data.total > 0 && (
        <Text size="xs" c="dimmed">
          {formatNumber(list.data.total)} bản ghi trong thùng rác
        </Text>
      )}
      {list.data && <ListLimitNote shown={list.data.items.length} total={list.data.total} noun="bản ghi" order="xóa gần nhất trước" />}
    </Stack>
  );
}
