import { useState } from 'react';
import { ActionIcon, Badge, Box, Button, Group, Paper, Select, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconPencil, IconPlus, IconRestore, IconSearch, IconTrash, IconUpload, IconUserShare } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { MEMBER_ROLE_LABELS, type MemberListItem, type MemberRole } from '../../../../shared/schemas/members';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';
import { MemberFormModal, ROLE_OPTIONS } from './MemberFormModal';
import { ImportModal, MEMBER_IMPORT } from '../../components/ImportModal';
import { FileOutButton } from '../../components/fileOut';

const ROLE_COLORS: Record<MemberRole, string> = { truong_ban: 'red', pho_truong_ban_tt: 'orange', pho_truong_ban: 'yellow', uy_vien: 'blue', to_giup_viec: 'gray' };

/** Committee members sorted by given name (or by role), with the units each follows. */
export function MembersPanel() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [role, setRole] = useState<MemberRole | null>(null);
  const [order, setOrder] = useState<'name' | 'role'>('name');
  const [trash, setTrash] = useState(false);
  const [editing, setEditing] = useState<MemberListItem | null | 'new'>(null);
  const [importing, setImporting] = useState(false);
  const navigate = useNavigate();
  const confirm = useConfirm();
  const query = useApiQuery('members.list', { search: debounced || undefined, role: role ?? undefined, order, deletedOnly: trash || undefined });
  const remove = useApiMutation('members.delete', { invalidate: ['members.list', 'assignments.list', 'units.list'] });
  const restore = useApiMutation('members.restore', { invalidate: ['members.list', 'assignments.list', 'units.list'] });
  const items = query.data?.items ?? [];

  const del = async (m: MemberListItem) => {
    const ok = await confirm({
      title: 'Xóa thành viên?',
      message: `Đồng chí ${m.fullName} và các phân công phụ trách sẽ được chuyển vào thùng rác; có thể khôi phục lại.`,
      confirmLabel: 'Xóa',
      danger: true,
    });
    if (!ok) return;
    try {
      await remove.mutateAsync({ id: m.id });
      showSuccess(`Đã chuyển đồng chí ${m.fullName} vào thùng rác.`);
    } catch (error) {
      showError(error);
    }
  };


  return (
    <Box>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <TextInput w={250} leftSection={<IconSearch size={16} />} placeholder="Tìm theo tên, chức vụ, cơ quan" aria-label="Tìm thành viên" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select w={180} placeholder="Mọi chức danh" aria-label="Lọc theo chức danh" data={ROLE_OPTIONS} value={role} onChange={(v) => setRole(v as MemberRole | null)} clearable />
          <Select
            w={170}
            aria-label="Sắp xếp"
            data={[
              { value: 'name', label: 'Xếp theo tên' },
              { value: 'role', label: 'Xếp theo chức danh' },
            ]}
            value={order}
            onChange={(v) => setOrder((v as 'name' | 'role') ?? 'name')}
            allowDeselect={false}
          />
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
            Nhập Excel
          </Button>
          <FileOutButton leftSection={<IconDownload size={16} />} produce={() => api('members.exportXlsx', { search: debounced || undefined })}>
            Xuất Excel
          </FileOutButton>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Thêm thành viên
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      <Group justify="space-between" mb={6}>
        <Text size="sm" c="dimmed">
          {formatNumber(items.length)} {trash ? 'thành viên trong thùng rác' : 'thành viên'}
        </Text>
        <Switch size="xs" label="Thùng rác" checked={trash} onChange={(e) => setTrash(e.currentTarget.checked)} />
      </Group>
      {query.isSuccess && items.length === 0 ? (
        debounced || role ? (
          <EmptyState title="Không có thành viên phù hợp" description="Thử bỏ bớt điều kiện lọc." />
        ) : trash ? (
          <EmptyState title="Thùng rác trống" />
        ) : (
          <EmptyState title="Chưa có thành viên nào" description="Thêm Trưởng ban, các Phó Trưởng ban, Ủy viên và Tổ giúp việc; hoặc nhập danh sách từ Excel." actionLabel="Thêm thành viên" onAction={() => setEditing('new')}>
            <Button variant="default" onClick={() => setImporting(true)}>
              Nhập từ Excel
            </Button>
          </EmptyState>
        )
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900} maxHeight="calc(100vh - 290px)">
            <Table stickyHeader highlightOnHover verticalSpacing={6} fz="sm" aria-label="Danh sách thành viên">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>TT</Table.Th>
                  <Table.Th w={200}>Họ và tên</Table.Th>
                  <Table.Th w={190}>Chức danh</Table.Th>
                  <Table.Th>Chức vụ, cơ quan</Table.Th>
                  <Table.Th w={120}>Điện thoại</Table.Th>
                  <Table.Th w={230}>Đơn vị phụ trách</Table.Th>
                  <Table.Th w={110} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m, i) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td fw={500}>{m.fullName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={ROLE_COLORS[m.role]} size="sm">
                        {MEMBER_ROLE_LABELS[m.role]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{[m.position, m.agency].filter(Boolean).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>{m.phone}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{m.unitNames.length ? m.unitNames.join('; ') : <Text span c="dimmed" size="xs">Chưa phân công</Text>}</Text>
                    </Table.Td>
                    <Table.Td>
                      {trash ? (
                        <Button size="compact-xs" variant="light" leftSection={<IconRestore size={14} />} onClick={() => restore.mutate({ id: m.id }, { onSuccess: () => showSuccess(`Đã khôi phục đồng chí ${m.fullName}.`), onError: (e) => showError(e) })}>
                          Khôi phục
                        </Button>
                      ) : (
                        <Group gap={2} wrap="nowrap" justify="flex-end">
                          <Tooltip label="Phân công phụ trách">
                            <ActionIcon variant="subtle" onClick={() => navigate(`/don-vi/phan-cong?member=${m.id}`)} aria-label={`Phân công ${m.fullName}`}>
                              <IconUserShare size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Sửa">
                            <ActionIcon variant="subtle" onClick={() => setEditing(m)} aria-label={`Sửa ${m.fullName}`}>
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Xóa (vào thùng rác)">
                            <ActionIcon variant="subtle" color="red" onClick={() => del(m)} aria-label={`Xóa ${m.fullName}`}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <MemberFormModal opened={editing !== null} onClose={() => setEditing(null)} member={editing === 'new' ? null : editing} />
      <ImportModal target={MEMBER_IMPORT} opened={importing} onClose={() => setImporting(false)} />
    </Box>
  );
}
