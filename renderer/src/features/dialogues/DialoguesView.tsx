/**
 * Sổ hội nghị đối thoại: the dialogue conferences units held with the people or their staff, the
 * opinions raised / answered / passed on (each passed-on opinion a task followed to completion),
 * and whether the results were made public by the due date.
 */
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { IconArrowBackUp, IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { createDialogueSchema, type Dialogue } from '../../../../shared/schemas/dialogues';
import { TASK_STATUS_LABELS } from '../../../../shared/schemas/tasks';
import { useConfirm } from '../../components/ConfirmAction';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EditorFooter, RegisterBar, saveCallbacks } from '../../components/RegisterBar';
import { showError, showSuccess } from '../../components/notify';
import { formatDate, formatNumber } from '../../lib/format';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { useFoldedFilter } from '../../lib/search';
import { useFormDraft } from '../../lib/useFormDraft';
import { parseForm, zodResolver } from '../../lib/zodForm';
import { TaskDrawer } from '../tasks/TaskDrawer';
import { UnitSelect } from '../../components/pickers';
import type { Channel } from '../../../../shared/contract';

const PUBLIC_STATE: Record<Dialogue['publicState'], { label: string; color: string }> = {
  // Short: the column header already says "Công khai kết quả" (long labels were cut off).
  published: { label: 'Đúng hạn', color: 'green' },
  late: { label: 'Chậm', color: 'orange' },
  overdue: { label: 'Quá hạn', color: 'red' },
  pending: { label: 'Chưa đến hạn', color: 'blue' },
  none: { label: 'Không đặt hạn', color: 'gray' },
};

// Counted QCDC figures and the task lists follow a dialogue's changes.
const WRITES: Channel[] = ['dialogues.list', 'qcdc.stats', 'qcdc.reports.get', 'qcdc.drill', 'tasks.list', 'tasks.get', 'overview.get'];

