/** Kiểm tra, giám sát: inspection plans with visits and recommendations, and unit report tracking. */
import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconClipboardCheck, IconPlus, IconReportAnalytics } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiQuery } from '../../lib/query';
import { formatDate } from '../../lib/format';
import { INSPECTION_KIND_LABELS } from '../../../../shared/schemas/inspections';
import { TaskDrawer } from '../tasks/TaskDrawer';
import { InspectionDetail } from './InspectionDetail';
import { InspectionEditor } from './InspectionEditor';
import { UnitReportsView } from '../unitReports/UnitReportsView';
import { useUrlTab } from '../../components/useUrlTab';
import { useUrlParams } from '../../lib/useUrlParams';

const TABS = ['kiem-tra', 'bao-cao'] as const;

export default function InspectionsPage() {
  const [params, go] = useUrlParams();
  const [tab, setTab] = useUrlTab(TABS, 'kiem-tra', { param: 'tab', clear: ['id'] });
  const id = params.get('id');
  const [taskId, setTaskId] = useState<string | null>(null);
  const clock = useApiQuery('tasks.list', { overdue: true, limit: 1 });
  const today = clock.data?.today ?? '';
  return (
    <>
      <PageHeader title="Kiểm tra, giám sát" description="Kế hoạch kiểm tra, đoàn kiểm tra, kết quả làm việc, kiến nghị và theo dõi báo cáo của các đơn vị." />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="kiem-tra" leftSection={<IconClipboardCheck size={16} />}>
            Đợt kiểm tra, giám sát
          </Tabs.Tab>
          <Tabs.Tab value="bao-cao" leftSection={<IconReportAnalytics size={16} />}>
            Báo cáo của đơn vị
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="kiem-tra">
          {id ? <InspectionDetail id={id} today={today} onBack={() => go({ id: null })} onOpenTask={setTaskId} /> : <InspectionList today={today} onOpen={(x) => go({ id: x })} />}
        </Tabs.Panel>
        <Tabs.Panel value="bao-cao">{today && <UnitReportsView today={today} />}</Tabs.Panel>
      </Tabs>
      <TaskDrawer taskId={taskId} today={today} onClose={() => setTaskId(null)} />
    </>
  );
}

function InspectionList({ today, onOpen }: { today: string; onOpen: (id: string) => void }) {
  const list = useApiQuery('inspections.list', {});
  const [creating, setCreating] = useState(false);
  const rows = list.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          Lập kế hoạch kiểm tra
        </Button>
      </Group>
      <ErrorAlert error={list.error} />
      {list.data && rows.length === 0 ? (
        <EmptyState title="Chưa có đợt kiểm tra, giám sát nào" description="Bấm «Lập kế hoạch kiểm tra» để chọn chuyên đề, đoàn kiểm tra và các đơn vị được kiểm tra." actionLabel="Lập kế hoạch kiểm tra" onAction={() => setCreating(true)} />
      ) : (
        <Table striped highlightOnHover verticalSpacing="sm" aria-label="Danh sách đợt kiểm tra">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Ngày</Table.Th>
              <Table.Th>Chuyên đề</Table.Th>
              <Table.Th w={200}>Thời gian</Table.Th>
              <Table.Th w={100}>Đơn vị</Table.Th>
              <Table.Th w={200}>Kiến nghị</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} onClick={() => onOpen(r.id)} style={{ cursor: 'pointer' }}>
                <Table.Td>{formatDate(r.date)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {r.topic}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {INSPECTION_KIND_LABELS[r.kind]} năm {r.year}
                    {r.numberText ? ` · KH số ${r.numberText}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {r.startDate ? formatDate(r.startDate) : ''}
                  {r.endDate ? ` – ${formatDate(r.endDate)}` : ''}
                </Table.Td>
                <Table.Td>{r.targetCount}</Table.Td>
                <Table.Td>
                  {r.recommendationCount} kiến nghị
                  {r.openRecommendationCount > 0 && (
                    <Badge tt="none" ml={6} color="orange" variant="light">
                      {r.openRecommendationCount} đang theo dõi
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <InspectionEditor opened={creating} inspection={null} today={today} onClose={() => setCreating(false)} onSaved={(id) => { setCreating(false); onOpen(id); }} />
    </Stack>
  );
}
