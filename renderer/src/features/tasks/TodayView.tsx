/** The secretariat's daily view: overdue tasks and those due within N days, with urging documents. */
import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconFileTypeDocx, IconPrinter } from '@tabler/icons-react';
import { useApiQuery } from '../../lib/query';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyState } from '../../components/EmptyState';
import { formatDate } from '../../lib/format';
import { TaskTable } from './TaskTable';
import { downloadFile } from '../../components/fileOut';
import { PrintModal, usePrintState } from '../../components/PrintModal';
import { UrgingLetterModal } from './UrgingLetterModal';

export function TodayView({ onOpenTask }: { onOpenTask: (id: string, today: string) => void }) {
  const [days, setDays] = useState<number>(7);
  const [view, setView] = useState<'all' | 'overdue' | 'soon'>('all');
  const list = useApiQuery('tasks.list', { overdue: true, dueWithinDays: days });
  const printing = usePrintState();
  const [letterOpen, setLetterOpen] = useState(false);
  const items = list.data?.items ?? [];
  const overdue = items.filter((t) => t.dueState === 'overdue');
  const soon = items.filter((t) => t.dueState === 'dueSoon');
  const shown = view === 'overdue' ? overdue : view === 'soon' ? soon : items;
  const today = list.data?.today ?? '';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group gap="md" align="flex-end">
          <Paper withBorder p="sm" radius="md" miw={150}>
            <Text size="xs" c="dimmed">
              Quá hạn
            </Text>
            <Title order={3} c="red">
              {overdue.length}
            </Title>
          </Paper>
          <Paper withBorder p="sm" radius="md" miw={150}>
            <Text size="xs" c="dimmed">
              Đến hạn trong {days} ngày
            </Text>
            <Title order={3} c="orange">
              {soon.length}
            </Title>
          </Paper>
          <NumberInput label="Số ngày sắp đến hạn" value={days} onChange={(v) => setDays(typeof v === 'number' ? v : 7)} min={0} max={90} w={170} />
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as typeof view)}
            data={[
              { value: 'all', label: 'Tất cả' },
              { value: 'overdue', label: 'Quá hạn' },
              { value: 'soon', label: 'Sắp đến hạn' },
            ]}
          />
        </Group>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            onClick={() => printing.open('Danh sách nhiệm vụ chậm tiến độ', () => api('tasks.urgingList', { dueWithinDays: days }), true)}
          >
            In danh sách chậm tiến độ
          </Button>
          <Button
            leftSection={<IconFileTypeDocx size={16} />}
            onClick={() => setLetterOpen(true)}
            disabled={items.length === 0}
          >
            Công văn đôn đốc
          </Button>
        </Group>
      </Group>
      {today && (
        <Text size="sm" c="dimmed" component="div">
          Tính đến ngày {formatDate(today)}. <Badge variant="light" tt="none">{items.length} nhiệm vụ cần đôn đốc</Badge>
        </Text>
      )}
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.data && shown.length === 0 ? (
        <EmptyState title="Không có nhiệm vụ quá hạn hoặc sắp đến hạn" description="Các nhiệm vụ đều đang trong hạn. Xem toàn bộ ở thẻ «Nhiệm vụ»." />
      ) : (
        <TaskTable tasks={shown} onOpen={(id) => onOpenTask(id, today)} />
      )}
      <PrintModal
        opened={!!printing.state}
        onClose={printing.close}
        title={printing.state?.title ?? ''}
        html={printing.state?.html ?? null}
        landscape
        onSavePdf={() => downloadFile(() => api('tasks.urgingListFile', { dueWithinDays: days, format: 'pdf' }))}
        onSaveDocx={() => downloadFile(() => api('tasks.urgingListFile', { dueWithinDays: days, format: 'docx' }))}
      />
      <UrgingLetterModal opened={letterOpen} onClose={() => setLetterOpen(false)} days={days} />
    </Stack>
  );
}
