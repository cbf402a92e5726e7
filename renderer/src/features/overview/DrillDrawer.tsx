import { Badge, Button, Drawer, Group, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { MODEL_KIND_LABELS, MODEL_STATUS_LABELS, type ModelFilterInput } from '../../../../shared/schemas/models';
import { DUE_STATE_LABELS } from '../../../../shared/schemas/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatNumber } from '../../lib/format';
import { useApiQuery } from '../../lib/query';

/** What a figure opens: the rows behind it, and where the full list lives. */
export type Drill =
  | { kind: 'models'; title: string; filter: ModelFilterInput }
  | { kind: 'tasks'; title: string; year: number; overdue?: boolean; status?: 'hoan_thanh' }
  | { kind: 'meetings'; title: string; year: number }
  | { kind: 'reviews'; title: string; year: number; units: readonly { unitId: string; unitName: string; reviewed: boolean; registered: number }[] };

const LIMIT = 200;

/**
 * The register link: `/mo-hinh?year=2022&statuses=recognised&typical=1…`. The models page reads
 * these search parameters to open on the same filter (see the report to the lead).
 */
export function modelsHref(f: ModelFilterInput): string {
  const p = new URLSearchParams();
  if (f.year) p.set('year', String(f.year));
  if (f.unitId) p.set('unitId', f.unitId);
  if (f.fieldId) p.set('fieldId', f.fieldId);
  if (f.kind) p.set('kind', f.kind);
  if (f.statuses?.length) p.set('statuses', f.statuses.join(','));
  if (f.typical) p.set('typical', '1');
  if (f.commended) p.set('commended', '1');
  return `/mo-hinh?${p.toString()}`;
}

function ModelsList({ filter }: { filter: ModelFilterInput }) {
  const q = useApiQuery('models.list', { ...filter, sort: 'unit', limit: LIMIT });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader size="sm" />;
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="drill-total">
        {formatNumber(q.data.total)} mô hình{q.data.total > LIMIT ? ` (hiển thị ${formatNumber(LIMIT)} dòng đầu)` : ''}
      </Text>
      <Table striped withTableBorder verticalSpacing={4} fz="sm" aria-label="Danh sách mô hình">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>TT</Table.Th>
            <Table.Th>Tên mô hình</Table.Th>
            <Table.Th>Đơn vị</Table.Th>
            <Table.Th>Loại</Table.Th>
            <Table.Th>Trạng thái</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.rows.map((r, i) => (
            <Table.Tr key={r.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.unitName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{MODEL_KIND_LABELS[r.kind]}</Table.Td>
              <Table.Td>
                {MODEL_STATUS_LABELS[r.status]}
                {r.typical && <Badge ml={4} size="xs" variant="light">điển hình</Badge>}
                {r.commended && <Badge ml={4} size="xs" color="orange" variant="light">khen thưởng</Badge>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function TasksList({ drill }: { drill: Extract<Drill, { kind: 'tasks' }> }) {
  const q = useApiQuery('tasks.list', { year: drill.year, ...(drill.overdue ? { overdue: true, throughYear: true } : {}), ...(drill.status ? { status: drill.status } : {}), limit: LIMIT });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader size="sm" />;
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="drill-total">
        {formatNumber(q.data.total)} nhiệm vụ
      </Text>
      <Table striped withTableBorder verticalSpacing={4} fz="sm" aria-label="Danh sách nhiệm vụ">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nhiệm vụ</Table.Th>
            <Table.Th>Chủ trì</Table.Th>
            <Table.Th>Hạn</Table.Th>
            <Table.Th>Tình trạng</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.items.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.title}</Table.Td>
              <Table.Td>{t.ownerLabel}</Table.Td>
              <Table.Td>{formatDate(t.dueDate)}</Table.Td>
              <Table.Td>{DUE_STATE_LABELS[t.dueState]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function MeetingsList({ year }: { year: number }) {
  const q = useApiQuery('meetings.list', { year, limit: LIMIT });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader size="sm" />;
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="drill-total">
        {formatNumber(q.data.total)} hội nghị, cuộc họp
      </Text>
      <Table striped withTableBorder verticalSpacing={4} fz="sm" aria-label="Danh sách hội nghị">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ngày</Table.Th>
            <Table.Th>Hội nghị, cuộc họp</Table.Th>
            <Table.Th>Loại</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{formatDate(m.date)}</Table.Td>
              <Table.Td>{m.title}</Table.Td>
              <Table.Td>{m.kindName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function ReviewsList({ drill }: { drill: Extract<Drill, { kind: 'reviews' }> }) {
  const done = drill.units.filter((u) => u.reviewed).length;
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="drill-total">
        {done}/{drill.units.length} đơn vị đã họp xét
      </Text>
      <Table striped withTableBorder verticalSpacing={4} fz="sm" aria-label="Họp xét theo đơn vị">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>TT</Table.Th>
            <Table.Th>Đơn vị</Table.Th>
            <Table.Th ta="right">Mô hình đăng ký</Table.Th>
            <Table.Th>Họp xét</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...drill.units]
            .sort((a, b) => Number(a.reviewed) - Number(b.reviewed))
            .map((u, i) => (
              <Table.Tr key={u.unitId}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{u.unitName}</Table.Td>
                <Table.Td ta="right">{formatNumber(u.registered)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={u.reviewed ? 'green.8' : 'red.8'}>
                    {u.reviewed ? 'Đã họp xét' : 'Chưa họp xét'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function DrillDrawer({ drill, onClose }: { drill: Drill | null; onClose: () => void }) {
  const navigate = useNavigate();
  const href = !drill
    ? null
    : drill.kind === 'models'
      ? modelsHref(drill.filter)
      : drill.kind === 'tasks'
        ? '/ke-hoach?tab=nhiem-vu'
        : drill.kind === 'reviews'
          ? `/mo-hinh?year=${drill.year}&tab=reviews`
          : '/hoi-nghi';
  return (
    <Drawer opened={drill !== null} onClose={onClose} position="right" size="xl" title={<Text fw={600}>{drill?.title}</Text>} scrollAreaComponent={ScrollArea.Autosize}>
      {drill && (
        <Stack gap="sm">
          <Group justify="flex-end">
            <Button size="xs" variant="light" leftSection={<IconExternalLink size={14} />} onClick={() => href && navigate(href)}>
              {drill.kind === 'models' || drill.kind === 'reviews' ? 'Mở trong sổ mô hình' : drill.kind === 'tasks' ? 'Mở danh sách nhiệm vụ' : 'Mở danh sách hội nghị'}
            </Button>
          </Group>
          {drill.kind === 'models' && <ModelsList filter={drill.filter} />}
          {drill.kind === 'tasks' && <TasksList drill={drill} />}
          {drill.kind === 'meetings' && <MeetingsList year={drill.year} />}
          {drill.kind === 'reviews' && <ReviewsList drill={drill} />}
        </Stack>
      )}
    </Drawer>
  );
}
