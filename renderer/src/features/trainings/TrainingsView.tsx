/** Tập huấn, hướng dẫn: the QCDC trainings held (date, topic, organiser, trainees, units that attended). */
import { useState } from 'react';
import { ActionIcon, Group, Modal, NumberInput, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconArrowBackUp, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Channel } from '../../../../shared/contract';
import { createTrainingSchema, type Training } from '../../../../shared/schemas/trainings';
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
import { UnitMultiSelect } from '../../components/pickers';

const WRITES: Channel[] = ['trainings.list', 'qcdc.stats', 'qcdc.reports.get', 'qcdc.drill', 'overview.get'];

export function TrainingsView({ year }: { year: number }) {
  const [trash, setTrash] = useState(false);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Training | 'new' | null>(null);
  const list = useApiQuery('trainings.list', { year, includeDeleted: trash });
  const confirm = useConfirm();
  const remove = useApiMutation('trainings.delete', { invalidate: WRITES, onError: showError });
  const restore = useApiMutation('trainings.restore', { invalidate: WRITES, onError: showError });
  const rows = (list.data ?? []).filter((t) => (trash ? t.deletedAt !== null : t.deletedAt === null));
  const visible = useFoldedFilter(rows, search, (t) => [t.topic, t.organiser, ...t.units.map((u) => u.name)]);
  const total = visible.reduce((s, t) => s + t.trainees, 0);

  return (
    <Stack gap="sm">
      <RegisterBar search={search} onSearch={setSearch} trash={trash} onTrash={setTrash} addLabel="Thêm lớp tập huấn" onAdd={() => setEditing('new')} />
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.data && visible.length === 0 ? (
        <EmptyState title={trash ? 'Thùng rác trống' : `Chưa có lớp tập huấn nào năm ${year}`} description={trash ? undefined : 'Ghi các lớp tập huấn, hướng dẫn thực hiện dân chủ ở cơ sở: ngày, chủ đề, số người, đơn vị tham gia.'} />
      ) : (
        <Table striped verticalSpacing="xs" aria-label="Danh sách lớp tập huấn">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>Ngày</Table.Th>
              <Table.Th>Chủ đề</Table.Th>
              <Table.Th w={110} ta="right">
                Số người
              </Table.Th>
              <Table.Th>Đơn vị tham gia</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{formatDate(t.date)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t.topic}
                  </Text>
                  {t.organiser && (
                    <Text size="xs" c="dimmed">
                      {t.organiser}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(t.trainees)}</Table.Td>
                <Table.Td>
                  <Text size="xs">{t.units.map((u) => u.name).join(', ')}</Text>
                </Table.Td>
                <Table.Td>
                  {trash ? (
                    <ActionIcon variant="subtle" aria-label={`Khôi phục lớp ${t.topic}`} onClick={() => restore.mutate({ id: t.id }, { onSuccess: () => showSuccess('Đã khôi phục lớp tập huấn.') })}>
                      <IconArrowBackUp size={16} />
                    </ActionIcon>
                  ) : (
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={`Sửa lớp ${t.topic}`} onClick={() => setEditing(t)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Xoá lớp ${t.topic}`}
                        onClick={() =>
                          void confirm({ title: 'Xoá lớp tập huấn?', message: `Lớp “${t.topic}” ngày ${formatDate(t.date)} sẽ được chuyển vào thùng rác; có thể khôi phục.`, confirmLabel: 'Xoá', danger: true }).then(
                            (ok) => ok && remove.mutate({ id: t.id }, { onSuccess: () => showSuccess('Đã chuyển lớp tập huấn vào thùng rác.') }),
                          )
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
          {visible.length > 1 && (
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={2}>Cộng {formatNumber(visible.length)} lớp</Table.Th>
                <Table.Th ta="right">{formatNumber(total)}</Table.Th>
                <Table.Th colSpan={2} />
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      )}
      {editing && <TrainingEditor training={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

// A type alias (not an interface): useFormDraft wants values indexable as a record.
type TrainingValues = { date: string | null; topic: string; organiser: string; trainees: number | string; unitIds: string[]; note: string };

function toInput(v: TrainingValues) {
  return { date: v.date ?? '', topic: v.topic, organiser: v.organiser || null, trainees: v.trainees === '' ? 0 : Number(v.trainees), unitIds: v.unitIds, note: v.note || null };
}

function TrainingEditor({ training, onClose }: { training: Training | null; onClose: () => void }) {
  const create = useApiMutation('trainings.create', { invalidate: WRITES });
  const update = useApiMutation('trainings.update', { invalidate: WRITES });
  const initial: TrainingValues = training
    ? { date: training.date, topic: training.topic, organiser: training.organiser ?? '', trainees: training.trainees, unitIds: training.units.map((u) => u.id), note: training.note ?? '' }
    : { date: null, topic: '', organiser: '', trainees: '', unitIds: [], note: '' };
  const form = useForm<TrainingValues>({ initialValues: initial, validate: (v) => zodResolver(createTrainingSchema)(toInput(v)) });
  const draft = useFormDraft(`trainings.edit.${training?.id ?? 'new'}`, form);
  const submit = form.onSubmit((v) => {
    const data = parseForm(createTrainingSchema, toInput(v));
    const done = saveCallbacks(form, draft, training ? 'Đã lưu lớp tập huấn.' : 'Đã thêm lớp tập huấn.', onClose);
    if (training) update.mutate({ id: training.id, ...data }, done);
    else create.mutate(data, done);
  });
  return (
    <Modal opened onClose={onClose} title={training ? 'Sửa lớp tập huấn' : 'Thêm lớp tập huấn'} size="lg" closeOnClickOutside={false}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <DateInput label="Ngày tập huấn" valueFormat="DD/MM/YYYY" required {...form.getInputProps('date')} />
            <NumberInput label="Số người được tập huấn" min={0} allowDecimal={false} thousandSeparator="." decimalSeparator="," {...form.getInputProps('trainees')} />
          </Group>
          <TextInput label="Chủ đề" required {...form.getInputProps('topic')} />
          <TextInput label="Đơn vị tổ chức" {...form.getInputProps('organiser')} />
          <UnitMultiSelect label="Đơn vị tham gia" value={form.values.unitIds} onChange={(v) => form.setFieldValue('unitIds', v)} error={form.errors.unitIds as string | undefined} />
          <Textarea label="Ghi chú" autosize minRows={2} {...form.getInputProps('note')} />
          <EditorFooter onCancel={onClose} busy={create.isPending || update.isPending} submitLabel={training ? 'Lưu' : 'Thêm lớp tập huấn'} />
        </Stack>
      </form>
    </Modal>
  );
}
