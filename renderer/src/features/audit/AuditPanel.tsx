import { useState } from 'react';
import { Button, Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileSpreadsheet, IconSearch } from '@tabler/icons-react';
import type { AuditFilter, AuditItem } from '../../../../shared/schemas/audit';
import { api } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useJob } from '../../components/JobProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyState } from '../../components/EmptyState';
import { downloadFile } from '../../components/fileOut';

const PAGE = 50;
const ACTIONS = [
  { value: 'create', label: 'Thêm mới' },
  { value: 'update', label: 'Sửa' },
  { value: 'delete', label: 'Xóa' },
  { value: 'restore', label: 'Khôi phục từ thùng rác' },
  { value: 'import', label: 'Nhập từ tệp' },
  { value: 'restore-backup', label: 'Phục hồi từ bản sao lưu' },
];

function toIso(value: string | Date | null): string | undefined {
  if (!value) return undefined;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return undefined;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Stored timestamps and dates read the Vietnamese way (27/11/2026 09:05, 27/11/2026). */
function showValue(value: string | null): string {
  if (value === null) return '∅';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return value.slice(0, 120);
}

function Changes({ item }: { item: AuditItem }) {
  if (item.changes.length === 0) return <Text size="xs" c="dimmed">{item.note ?? '—'}</Text>;
  return (
    <Stack gap={2}>
      {item.changes.slice(0, 6).map((c) => (
        <Text key={c.field} size="xs" style={{ wordBreak: 'break-word' }}>
          <Text span fw={600} size="xs">
            {c.label}
          </Text>
          :{' '}
          <Text span c="red.8" td={c.before !== null && c.after !== null ? 'line-through' : undefined} size="xs">
            {showValue(c.before)}
          </Text>{' '}
          →{' '}
          <Text span c="green.8" size="xs">
            {showValue(c.after)}
          </Text>
        </Text>
      ))}
      {item.changes.length > 6 && (
        <Text size="xs" c="dimmed">
          … và {item.changes.length - 6} trường khác
        </Text>
      )}
    </Stack>
  );
}

export function AuditPanel() {
  const [entity, setEntity] = useState<string | null>(null);
  const [user, setUser] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const job = useJob();
  const filter: AuditFilter = {
    ...(entity ? { entity } : {}),
    ...(user ? { user } : {}),
    ...(action ? { action } : {}),
    ...(toIso(from) ? { from: toIso(from)! } : {}),
    ...(toIso(to) ? { to: toIso(to)! } : {}),
    ...(debounced ? { search: debounced } : {}),
  };
  const list = useApiQuery('audit.list', { filter, limit: PAGE, offset: (page - 1) * PAGE });
  const total = list.data?.total ?? 0;
  const exportXlsx = () => downloadFile(() => job.run('Đang xuất nhật ký ra Excel', (jobId) => api('audit.exportXlsx', { filter, jobId })), 'Chưa xuất được');
  const reset = (fn: () => void) => {
    fn();
    setPage(1);
  };
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <Select
          label="Loại dữ liệu"
          placeholder="Tất cả"
          clearable
          w={180}
          data={(list.data?.entities ?? []).map((e) => ({ value: e.entity, label: e.label }))}
          value={entity}
          onChange={(v) => reset(() => setEntity(v))}
        />
        <Select label="Thao tác" placeholder="Tất cả" clearable w={150} data={ACTIONS} value={action} onChange={(v) => reset(() => setAction(v))} />
        <Select
          label="Người thực hiện"
          placeholder="Tất cả"
          clearable
          w={150}
          data={list.data?.users ?? []}
          value={user}
          onChange={(v) => reset(() => setUser(v))}
        />
        <DateInput label="Từ ngày" placeholder="dd/mm/yyyy" valueFormat="DD/MM/YYYY" clearable w={115} value={from} onChange={(v) => reset(() => setFrom(v))} />
        <DateInput label="Đến ngày" placeholder="dd/mm/yyyy" valueFormat="DD/MM/YYYY" clearable w={115} value={to} onChange={(v) => reset(() => setTo(v))} />
        <TextInput
          label="Tìm nội dung"
          leftSection={<IconSearch size={16} />}
          w={170}
          value={search}
          onChange={(e) => reset(() => setSearch(e.currentTarget.value))}
        />
      </Group>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.data ? `${formatNumber(total)} thay đổi khớp bộ lọc` : ' '}
        </Text>
        <Button variant="default" size="xs" leftSection={<IconFileSpreadsheet size={16} />} onClick={exportXlsx} disabled={total === 0}>
          Xuất Excel
        </Button>
      </Group>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.data && total === 0 ? (
        <EmptyState title="Không có thay đổi nào khớp bộ lọc" description="Mọi thao tác thêm, sửa, xóa, khôi phục đều được ghi lại ở đây." />
      ) : (
        <Table striped withTableBorder fz="sm" verticalSpacing={6} aria-label="Nhật ký thay đổi">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>Thời gian</Table.Th>
              <Table.Th w={150}>Người thực hiện</Table.Th>
              <Table.Th w={170}>Loại dữ liệu</Table.Th>
              <Table.Th w={150}>Thao tác</Table.Th>
              <Table.Th>Trước → sau</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((i) => (
              <Table.Tr key={i.id} data-testid="audit-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(i.at)}</Table.Td>
                <Table.Td>{i.user}</Table.Td>
                <Table.Td>{i.entityLabel}</Table.Td>
                <Table.Td>{i.actionLabel}</Table.Td>
                <Table.Td>
                  <Changes item={i} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {total > PAGE && (
        <Group justify="flex-end">
          <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
      {job.element}
    </Stack>
  );
}