/** The year comes from the page (the QCDC area keeps it in the address). */
export function DialoguesView({ year }: { year: number }) {
  const [trash, setTrash] = useState(false);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Dialogue | 'new' | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const list = useApiQuery('dialogues.list', { year, includeDeleted: trash });
  const clock = useApiQuery('tasks.list', { overdue: true, limit: 1 });
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const remove = useApiMutation('dialogues.delete', { invalidate: WRITES, onError: showError });
  const restore = useApiMutation('dialogues.restore', { invalidate: WRITES, onError: showError });
  const rows = (list.data ?? []).filter((d) => (trash ? d.deletedAt !== null : d.deletedAt === null));
  const visible = useFoldedFilter(rows, search, (d) => [d.unitName, d.title, d.chairedBy, ...d.passedOn.map((t) => t.title)]);

  return (
    <Stack gap="sm">
      <RegisterBar search={search} onSearch={setSearch} trash={trash} onTrash={setTrash} addLabel="Thêm hội nghị đối thoại" onAdd={() => setEditing('new')} />
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.data && visible.length === 0 ? (
        <EmptyState
          title={trash ? 'Thùng rác trống' : search ? 'Không có hội nghị nào khớp' : `Chưa có hội nghị đối thoại nào năm ${year}`}
          description={trash ? undefined : 'Ghi mỗi hội nghị đối thoại, tiếp xúc của người đứng đầu với Nhân dân hoặc người lao động; ý kiến chuyển cơ quan có thẩm quyền thành nhiệm vụ theo dõi.'}
          {...(trash || search ? {} : { actionLabel: 'Thêm hội nghị đối thoại', onAction: () => setEditing('new') })}
        />
      ) : (
        <Table striped verticalSpacing="xs" aria-label="Danh sách hội nghị đối thoại">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>Ngày</Table.Th>
              <Table.Th>Đơn vị, nội dung</Table.Th>
              <Table.Th w={90} ta="right">
                Tham dự
              </Table.Th>
              <Table.Th w={180}>Ý kiến (nêu / trả lời / chuyển)</Table.Th>
              <Table.Th w={340}>Ý kiến chuyển đi (nhiệm vụ)</Table.Th>
              <Table.Th w={150}>Công khai kết quả</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{formatDate(d.date)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {d.unitName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.title ? `${d.title} · ` : ''}Chủ trì: {d.chairedBy}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(d.participants)}</Table.Td>
                <Table.Td>
                  {formatNumber(d.opinionsRaised)} / {formatNumber(d.opinionsAnswered)} / {formatNumber(d.opinionsPassedOn)}
                </Table.Td>
                <Table.Td>
                  {d.passedOn.length === 0 ? (
                    <Text size="xs" c="dimmed">
                      Không có
                    </Text>
                  ) : (
                    <Stack gap={2}>
                      {d.passedOn.map((t) => (
                        <Anchor key={t.id} size="xs" onClick={() => setTaskId(t.id)} title="Mở nhiệm vụ để cập nhật tiến độ">
                          {t.title} — {TASK_STATUS_LABELS[t.status]} ({t.progress}%)
                        </Anchor>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={PUBLIC_STATE[d.publicState].color} tt="none">
                    {PUBLIC_STATE[d.publicState].label}
                  </Badge>
                  {d.publicDueDate && (
                    <Text size="xs" c="dimmed">
                      hạn {formatDate(d.publicDueDate)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {trash ? (
                    <Tooltip label="Khôi phục">
                      <ActionIcon variant="subtle" aria-label={`Khôi phục hội nghị ${d.unitName} ${formatDate(d.date)}`} onClick={() => restore.mutate({ id: d.id }, { onSuccess: () => showSuccess('Đã khôi phục hội nghị đối thoại.') })}>
                        <IconArrowBackUp size={16} />
                      </ActionIcon>
                    </Tooltip>
                  ) : (
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={`Sửa hội nghị ${d.unitName} ${formatDate(d.date)}`} onClick={() => setEditing(d)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Xoá hội nghị ${d.unitName} ${formatDate(d.date)}`}
                        onClick={() =>
                          void confirm({
                            title: 'Xoá hội nghị đối thoại?',
                            message: `Hội nghị ngày ${formatDate(d.date)} của ${d.unitName} và ${d.passedOn.length} nhiệm vụ theo dõi ý kiến sẽ được chuyển vào thùng rác; có thể khôi phục.`,
                            confirmLabel: 'Xoá',
                            danger: true,
                          }).then((ok) => ok && remove.mutate({ id: d.id }, { onSuccess: () => showSuccess('Đã chuyển hội nghị vào thùng rác.') }))
                        }
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <DialogueEditor dialogue={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <TaskDrawer
        taskId={taskId}
        today={clock.data?.today ?? ''}
        onClose={() => {
          setTaskId(null);
          // The drawer records progress through tasks.*; the list shows each task's state.
          void queryClient.invalidateQueries({ queryKey: ['dialogues.list'] });
        }}
      />
    </Stack>
  );
}

type PassedOnValues = {
  taskId?: string;
  content: string;
  leadText: string;
  deadline: string | null;
};

// A type alias (not an interface): useFormDraft wants values indexable as a record.
type DialogueValues = {
  unitId: string | null;
  date: string | null;
  title: string;
  chairedBy: string;
  participants: number | string;
  participantsNote: string;
  opinionsRaised: number | string;
  opinionsAnswered: number | string;
  publicDueDate: string | null;
  publishedDate: string | null;
  note: string;
  passedOn: PassedOnValues[];
};

function toInput(v: DialogueValues) {
  return {
    unitId: v.unitId ?? '',
    date: v.date ?? '',
    title: v.title || null,
    chairedBy: v.chairedBy,
    participants: v.participants === '' ? 0 : Number(v.participants),
    participantsNote: v.participantsNote || null,
    opinionsRaised: v.opinionsRaised === '' ? 0 : Number(v.opinionsRaised),
    opinionsAnswered: v.opinionsAnswered === '' ? 0 : Number(v.opinionsAnswered),
    publicDueDate: v.publicDueDate,
    publishedDate: v.publishedDate,
    note: v.note || null,
    passedOn: v.passedOn.map((p) => ({ ...(p.taskId ? { taskId: p.taskId } : {}), content: p.content, leadText: p.leadText || null, deadline: p.deadline })),
  };
}

function DialogueEditor({ dialogue, onClose }: { dialogue: Dialogue | null; onClose: () => void }) {
  const create = useApiMutation('dialogues.create', { invalidate: WRITES });
  const update = useApiMutation('dialogues.update', { invalidate: WRITES });
  const initial: DialogueValues = dialogue
    ? {
        unitId: dialogue.unitId,
        date: dialogue.date,
        title: dialogue.title ?? '',
        chairedBy: dialogue.chairedBy,
        participants: dialogue.participants,
        participantsNote: dialogue.participantsNote ?? '',
        opinionsRaised: dialogue.opinionsRaised,
        opinionsAnswered: dialogue.opinionsAnswered,
        publicDueDate: dialogue.publicDueDate,
        publishedDate: dialogue.publishedDate,
        note: dialogue.note ?? '',
        passedOn: dialogue.passedOn.map((t) => ({ taskId: t.id, content: t.title, leadText: t.leadText ?? t.ownerLabel, deadline: t.deadline })),
      }
    : { unitId: null, date: null, title: '', chairedBy: '', participants: '', participantsNote: '', opinionsRaised: '', opinionsAnswered: '', publicDueDate: null, publishedDate: null, note: '', passedOn: [] };
  const form = useForm<DialogueValues>({ initialValues: initial, validate: (v) => zodResolver(createDialogueSchema)(toInput(v)) });
  const draft = useFormDraft(`dialogues.edit.${dialogue?.id ?? 'new'}`, form);
  const busy = create.isPending || update.isPending;

  const submit = form.onSubmit((v) => {
    const data = parseForm(createDialogueSchema, toInput(v));
    const done = saveCallbacks(form, draft, dialogue ? 'Đã lưu hội nghị đối thoại.' : 'Đã thêm hội nghị đối thoại.', onClose);
    if (dialogue) update.mutate({ id: dialogue.id, ...data }, done);
    else create.mutate(data, done);
  });

  return (
    <Modal opened onClose={onClose} title={dialogue ? 'Sửa hội nghị đối thoại' : 'Thêm hội nghị đối thoại'} size="xl" closeOnClickOutside={false}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {draft.restoredAt && (
            <Text size="xs" c="orange.8">
              Đã khôi phục nội dung nhập dở (chưa lưu).
            </Text>
          )}
          <Group grow align="flex-start">
            <UnitSelect label="Đơn vị tổ chức" value={form.values.unitId} onChange={(v) => form.setFieldValue('unitId', v)} error={form.errors.unitId as string | undefined} />
            <DateInput label="Ngày đối thoại" valueFormat="DD/MM/YYYY" required {...form.getInputProps('date')} />
          </Group>
          <TextInput label="Nội dung, chủ đề" {...form.getInputProps('title')} />
          <Group grow align="flex-start">
            <TextInput label="Người chủ trì" required {...form.getInputProps('chairedBy')} />
            <NumberInput label="Số người tham dự" min={0} allowDecimal={false} thousandSeparator="." decimalSeparator="," {...form.getInputProps('participants')} />
          </Group>
          <TextInput label="Thành phần tham dự" {...form.getInputProps('participantsNote')} />
          <Group grow align="flex-start">
            <NumberInput label="Số ý kiến nêu" min={0} allowDecimal={false} {...form.getInputProps('opinionsRaised')} />
            <NumberInput label="Số ý kiến trả lời tại hội nghị" min={0} allowDecimal={false} {...form.getInputProps('opinionsAnswered')} />
            <TextInput label="Số ý kiến chuyển đi" value={String(form.values.passedOn.length)} readOnly description="Theo danh sách bên dưới" />
          </Group>
          <Group grow align="flex-start">
            <DateInput label="Hạn công khai kết quả" valueFormat="DD/MM/YYYY" clearable {...form.getInputProps('publicDueDate')} />
            <DateInput label="Ngày công khai kết quả" valueFormat="DD/MM/YYYY" clearable {...form.getInputProps('publishedDate')} />
          </Group>
          <Stack gap={4}>
            <Group justify="space-between">
              <Text fw={600} size="sm">
                Ý kiến chuyển cơ quan có thẩm quyền (mỗi ý kiến là một nhiệm vụ theo dõi)
              </Text>
              <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('passedOn', { content: '', leadText: '', deadline: null })}>
                Thêm ý kiến chuyển đi
              </Button>
            </Group>
            {form.values.passedOn.map((p, i) => (
              <Group key={p.taskId ?? `new-${i}`} align="flex-start" wrap="nowrap" gap="xs">
                <Textarea aria-label={`Nội dung ý kiến ${i + 1}`} placeholder="Nội dung ý kiến" autosize minRows={1} style={{ flex: 3 }} {...form.getInputProps(`passedOn.${i}.content`)} />
                <TextInput aria-label={`Cơ quan giải quyết ý kiến ${i + 1}`} placeholder="Cơ quan giải quyết" style={{ flex: 2 }} {...form.getInputProps(`passedOn.${i}.leadText`)} />
                <DateInput aria-label={`Hạn giải quyết ý kiến ${i + 1}`} placeholder="Hạn giải quyết" valueFormat="DD/MM/YYYY" clearable w={150} {...form.getInputProps(`passedOn.${i}.deadline`)} />
                <ActionIcon variant="subtle" color="red" mt={6} aria-label={`Bỏ ý kiến ${i + 1}`} onClick={() => form.removeListItem('passedOn', i)}>
                  <IconX size={16} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
          <Textarea label="Ghi chú" autosize minRows={2} {...form.getInputProps('note')} />
          <EditorFooter onCancel={onClose} busy={busy} submitLabel={dialogue ? 'Lưu' : 'Thêm hội nghị'} />
        </Stack>
      </form>
    </Modal>
  );
}
