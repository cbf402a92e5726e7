/** How a task's state reads everywhere it is listed (plans, tasks, inspections' recommendations, calendar). */
import { Badge, Group, Progress, Text } from '@mantine/core';
import { formatDate } from '../../lib/format';
import { DUE_STATE_LABELS, TASK_STATUS_LABELS, type DueState, type Task, type TaskStatus } from '../../../../shared/schemas/tasks';

export const DUE_COLORS: Record<DueState, string> = {
  overdue: 'red',
  dueSoon: 'orange',
  onTrack: 'blue',
  done: 'green',
  paused: 'gray',
  noDeadline: 'gray',
};

export const STATUS_COLORS: Record<TaskStatus, string> = {
  chua_thuc_hien: 'gray',
  dang_thuc_hien: 'blue',
  hoan_thanh: 'green',
  tam_dung: 'yellow',
};

/** "Quá hạn 5 ngày", "Còn 3 ngày", "Đã hoàn thành"… */
export function dueText(t: Pick<Task, 'dueState' | 'daysLeft'>): string {
  if (t.dueState === 'overdue') return `Quá hạn ${-(t.daysLeft ?? 0)} ngày`;
  if (t.dueState === 'dueSoon') return t.daysLeft === 0 ? 'Đến hạn hôm nay' : `Còn ${t.daysLeft} ngày`;
  return DUE_STATE_LABELS[t.dueState];
}

export function DueBadge({ task }: { task: Pick<Task, 'dueState' | 'daysLeft'> }) {
  return (
    <Badge color={DUE_COLORS[task.dueState]} variant={task.dueState === 'overdue' ? 'filled' : 'light'} radius="sm" tt="none" fw={600}>
      {dueText(task)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: TaskStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" tt="none" fw={600}>
      {TASK_STATUS_LABELS[status]}
    </Badge>
  );
}

export function ProgressCell({ value }: { value: number }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Progress value={value} w={60} size="sm" color={value >= 100 ? 'green' : 'blue'} aria-label={`Tiến độ ${value}%`} />
      <Text size="xs" c="dimmed">
        {value}%
      </Text>
    </Group>
  );
}

export function DueDate({ task }: { task: Pick<Task, 'dueDate' | 'timingLabel' | 'timing'> }) {
  if (task.timing.kind === 'recurring') {
    return (
      <Text size="sm">
        Thường xuyên{task.dueDate ? <Text span size="xs" c="dimmed">{` (mốc ${formatDate(task.dueDate)})`}</Text> : null}
      </Text>
    );
  }
  if ((task.timing.kind === 'month' || task.timing.kind === 'quarter') && task.dueDate) {
    return (
      <Text size="sm">
        {task.timingLabel}
        <Text span size="xs" c="dimmed" display="block">{`hạn ${formatDate(task.dueDate)}`}</Text>
      </Text>
    );
  }
  return <Text size="sm">{task.dueDate ? formatDate(task.dueDate) : task.timingLabel}</Text>;
}

