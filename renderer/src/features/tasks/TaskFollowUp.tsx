/**
 * Following a task after it was assigned (issue #17), inside the task drawer: the assignment
 * date and the source it opens, late completion, and "Gia hạn, giao lại" — a new deadline and/or
 * lead with a reason, kept as history — without reopening the minutes that assigned it.
 */
import { Anchor, Badge, Button, Group, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { formatDate, formatDateTime } from '../../lib/format';
import { UnitSelect } from '../../components/pickers';
import { submitForm } from '../../components/submitForm';
import { TASK_CHANGE_LABELS, type Task } from '../../../../shared/schemas/tasks';

/** Reads that change when a task is edited (the drawer's, the lists', the meeting's badges). */
const EDIT_READS = ['tasks.get', 'tasks.list', 'tasks.byOwner', 'tasks.changes', 'plans.get', 'plans.list', 'inspections.get', 'meetings.get', 'meetings.dossier', 'calendar.month'] as const;

/** Where a task's source opens: its meeting, plan or inspection. */
export function sourcePath(t: Pick<Task, 'sourceType' | 'sourceId'>): string | null {
  if (!t.sourceId) return null;
  if (t.sourceType === 'meeting') return `/hoi-nghi/${t.sourceId}`;
  if (t.sourceType === 'plan') return `/ke-hoach?tab=ke-hoach&plan=${t.sourceId}`;
  if (t.sourceType === 'inspection') return `/kiem-tra?inspection=${t.sourceId}`;
  return null;
}

export function SourceLink({ task }: { task: Task }) {
  const navigate = useNavigate();
  const path = sourcePath(task);
  const label = task.sourceLabel ?? '';
  if (!path) return <>{label}</>;
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => navigate(path)}>
      {label || 'Mở nguồn'}
    </Anchor>
  );
}

export function LateBadge({ task }: { task: Pick<Task, 'completedLate'> }) {
  if (!task.completedLate) return null;
  return (
    <Badge color="orange" variant="light" radius="sm" tt="none" fw={600}>
      Hoàn thành muộn
    </Badge>
  );
}

interface EditValues extends Record<string, unknown> {
  deadline: string | null;
  leadUnitId: string | null;
  assignedDate: string | null;
  reason: string;
}

/**
 * "Gia hạn, giao lại": mounted per task, starting from its deadline, lead and assignment date
 * (correctable when the source document's date is not the day it was really assigned).
 */
export function TaskEditForm({ task }: { task: Task }) {
  const form = useForm<EditValues>({
    mode: 'controlled',
    initialValues: { deadline: task.deadline, leadUnitId: task.leadUnit?.id ?? null, assignedDate: task.assignedDate ?? null, reason: '' },
    validate: { reason: (v) => (v.trim() ? null : 'Nhập lý do gia hạn hoặc giao lại.') },
  });
  const edit = useApiMutation('tasks.edit', { invalidate: [...EDIT_READS] });
  const changes = useApiQuery('tasks.changes', { id: task.id });
  const recurring = task.timing.kind === 'recurring';

  const submit = async () => {
    const v = form.getValues();
    const saved = await submitForm(form, async () => {
      await edit.mutateAsync({
        id: task.id,
        reason: v.reason.trim(),
        ...(v.deadline && v.deadline !== task.deadline ? { deadline: v.deadline } : {}),
        ...(v.leadUnitId !== (task.leadUnit?.id ?? null) ? { leadUnitId: v.leadUnitId } : {}),
        ...(v.assignedDate && v.assignedDate !== task.assignedDate ? { assignedDate: v.assignedDate } : {}),
      });
      return 'Đã lưu thay đổi nhiệm vụ.';
    });
    if (saved) form.setFieldValue('reason', '');
  };

  return (
    <Stack gap="xs">
      <Group grow align="flex-start">
        {!recurring && <DateInput label="Thời hạn mới" valueFormat="DD/MM/YYYY" {...form.getInputProps('deadline')} />}
        <UnitSelect label="Đơn vị chủ trì" {...form.getInputProps('leadUnitId')} />
        <DateInput label="Ngày giao" valueFormat="DD/MM/YYYY" {...form.getInputProps('assignedDate')} />
      </Group>
      <Textarea label="Lý do" required autosize minRows={1} placeholder="Ví dụ: Gia hạn theo đề nghị của đơn vị chủ trì" {...form.getInputProps('reason')} />
      <Group justify="flex-end">
        <Button variant="light" onClick={submit} loading={edit.isPending}>
          Lưu gia hạn, giao lại
        </Button>
      </Group>
      {(changes.data?.length ?? 0) > 0 && (
        <Timeline bulletSize={12} lineWidth={2} aria-label="Lịch sử gia hạn, giao lại">
          {changes.data!.map((c) => (
            <Timeline.Item
              key={c.id}
              title={`${TASK_CHANGE_LABELS[c.field]}: ${c.field === 'lead' ? (c.before ?? '—') : formatDate(c.before)} → ${c.field === 'lead' ? (c.after ?? '—') : formatDate(c.after)}`}
            >
              <Text size="sm">{c.reason}</Text>
              <Text size="xs" c="dimmed">
                {c.userName}, {formatDateTime(c.createdAt)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
