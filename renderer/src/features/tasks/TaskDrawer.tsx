/** One task: who, when, source, history of dated updates with evidence, and the form to add one. */
import { useState } from 'react';
import { Anchor, Button, Divider, Drawer, FileInput, Group, NumberInput, Select, Stack, Table, Text, Textarea, Timeline } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPaperclip } from '@tabler/icons-react';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../lib/format';
import { inputErrors } from '../../lib/zodForm';
import { TASK_SOURCE_LABELS, TASK_STATUSES, TASK_STATUS_LABELS, type TaskStatus, addUpdateSchema } from '../../../../shared/schemas/tasks';
import { downloadFile } from '../../components/fileOut';
import { DueBadge, DueDate, ProgressCell, StatusBadge } from './badges';
import { submitForm } from '../../components/submitForm';

/** Channels whose reads change when a task changes. */
export const TASK_READS = ['tasks.list', 'tasks.get', 'tasks.byOwner', 'plans.get', 'plans.list', 'inspections.get', 'inspections.list', 'calendar.month'] as const;

export function TaskDrawer({ taskId, today, onClose }: { taskId: string | null; today: string; onClose: () => void }) {
  const task = useApiQuery('tasks.get', { id: taskId ?? '' }, { enabled: !!taskId });
  const t = task.data;
  return (
    <Drawer opened={!!taskId} onClose={onClose} position="right" size="lg" title={<Text fw={600}>Chi tiết nhiệm vụ</Text>}>
      {task.error && <ErrorAlert error={task.error} />}
      {t && (
        <Stack gap="sm">
          <Text fw={600} size="lg">
            {t.title}
          </Text>
          {t.description && <Text size="sm">{t.description}</Text>}
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              <Row label="Nguồn">{t.sourceLabel ?? TASK_SOURCE_LABELS[t.sourceType]}</Row>
              <Row label="Chủ trì">{t.ownerLabel}</Row>
              {t.coordinatingUnits.length > 0 && <Row label="Phối hợp">{t.coordinatingUnits.map((u) => u.name).join('; ')}</Row>}
              <Row label="Thời hạn">
                <Group gap="xs">
                  <Text size="sm">{t.timingLabel}</Text>
                  {t.timing.kind !== 'recurring' && t.deadline && t.timingLabel !== formatDate(t.deadline) && (
                    <Text size="sm" c="dimmed">
                      (hạn {formatDate(t.deadline)})
                    </Text>
                  )}
                </Group>
              </Row>
              <Row label="Tình trạng">
                <Group gap="xs">
                  <StatusBadge status={t.status} />
                  <DueBadge task={t} />
                  <ProgressCell value={t.progress} />
                </Group>
              </Row>
              {t.timing.kind === 'recurring' && (
                <Row label="Mốc báo cáo">
                  <DueDate task={t} />
                </Row>
              )}
            </Table.Tbody>
          </Table>

          <Divider label="Cập nhật tiến độ" labelPosition="left" />
          <UpdateForm key={`${t.id}|${today}`} taskId={t.id} progress={t.progress} today={today} />

          <Divider label={`Lịch sử cập nhật (${t.updates.length})`} labelPosition="left" />
          {t.updates.length === 0 ? (
            <Text size="sm" c="dimmed">
              Chưa có cập nhật nào. Ghi tiến độ đầu tiên ở trên.
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2}>
              {t.updates.map((u) => (
                <Timeline.Item key={u.id} title={`${formatDate(u.date)} — ${u.progress}% — ${TASK_STATUS_LABELS[u.status]}`}>
                  {u.note && <Text size="sm">{u.note}</Text>}
                  {u.evidence.map((e) => (
                    <Anchor key={e.id} size="xs" component="button" type="button" display="block" onClick={() => downloadFile(() => api('tasks.evidenceFile', { id: e.id }))}>
                      <IconPaperclip size={12} /> {e.fileName}
                    </Anchor>
                  ))}
                  <Text size="xs" c="dimmed">
                    {u.userName}, {formatDateTime(u.createdAt)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w={110} c="dimmed" fz="sm" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td fz="sm">{children}</Table.Td>
    </Table.Tr>
  );
}

interface UpdateValues extends Record<string, unknown> {
  date: string | null;
  progress: number | string;
  status: TaskStatus | null;
  note: string;
}

function updateInput(taskId: string, v: UpdateValues) {
  return { taskId, date: v.date ?? '', progress: typeof v.progress === 'number' ? v.progress : Number(v.progress), ...(v.status ? { status: v.status } : {}), note: v.note || null };
}

// Files are read only when sending; their count and size are the server's to judge.
const updateFieldsSchema = addUpdateSchema.omit({ evidence: true });

/** "Cập nhật tiến độ": mounted per task and per day, so it starts from the task's progress and today. */
function UpdateForm({ taskId, progress, today }: { taskId: string; progress: number; today: string }) {
  const form = useForm<UpdateValues>({
    mode: 'controlled',
    initialValues: { date: today, progress, status: null, note: '' },
    validate: (values) => inputErrors(updateFieldsSchema, updateInput(taskId, values)),
  });
  const [files, setFiles] = useState<File[]>([]);
  const add = useApiMutation('tasks.addUpdate', { invalidate: [...TASK_READS] });

  const submit = async () => {
    const saved = await submitForm(form, async () => {
      const evidence = await Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()), mimeType: f.type || undefined })));
      await add.mutateAsync({ ...updateInput(taskId, form.getValues()), evidence });
      return 'Đã ghi nhận tiến độ.';
    });
    if (saved) {
      form.setFieldValue('note', '');
      setFiles([]);
    }
  };

  return (
    <>
      <Group grow align="flex-start">
        <DateInput label="Ngày" required {...form.getInputProps('date')} />
        <NumberInput label="Tiến độ (%)" min={0} max={100} clampBehavior="none" required {...form.getInputProps('progress')} />
        <Select label="Trạng thái" placeholder="Tự động theo tiến độ" clearable data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))} {...form.getInputProps('status')} />
      </Group>
      <Textarea label="Nội dung cập nhật" autosize minRows={2} {...form.getInputProps('note')} />
      <FileInput label="Tệp minh chứng" placeholder="Chọn tệp (PDF, Word, ảnh…)" multiple clearable value={files} onChange={setFiles} leftSection={<IconPaperclip size={16} />} />
      <Group justify="flex-end">
        <Button onClick={submit} loading={add.isPending}>
          Ghi nhận
        </Button>
      </Group>
    </>
  );
}
