import { useMemo, useState } from 'react';
import { ActionIcon, Badge, Box, Button, Group, Menu, Paper, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconArrowDown,
  IconArrowUp,
  IconArrowsMove,
  IconChevronDown,
  IconChevronRight,
  IconDotsVertical,
  IconDownload,
  IconGitMerge,
  IconPencil,
  IconPlus,
  IconRestore,
  IconSearch,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { QCDC_TYPE_LABELS, QCDC_TYPE_SHORT_LABELS, UNIT_KIND_SHORT_LABELS, type UnitListItem } from '../../../../shared/schemas/units';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { api } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';
import { UnitFormModal } from './UnitFormModal';
import { MergeModal } from './MergeModal';
import { MoveModal } from './MoveModal';
import { ImportModal, UNIT_IMPORT } from '../../components/ImportModal';
import { FileOutButton } from '../../components/fileOut';

type Dialog =
  | { type: 'create'; parent: UnitListItem | null }
  | { type: 'edit'; unit: UnitListItem }
  | { type: 'merge'; unit: UnitListItem }
  | { type: 'move'; unit: UnitListItem }
  | { type: 'import' }
  | null;

function period(u: UnitListItem): string {
  if (!u.validFrom && !u.validTo) return '';
  return `${u.validFrom ? formatDate(u.validFrom) : '…'} – ${u.validTo ? formatDate(u.validTo) : 'nay'}`;
}

/** The unit tree: search without diacritics, add child, edit, move, reorder, merge/close, trash. */
export function UnitsPanel() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [showClosed, setShowClosed] = useState(true);
  const [trash, setTrash] = useState(false);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const confirm = useConfirm();

  const query = useApiQuery('units.list', { search: debounced || undefined, includeClosed: showClosed, deletedOnly: trash || undefined });
  const all = useApiQuery('units.list', {});
  const reorder = useApiMutation('units.reorder', { invalidate: ['units.list'] });
  const remove = useApiMutation('units.delete', { invalidate: ['units.list'] });
  const restore = useApiMutation('units.restore', { invalidate: ['units.list'] });

  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  const allUnits = all.data?.items ?? [];
  const searching = Boolean(debounced);

  // Collapsed parents hide their descendants (tree order: a parent comes before its children).
  const visible = useMemo(() => {
    if (searching || trash) return items;
    const hidden = new Set<string>();
    return items.filter((u) => {
      if (u.parentId && (hidden.has(u.parentId) || collapsed.has(u.parentId))) {
        hidden.add(u.id);
        return false;
      }
      return true;
    });
  }, [items, collapsed, searching, trash]);

  const siblingsOf = (u: UnitListItem) => allUnits.filter((x) => x.parentId === u.parentId);
  const moveBy = async (u: UnitListItem, delta: number) => {
    const sibs = siblingsOf(u).map((s) => s.id);
    const i = sibs.indexOf(u.id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= sibs.length) return;
    [sibs[i], sibs[j]] = [sibs[j]!, sibs[i]!];
    try {
      await reorder.mutateAsync({ parentId: u.parentId, orderedIds: sibs });
    } catch (error) {
      showError(error);
    }
  };

  const del = async (u: UnitListItem) => {
    const ok = await confirm({ title: 'Xóa đơn vị?', message: `«${u.name}» sẽ được chuyển vào thùng rác; có thể khôi phục lại.`, confirmLabel: 'Xóa', danger: true });
    if (!ok) return;
    try {
      await remove.mutateAsync({ id: u.id });
      showSuccess(`Đã chuyển «${u.name}» vào thùng rác.`);
    } catch (error) {
      showError(error);
    }
  };


  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const topCount = allUnits.filter((u) => !u.parentId && !u.mergedIntoId).length;

  return (
    <Box>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <TextInput
            w={320}
            leftSection={<IconSearch size={16} />}
            placeholder="Tìm đơn vị (gõ không dấu được)"
            aria-label="Tìm đơn vị"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setDialog({ type: 'import' })}>
            Nhập Excel
          </Button>
          <FileOutButton leftSection={<IconDownload size={16} />} produce={() => api('units.exportXlsx', { search: debounced || undefined, includeClosed: showClosed })}>
            Xuất Excel
          </FileOutButton>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ type: 'create', parent: null })}>
            Thêm đơn vị
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      <Group gap="xs" mb={6} justify="space-between">
        <Group gap="xs">
        <Text size="sm" c="dimmed">
          {searching ? `Tìm thấy ${formatNumber(items.length)} đơn vị` : trash ? `${formatNumber(items.length)} đơn vị trong thùng rác` : `${formatNumber(items.length)} đơn vị · ${formatNumber(topCount)} đơn vị trực thuộc Ban Chỉ đạo`}
        </Text>
        {!searching && !trash && items.some((u) => u.childCount > 0) && (
          <>
            <Button size="compact-xs" variant="subtle" onClick={() => setCollapsed(new Set())}>
              Mở rộng tất cả
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => setCollapsed(new Set(items.filter((u) => u.childCount > 0).map((u) => u.id)))}>
              Thu gọn tất cả
            </Button>
          </>
        )}
        </Group>
        <Group gap="md">
          <Switch size="xs" label="Hiện đơn vị đã sáp nhập, giải thể" checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} />
          <Switch size="xs" label="Thùng rác" checked={trash} onChange={(e) => setTrash(e.currentTarget.checked)} />
        </Group>
      </Group>
      {query.isSuccess && items.length === 0 ? (
        searching ? (
          <EmptyState title="Không có đơn vị phù hợp" description={`Không tìm thấy đơn vị nào khớp «${debounced}».`} />
        ) : trash ? (
          <EmptyState title="Thùng rác trống" description="Các đơn vị đã xóa sẽ nằm ở đây và có thể khôi phục." />
        ) : (
          <EmptyState
            title="Chưa có đơn vị nào"
            description="Thêm các đảng bộ, chi bộ trực thuộc Ban Chỉ đạo, rồi thêm cơ sở của từng đơn vị; hoặc nhập danh sách từ Excel."
            actionLabel="Thêm đơn vị"
            onAction={() => setDialog({ type: 'create', parent: null })}
          >
            <Button variant="default" onClick={() => setDialog({ type: 'import' })}>
              Nhập từ Excel
            </Button>
          </EmptyState>
        )
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900} maxHeight="calc(100vh - 290px)">
            <Table stickyHeader highlightOnHover verticalSpacing={6} fz="sm" aria-label="Cây đơn vị">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tên đơn vị</Table.Th>
                  <Table.Th w={120}>Loại</Table.Th>
                  <Table.Th w={130}>Loại hình QCDC</Table.Th>
                  <Table.Th w={150}>Hiệu lực</Table.Th>
                  <Table.Th w={180}>Thành viên phụ trách</Table.Th>
                  <Table.Th w={150} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visible.map((u) => {
                  const closed = Boolean(u.mergedIntoId || u.validTo);
                  const depth = searching || trash ? 0 : u.depth;
                  return (
                    <Table.Tr key={u.id} style={closed ? { color: 'var(--mantine-color-dimmed)' } : undefined}>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" pl={depth * 22}>
                          {!searching && !trash && u.childCount > 0 ? (
                            <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => toggle(u.id)} aria-label={collapsed.has(u.id) ? `Mở ${u.name}` : `Thu gọn ${u.name}`}>
                              {collapsed.has(u.id) ? <IconChevronRight size={14} /> : <IconChevronDown size={14} />}
                            </ActionIcon>
                          ) : (
                            <Box w={22} />
                          )}
                          <Box miw={0}>
                            <Text size="sm" fw={u.depth === 0 ? 600 : 400} td={u.mergedIntoId ? 'line-through' : undefined}>
                              {u.name}
                              {u.shortName ? <Text span c="dimmed" size="xs">{` (${u.shortName})`}</Text> : null}
                              {u.childCount > 0 && !searching ? <Text span c="dimmed" size="xs">{` · ${u.childCount} đơn vị`}</Text> : null}
                            </Text>
                            {(searching || trash) && u.path.length > 0 && (
                              <Text size="xs" c="dimmed">
                                {u.path.join(' › ')}
                              </Text>
                            )}
                            {u.mergedIntoName && (
                              <Text size="xs" c="orange.8">
                                Đã sáp nhập vào {u.mergedIntoName} (từ sau {formatDate(u.validTo)})
                              </Text>
                            )}
                          </Box>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={u.kind === 'dang_bo' ? 'blue' : 'gray'} size="sm">
                          {UNIT_KIND_SHORT_LABELS[u.kind]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {u.qcdcType ? (
                          <Tooltip label={QCDC_TYPE_LABELS[u.qcdcType]}>
                            <Text size="xs">{QCDC_TYPE_SHORT_LABELS[u.qcdcType]}</Text>
                          </Tooltip>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{period(u)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{u.memberNames.join(', ')}</Text>
                      </Table.Td>
                      <Table.Td>
                        {trash ? (
                          <Button size="compact-xs" variant="light" leftSection={<IconRestore size={14} />} onClick={() => restore.mutate({ id: u.id }, { onSuccess: () => showSuccess(`Đã khôi phục «${u.name}».`), onError: (e) => showError(e) })}>
                            Khôi phục
                          </Button>
                        ) : (
                          <Group gap={2} wrap="nowrap" justify="flex-end">
                            <Tooltip label="Thêm đơn vị trực thuộc">
                              <ActionIcon variant="subtle" onClick={() => setDialog({ type: 'create', parent: u })} aria-label={`Thêm đơn vị trực thuộc ${u.name}`} disabled={Boolean(u.mergedIntoId)}>
                                <IconPlus size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label="Sửa">
                              <ActionIcon variant="subtle" onClick={() => setDialog({ type: 'edit', unit: u })} aria-label={`Sửa ${u.name}`}>
                                <IconPencil size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label="Lên trên">
                              <ActionIcon variant="subtle" color="gray" onClick={() => moveBy(u, -1)} aria-label={`Đưa ${u.name} lên`} disabled={searching}>
                                <IconArrowUp size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label="Xuống dưới">
                              <ActionIcon variant="subtle" color="gray" onClick={() => moveBy(u, 1)} aria-label={`Đưa ${u.name} xuống`} disabled={searching}>
                                <IconArrowDown size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Menu position="bottom-end" withinPortal>
                              <Menu.Target>
                                <ActionIcon variant="subtle" color="gray" aria-label={`Thao tác khác với ${u.name}`}>
                                  <IconDotsVertical size={16} />
                                </ActionIcon>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item leftSection={<IconArrowsMove size={16} />} onClick={() => setDialog({ type: 'move', unit: u })}>
                                  Chuyển sang đơn vị cấp trên khác…
                                </Menu.Item>
                                <Menu.Item leftSection={<IconGitMerge size={16} />} onClick={() => setDialog({ type: 'merge', unit: u })} disabled={Boolean(u.mergedIntoId)}>
                                  Sáp nhập, giải thể…
                                </Menu.Item>
                                <Menu.Divider />
                                <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => del(u)}>
                                  Xóa (vào thùng rác)
                                </Menu.Item>
                              </Menu.Dropdown>
                            </Menu>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <UnitFormModal
        opened={dialog?.type === 'create' || dialog?.type === 'edit'}
        onClose={() => setDialog(null)}
        unit={dialog?.type === 'edit' ? dialog.unit : null}
        parent={dialog?.type === 'create' ? dialog.parent : null}
      />
      <MergeModal opened={dialog?.type === 'merge'} onClose={() => setDialog(null)} unit={dialog?.type === 'merge' ? dialog.unit : null} units={allUnits} />
      <MoveModal opened={dialog?.type === 'move'} onClose={() => setDialog(null)} unit={dialog?.type === 'move' ? dialog.unit : null} units={allUnits} />
      <ImportModal target={UNIT_IMPORT} opened={dialog?.type === 'import'} onClose={() => setDialog(null)} />
    </Box>
  );
}
