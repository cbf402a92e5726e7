import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ActionIcon, Badge, Button, Card, Group, Loader, SegmentedControl, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendarEvent, IconCopy, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListLimitNote } from '../../components/ListLimitNote';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { formatDate, formatNumber } from '../../lib/format';
import { hasFormDraft } from '../../lib/useFormDraft';
import { MEETING_STATUS_LABELS, type MeetingSummary } from '../../../../shared/schemas/meetings';

type StatusFilter = 'all' | 'draft' | 'finalized';

export function StatusBadge({ status }: { status: MeetingSummary['status'] }) {
  return (
    <Badge color={status === 'finalized' ? 'green' : 'gray'} variant="light" tt="none" style={{ flexShrink: 0, overflow: 'visible' }}>
      {MEETING_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Danh sách hội nghị: upcoming ones first, then every meeting by year, kind, status and search. */
export function MeetingList() {
  const navigate = useNavigate();
  const confirm = useConfirm();
  const [year, setYear] = useState<string | null>(null);
  const [kindId, setKindId] = useState<string | null>(null);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);

  const lookups = useApiQuery('meetings.lookups', {});
  const upcoming = useApiQuery('meetings.list', { upcoming: true, limit: 5 });
  const list = useApiQuery('meetings.list', {
    year: year ? Number(year) : null,
    kindId,
    status: status === 'all' ? null : status,
    ...(debounced.trim() ? { query: debounced } : {}),
    limit: 500,
  });
  const remove = useApiMutation('meetings.delete', { invalidate: ['meetings.list'] });

  const onDelete = async (m: MeetingSummary) => {
    const ok = await confirm({
      title: 'Xóa hội nghị?',
      message: `«${m.title}» và các nhiệm vụ giao từ kết luận sẽ được chuyển vào thùng rác; có thể khôi phục.`,
      confirmLabel: 'Chuyển vào thùng rác',
      danger: true,
    });
    if (!ok) return;
    try {
      await remove.mutateAsync({ id: m.id });
      showSuccess('Đã chuyển hội nghị vào thùng rác.');
    } catch (err) {
      showError(err);
    }
  };

  const filtersActive = Boolean(year || kindId || status !== 'all' || debounced.trim());
  const items = list.data?.items ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title="Hội nghị, cuộc họp"
        description="Ghi biên bản theo Hướng dẫn 16-HD/VPTW: điểm danh, ý kiến phát biểu, kết luận của chủ trì và nhiệm vụ; in biên bản và thông báo kết luận."
        badge={list.data ? <Badge variant="light">{formatNumber(list.data.total)}</Badge> : undefined}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/hoi-nghi/moi')}>
            Thêm hội nghị
          </Button>
        }
      />

      {(upcoming.data?.items.length ?? 0) > 0 && (
        <Card withBorder padding="sm" aria-label="Hội nghị sắp tới">
          <Group gap="xs" mb={6}>
            <IconCalendarEvent size={18} />
            <Text fw={600}>Hội nghị sắp tới</Text>
          </Group>
          <Stack gap={4}>
            {upcoming.data!.items.map((m) => (
              <Group key={m.id} gap="sm" wrap="nowrap" style={{ cursor: 'pointer' }} onClick={() => navigate(`/hoi-nghi/${m.id}`)}>
                <Text fw={600} w={150}>
                  {formatDate(m.date)} – {m.startTime}
                </Text>
                <Text truncate>{m.title}</Text>
                {m.place && (
                  <Text c="dimmed" size="sm" truncate>
                    {m.place}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </Card>
      )}

      <Group gap="sm" align="flex-end">
        <TextInput
          label="Tìm kiếm"
          placeholder="Tên hội nghị, ý kiến, kết luận… (gõ không dấu được)"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={360}
        />
        <Select
          label="Năm"
          placeholder="Tất cả"
          clearable
          data={(list.data?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))}
          value={year}
          onChange={setYear}
          w={120}
        />
        <Select
          label="Loại hội nghị"
          placeholder="Tất cả"
          clearable
          data={(lookups.data?.kinds ?? []).map((k) => ({ value: k.id, label: k.name }))}
          value={kindId}
          onChange={setKindId}
          w={220}
        />
        <SegmentedControl
          aria-label="Trạng thái"
          value={status}
          onChange={(v) => setStatus(v as StatusFilter)}
          data={[
            { value: 'all', label: 'Tất cả' },
            { value: 'draft', label: 'Bản nháp' },
            { value: 'finalized', label: 'Đã hoàn tất' },
          ]}
        />
      </Group>

      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending && <Loader aria-label="Đang tải" />}
      {list.data && items.length === 0 && (
        filtersActive ? (
          <EmptyState title="Không có hội nghị phù hợp" description="Thử bỏ bớt bộ lọc hoặc gõ từ khóa khác." />
        ) : (
          <EmptyState
            title="Chưa có hội nghị nào"
            description="Bấm «Thêm hội nghị» để ghi hội nghị đầu tiên: thời gian, thành phần, ý kiến, kết luận."
            actionLabel="Thêm hội nghị"
            onAction={() => navigate('/hoi-nghi/moi')}
          />
        )
      )}
      {items.length > 0 && (
        <Table striped highlightOnHover withTableBorder verticalSpacing="xs" aria-label="Danh sách hội nghị">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Ngày</Table.Th>
              <Table.Th>Tên hội nghị</Table.Th>
              <Table.Th w={170}>Loại</Table.Th>
              <Table.Th w={110}>Số biên bản</Table.Th>
              <Table.Th w={80} ta="right">
                Có mặt
              </Table.Th>
              <Table.Th w={120} ta="right">
                Kết luận / NV
              </Table.Th>
              <Table.Th w={130}>Trạng thái</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/hoi-nghi/${m.id}`)}>
                <Table.Td>{formatDate(m.date)}</Table.Td>
                <Table.Td>
                  <Text fw={500} size="sm">
                    {m.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[m.place, m.chairName && `Chủ trì: ${m.chairName}`].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>{m.kindName}</Table.Td>
                <Table.Td>{m.numberText ?? '—'}</Table.Td>
                <Table.Td ta="right">{m.memberCount ? `${m.presentCount}/${m.memberCount}` : '—'}</Table.Td>
                <Table.Td ta="right">
                  {m.conclusionCount} / {m.taskCount}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={m.status} />
                  {m.status === 'draft' && hasFormDraft(`meetings.${m.id}`) && (
                    <Text size="xs" c="orange" mt={2}>
                      Có nội dung chưa lưu
                    </Text>
                  )}
                </Table.Td>
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label="Bắt đầu hội nghị mới từ hội nghị này (chép thành phần, chương trình)">
                      <ActionIcon variant="subtle" aria-label="Bắt đầu từ hội nghị này" onClick={() => navigate(`/hoi-nghi/moi?tu=${m.id}`)}>
                        <IconCopy size={16} />
                      </ActionIcon>
                    </Tooltip>
                    {m.status === 'draft' && (
                      <Tooltip label="Chuyển vào thùng rác">
                        <ActionIcon variant="subtle" color="red" aria-label="Xóa hội nghị" onClick={() => void onDelete(m)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data && <ListLimitNote shown={items.length} total={list.data.total} noun="hội nghị" order="mới nhất trước" />}
    </Stack>
  );
}
