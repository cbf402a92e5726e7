/** Building blocks shared by the plans and inspections screens. */
import { useState } from 'react';
import { Badge, Group, Modal, MultiSelect, Progress, Select, Text } from '@mantine/core';
import { useApiQuery } from '../../lib/query';
import { api } from '../../lib/api';
import { saveBytes } from '../../lib/files';
import { PrintPreview } from '../../components/PrintPreview';
import { showError, showSuccess } from '../../components/notify';
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

/** Unit options (tree order, indented) for selects. */
export function useUnitOptions() {
  const units = useApiQuery('units.list', { includeClosed: false });
  return (units.data?.items ?? []).map((u) => ({ value: u.id, label: `${'\u2003'.repeat(u.depth)}${u.name}` }));
}

export function useMemberOptions() {
  const members = useApiQuery('members.list', { order: 'role' });
  return (members.data?.items ?? []).map((m) => ({ value: m.id, label: m.position ? `${m.fullName} — ${m.position}` : m.fullName }));
}

export function UnitSelect(props: { label: string; value: string | null; onChange: (v: string | null) => void; error?: string | undefined; placeholder?: string; 'aria-label'?: string }) {
  const options = useUnitOptions();
  return <Select searchable clearable data={options} nothingFoundMessage="Không tìm thấy đơn vị" {...props} />;
}

export function UnitMultiSelect(props: { label: string; value: string[]; onChange: (v: string[]) => void; error?: string | undefined }) {
  const options = useUnitOptions();
  return <MultiSelect searchable clearable data={options} nothingFoundMessage="Không tìm thấy đơn vị" {...props} />;
}

export function MemberSelect(props: { label: string; value: string | null; onChange: (v: string | null) => void; error?: string | undefined }) {
  const options = useMemberOptions();
  return <Select searchable clearable data={options} nothingFoundMessage="Không tìm thấy thành viên" {...props} />;
}

/** A document preview in a modal, with Print / PDF / Word buttons. */
export function PrintModal({
  opened,
  onClose,
  title,
  html,
  landscape,
  onSaveDocx,
  onSavePdf,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  html: string | null;
  landscape?: boolean;
  onSaveDocx?: () => Promise<unknown>;
  onSavePdf?: () => Promise<unknown>;
}) {
  // A hidden same-origin frame holding the core's print HTML (escaped, script-free) is printed
  // directly: window.open is blocked in the desktop app, and the preview frame is sandboxed.
  const print = () => {
    if (!html) return;
    const frame = document.createElement('iframe');
    frame.style.position = 'fixed';
    frame.style.width = '0';
    frame.style.height = '0';
    frame.style.border = '0';
    frame.setAttribute('aria-hidden', 'true');
    frame.onload = () => {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
      setTimeout(() => frame.remove(), 60_000);
    };
    frame.srcdoc = html;
    document.body.appendChild(frame);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={landscape ? '90%' : 'xl'}>
      <PrintPreview html={html} title={title} landscape={landscape ?? false} onPrint={print} {...(onSavePdf ? { onSavePdf } : {})} {...(onSaveDocx ? { onSaveDocx } : {})} />
    </Modal>
  );
}

/** Runs a file-producing channel call and saves the result. */
export async function downloadFile(produce: () => Promise<{ fileName: string; bytes: Uint8Array; mimeType: string }>): Promise<void> {
  try {
    const file = await produce();
    if (await saveBytes(file.fileName, file.bytes, file.mimeType)) showSuccess(`Đã lưu tệp ${file.fileName}.`);
  } catch (err) {
    showError(err);
  }
}

export function usePrintState() {
  const [state, setState] = useState<{ title: string; html: string | null; landscape?: boolean } | null>(null);
  return {
    state,
    close: () => setState(null),
    async open(title: string, load: () => Promise<{ html: string }>, landscape = false) {
      setState({ title, html: null, landscape });
      try {
        const r = await load();
        setState({ title, html: r.html, landscape });
      } catch (err) {
        setState(null);
        showError(err);
      }
    },
  };
}

export { api };
