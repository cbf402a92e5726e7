/** The list of plans and one plan's detail (items with their progress, printing, copying). */
import { useState } from 'react';
import { Badge, Button, Group, Modal, NumberInput, Paper, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconArrowLeft, IconCopy, IconEdit, IconPlus, IconPrinter, IconTrash } from '@tabler/icons-react';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyState } from '../../components/EmptyState';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';
import { formatDate } from '../../lib/format';
import { PLAN_KINDS, PLAN_KIND_LABELS, type PlanKind } from '../../../../shared/schemas/plans';
import { TaskTable } from '../tasks/TaskTable';
import { PlanEditor } from './PlanEditor';
import { downloadFile } from '../../components/fileOut';
import { IssueButton } from '../../components/IssueButton';
import { IssuedVersions } from '../meetings/panels';
import { PrintModal, usePrintState } from '../../components/PrintModal';

export function PlansView({ planId, onSelect, onOpenTask, today }: { planId: string | null; onSelect: (id: string | null) => void; onOpenTask: (id: string) => void; today: string }) {
  const [year, setYear] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<'new' | null>(null);
  const list = useApiQuery('plans.list', { ...(year ? { year: Number(year) } : {}), ...(kind ? { kind: kind as PlanKind } : {}), ...(search ? { search } : {}) });

  if (planId) return <PlanDetail id={planId} onBack={() => onSelect(null)} onOpenTask={onOpenTask} today={today} onSelect={onSelect} />;

  const plans = list.data ?? [];
  const years = [...new Set(plans.map((p) => p.year))];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <TextInput placeholder="Tìm kế hoạch (không cần dấu)" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} aria-label="Tìm kế hoạch" />
          <Select placeholder="Năm" clearable value={year} onChange={setYear} data={(years.length ? years : [Number(today.slice(0, 4))]).map(String)} w={110} aria-label="Năm" />
          <Select placeholder="Loại kế hoạch" clearable value={kind} onChange={setKind} data={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))} w={260} aria-label="Loại kế hoạch" />
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          Tạo kế hoạch
        </Button>
      </Group>
      <ErrorAlert error={list.error} />
      {list.data && plans.length === 0 ? (
        <EmptyState title="Chưa có kế hoạch nào" description="Bấm «Tạo kế hoạch» để lập kế hoạch năm; mỗi nội dung của kế hoạch được theo dõi như một nhiệm vụ." actionLabel="Tạo kế hoạch" onAction={() => setEditing('new')} />
      ) : (
        <Table striped highlightOnHover verticalSpacing="sm" aria-label="Danh sách kế hoạch">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>Số</Table.Th>
              <Table.Th w={110}>Ngày</Table.Th>
              <Table.Th>Trích yếu</Table.Th>
              <Table.Th w={90}>Năm</Table.Th>
              <Table.Th w={110}>Nội dung</Table.Th>
              <Table.Th w={200}>Tiến độ chung</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plans.map((p) => (
              <Table.Tr key={p.id} onClick={() => onSelect(p.id)} style={{ cursor: 'pointer' }}>
                <Table.Td>{p.numberText ?? <Text c="dimmed" size="sm">Chưa có số</Text>}</Table.Td>
                <Table.Td>{formatDate(p.date)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {PLAN_KIND_LABELS[p.kind]}
                  </Text>
                </Table.Td>
                <Table.Td>{p.year}</Table.Td>
                <Table.Td>
                  {p.doneCount}/{p.itemCount} xong
                  {p.overdueCount > 0 && (
                    <Badge tt="none" color="red" ml={4} size="sm">
                      {p.overdueCount} quá hạn
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Progress value={p.averageProgress} w={120} />
                    <Text size="xs">{p.averageProgress}%</Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PlanEditor opened={editing === 'new'} plan={null} today={today} onClose={() => setEditing(null)} onSaved={(id) => { setEditing(null); onSelect(id); }} />
    </Stack>
  );
}

function PlanDetail({ id, onBack, onOpenTask, today, onSelect }: { id: string; onBack: () => void; onOpenTask: (id: string) => void; today: string; onSelect: (id: string | null) => void }) {
  const plan = useApiQuery('plans.get', { id });
  const [editing, setEditing] = useState(false);
  const [copying, setCopying] = useState(false);
  const printing = usePrintState();
  const confirm = useConfirm();
  const issued = useApiQuery('issued.list', { ownerType: 'plan', ownerId: id, docType: 'plan' }, { staleTime: 0 });
  const issue = useApiMutation('plans.issue', { invalidate: ['issued.list'] });
  const remove = useApiMutation('plans.delete', { invalidate: ['plans.list', 'tasks.list', 'calendar.month'] });
  const p = plan.data;

  const del = async () => {
    if (!p) return;
    const ok = await confirm({ title: 'Xóa kế hoạch?', message: `Kế hoạch «${p.title}» và ${p.itemCount} nhiệm vụ của nó sẽ được chuyển vào thùng rác; có thể khôi phục.`, confirmLabel: 'Xóa', danger: true });
    if (!ok) return;
    try {
      await remove.mutateAsync({ id: p.id });
      showSuccess('Đã chuyển kế hoạch vào thùng rác.');
      onBack();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Group gap="xs" align="flex-start">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            Danh sách kế hoạch
          </Button>
        </Group>
        {p && (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
              Sửa
            </Button>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              onClick={() => printing.open(`Kế hoạch ${p.numberText ?? ''}`, () => api('plans.print', { id: p.id }))}
            >
              Xem bản in
            </Button>
            <IssueButton issuedCount={issued.data?.length ?? 0} what="kế hoạch" onIssue={(reason) => issue.mutateAsync({ id: p.id, ...(reason ? { reason } : {}) })} />
            <Button variant="default" leftSection={<IconCopy size={16} />} onClick={() => setCopying(true)}>
              Sao chép sang năm sau
            </Button>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={del}>
              Xóa
            </Button>
          </Group>
        )}
      </Group>
      <ErrorAlert error={plan.error} />
      {p && (
        <>
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Text size="sm" c="dimmed">
                  {PLAN_KIND_LABELS[p.kind]} — năm {p.year}
                </Text>
                <Title order={3}>{p.title}</Title>
                <Text size="sm">
                  {p.numberText ? `Số ${p.numberText}` : 'Chưa có số'}, ngày {formatDate(p.date)}
                </Text>
              </div>
              <Stack gap={4} align="flex-end">
                <Text size="sm">
                  {p.doneCount}/{p.itemCount} nội dung hoàn thành
                  {p.overdueCount > 0 && (
                    <Badge tt="none" color="red" ml={6}>
                      {p.overdueCount} quá hạn
                    </Badge>
                  )}
                </Text>
                <Group gap={6}>
                  <Progress value={p.averageProgress} w={200} size="lg" />
                  <Text fw={600}>{p.averageProgress}%</Text>
                </Group>
              </Stack>
            </Group>
          </Paper>
          {/* The plan's own ownerType; the table is the meetings' one, keyed by owner. */}
          <IssuedVersions ownerType="plan" meetingId={p.id} document="plan" />
          {p.items.length === 0 ? (
            <EmptyState title="Kế hoạch chưa có nội dung" description="Bấm «Sửa» để thêm các nội dung, đơn vị chủ trì và thời gian." />
          ) : (
            <TaskTable tasks={p.items.map((i) => i.task)} onOpen={onOpenTask} showSource={false} />
          )}
          <PlanEditor opened={editing} plan={p} today={today} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
          <CopyModal opened={copying} planId={p.id} fromYear={p.year} onClose={() => setCopying(false)} onCopied={(newId) => { setCopying(false); onSelect(newId); }} />
        </>
      )}
      <PrintModal
        opened={!!printing.state}
        onClose={printing.close}
        title={printing.state?.title ?? ''}
        html={printing.state?.html ?? null}
        onSaveDocx={() => downloadFile(() => api('plans.export', { id, format: 'docx' }))}
        onSavePdf={() => downloadFile(() => api('plans.export', { id, format: 'pdf' }))}
      />
    </Stack>
  );
}

function CopyModal({ opened, planId, fromYear, onClose, onCopied }: { opened: boolean; planId: string; fromYear: number; onClose: () => void; onCopied: (id: string) => void }) {
  const [year, setYear] = useState<number>(fromYear + 1);
  const [date, setDate] = useState<string | null>(`${fromYear}-12-20`);
  const copy = useApiMutation('plans.copyFromYear', { invalidate: ['plans.list', 'tasks.list'] });
  const run = async () => {
    try {
      const plan = await copy.mutateAsync({ sourceId: planId, year, date: date ?? '' });
      showSuccess(`Đã tạo kế hoạch năm ${plan.year} từ kế hoạch năm ${fromYear}.`);
      onCopied(plan.id);
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Sao chép kế hoạch sang năm khác">
      <Stack>
        <Text size="sm">Các nội dung, đơn vị chủ trì, phối hợp được sao chép; thời gian chuyển sang năm mới; tiến độ bắt đầu lại từ 0%.</Text>
        <Group grow>
          <NumberInput label="Năm mới" value={year} onChange={(v) => setYear(Number(v) || fromYear + 1)} min={1990} max={2100} />
          <DateInput label="Ngày ban hành" value={date} onChange={setDate} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button onClick={run} loading={copy.isPending}>
            Sao chép
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
