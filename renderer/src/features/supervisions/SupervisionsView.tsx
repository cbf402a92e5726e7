/**
 * Giám sát của thành viên Ban Chỉ đạo: which member visited which assigned unit when, the findings,
 * the recommendations (each a task led by the unit), and the assigned units no member visited this year.
 */
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { IconArrowBackUp, IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import type { Channel } from '../../../../shared/contract';
import { createSupervisionSchema, type Supervision } from '../../../../shared/schemas/supervisions';
import { TASK_STATUS_LABELS } from '../../../../shared/schemas/tasks';
import { useConfirm } from '../../components/ConfirmAction';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EditorFooter, RegisterBar, saveCallbacks } from '../../components/RegisterBar';
import { showError, showSuccess } from '../../components/notify';
import { formatDate } from '../../lib/format';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { useFoldedFilter } from '../../lib/search';
import { useFormDraft } from '../../lib/useFormDraft';
import { parseForm, zodResolver } from '../../lib/zodForm';
import { TaskDrawer } from '../tasks/TaskDrawer';
import { MemberSelect, UnitSelect } from '../../components/pickers';

const WRITES: Channel[] = ['supervisions.list', 'supervisions.unvisited', 'qcdc.stats', 'qcdc.reports.get', 'qcdc.drill', 'tasks.list', 'tasks.get', 'overview.get'];

export function SupervisionsView({ year }: { year: number }) {
  const [trash, setTrash] = useState(false);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Supervision | 'new' | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const list = useApiQuery('supervisions.list', { year, includeDeleted: trash });
  const unvisited = useApiQuery('supervisions.unvisited', { year });
  const clock = useApiQuery('tasks.list', { overdue: true, limit: 1 });
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const remove = useApiMutation('supervisions.delete', { invalidate: WRITES, onError: showError });
  const restore = useApiMutation('supervisions.restore', { invalidate: WRITES, onError: showError });
  const rows = (list.data ?? []).filter((s) => (trash ? s.deletedAt !== null : s.deletedAt === null));
  const visible = useFoldedFilter(rows, search, (s) => [s.memberName, s.unitName, s.content, s.findings]);

  return (
    <Stack gap="sm">
      <RegisterBar search={search} onSearch={setSearch} trash={trash} onTrash={setTrash} addLabel="Ghi lần giám sát" onAdd={() => setEditing('new')} />
      <ErrorAlert error={list.error ?? unvisited.error} />
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="sm">
        <Stack gap="xs" style={{ gridColumn: 'span 2' }}>
          {list.data && visible.length === 0 ? (
            <EmptyState
              title={trash ? 'Thùng rác trống' : `Chưa ghi lần giám sát nào năm ${year}`}
              description={trash ? undefined : 'Ghi mỗi lần thành viên Ban Chỉ đạo đến đơn vị được phân công theo dõi: nội dung, kết quả, kiến nghị.'}
            />
          ) : (
            <Table striped verticalSpacing="xs" aria-label="Danh sách lần giám sát">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={100}>Ngày</Table.Th>
                  <Table.Th>Thành viên → đơn vị</Table.Th>
                  <Table.Th>Kiến nghị (nhiệm vụ)</Table.Th>
                  <Table.Th w={80} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visible.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{formatDate(s.date)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {s.memberName} → {s.unitName}
                      </Text>
                      {!s.assigned && (
                        <Badge size="xs" color="orange" variant="light" tt="none">
                          không thuộc đơn vị được phân công
                        </Badge>
                      )}
                      {s.content && (
                        <Text size="xs" c="dimmed">
                          {s.content}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {s.recommendations.length === 0 && (
                        <Text size="xs" c="dimmed">
                          Không có
                        </Text>
                      )}
                      <Stack gap={2}>
                        {s.recommendations.map((t) => (
                          <Anchor key={t.id} size="xs" onClick={() => setTaskId(t.id)}>
                            {t.title} — {TASK_STATUS_LABELS[t.status]} ({t.progress}%)
                          </Anchor>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {trash ? (
                        <ActionIcon variant="subtle" aria-label={`Khôi phục giám sát ${s.unitName}`} onClick={() => restore.mutate({ id: s.id }, { onSuccess: () => showSuccess('Đã khôi phục.') })}>
                          <IconArrowBackUp size={16} />
                        </ActionIcon>
                      ) : (
                        <Group gap={2} wrap="nowrap">
                          <ActionIcon variant="subtle" aria-label={`Sửa giám sát ${s.unitName} ${formatDate(s.date)}`} onClick={() => setEditing(s)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Xoá giám sát ${s.unitName} ${formatDate(s.date)}`}
                            onClick={() =>
                              void confirm({
                                title: 'Xoá lần giám sát?',
                                message: `Lần giám sát ngày ${formatDate(s.date)} tại ${s.unitName} và các kiến nghị của nó sẽ được chuyển vào thùng rác; có thể khôi phục.`,
                                confirmLabel: 'Xoá',
                                danger: true,
                              }).then((ok) => ok && remove.mutate({ id: s.id }, { onSuccess: () => showSuccess('Đã chuyển vào thùng rác.') }))
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
        </Stack>
        <Paper withBorder p="sm" radius="md">
          <Text fw={600} size="sm" mb={4}>
            Đơn vị chưa thành viên nào đến giám sát năm {year}
          </Text>
          {unvisited.data && unvisited.data.units.length === 0 ? (
            <Text size="sm" c="green.8">
              Mọi đơn vị được phân công đều đã có thành viên đến giám sát.
            </Text>
          ) : (
            <Stack gap={2} aria-label="Đơn vị chưa được giám sát" role="list">
              {(unvisited.data?.units ?? []).map((u) => (
                <Text key={u.unitId} size="sm" role="listitem">
                  {u.unitName}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    — {u.members.map((m) => m.name).join(', ')}
                  </Text>
                </Text>
              ))}
            </Stack>
          )}
          {(unvisited.data?.members.length ?? 0) > 0 && (
            <>
              <Text fw={600} size="sm" mt="sm" mb={4}>
                Theo thành viên (đã đến / được phân công)
              </Text>
              {unvisited.data!.members.map((m) => (
                <Group key={m.memberId} justify="space-between" gap="xs">
                  <Text size="sm">{m.memberName}</Text>
                  <Text size="sm" c={m.visited < m.assigned ? 'orange.8' : 'green.8'}>
                    {m.visited}/{m.assigned}
                  </Text>
                </Group>
              ))}
            </>
          )}
        </Paper>
      </SimpleGrid>
      {editing && <SupervisionEditor supervision={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <TaskDrawer
        taskId={taskId}
        today={clock.data?.today ?? ''}
        onClose={() => {
          setTaskId(null);
          // The drawer records progress through tasks.*; the list shows each task's state.
          void queryClient.invalidateQueries({ queryKey: ['supervisions.list'] });
        }}
      />
    </Stack>
  );
}

// A type alias (not an interface): useFormDraft wants values indexable as a record.
type SupervisionValues = {
  memberId: string | null;
  unitId: string | null;
  date: string | null;
  content: string;
  findings: string;
  recommendations: { taskId?: string; content: string; deadline: string | null }[];
};

function toInput(v: SupervisionValues) {
  return {
    memberId: v.memberId ?? '',
    unitId: v.unitId ?? '',
    date: v.date ?? '',
    content: v.content || null,
    findings: v.findings || null,
    recommendations: v.recommendations.map((r) => ({ ...(r.taskId ? { taskId: r.taskId } : {}), content: r.content, deadline: r.deadline })),
  };
}

function SupervisionEditor({ supervision, onClose }: { supervision: Supervision | null; onClose: () => void }) {
  const create = useApiMutation('supervisions.create', { invalidate: WRITES });
  const update = useApiMutation('supervisions.update', { invalidate: WRITES });
  const initial: SupervisionValues = supervision
    ? {
        memberId: supervision.memberId,
        unitId: supervision.unitId,
        date: supervision.date,
        content: supervision.content ?? '',
        findings: supervision.findings ?? '',
        recommendations: supervision.recommendations.map((t) => ({ taskId: t.id, content: t.title, deadline: t.deadline })),
      }
    : { memberId: null, unitId: null, date: null, content: '', findings: '', recommendations: [] };
  const form = useForm<SupervisionValues>({ initialValues: initial, validate: (v) => zodResolver(createSupervisionSchema)(toInput(v)) });
  const draft = useFormDraft(`supervisions.edit.${supervision?.id ?? 'new'}`, form);
  const submit = form.onSubmit((v) => {
    const data = parseForm(createSupervisionSchema, toInput(v));
    const done = saveCallbacks(form, draft, supervision ? 'Đã lưu lần giám sát.' : 'Đã ghi lần giám sát.', onClose);
    if (supervision) update.mutate({ id: supervision.id, ...data }, done);
    else create.mutate(data, done);
  });
  return (
    <Modal opened onClose={onClose} title={supervision ? 'Sửa lần giám sát' : 'Ghi lần giám sát của thành viên'} size="xl" closeOnClickOutside={false}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <MemberSelect label="Thành viên Ban Chỉ đạo" value={form.values.memberId} onChange={(v) => form.setFieldValue('memberId', v)} error={form.errors.memberId as string | undefined} />
            <UnitSelect label="Đơn vị được giám sát" value={form.values.unitId} onChange={(v) => form.setFieldValue('unitId', v)} error={form.errors.unitId as string | undefined} />
            <DateInput label="Ngày giám sát" valueFormat="DD/MM/YYYY" required {...form.getInputProps('date')} />
          </Group>
          <TextInput label="Nội dung giám sát" {...form.getInputProps('content')} />
          <Textarea label="Kết quả, nhận xét" autosize minRows={2} {...form.getInputProps('findings')} />
          <Group justify="space-between">
            <Text fw={600} size="sm">
              Kiến nghị (mỗi kiến nghị là một nhiệm vụ do đơn vị chủ trì)
            </Text>
            <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('recommendations', { content: '', deadline: null })}>
              Thêm kiến nghị
            </Button>
          </Group>
          {form.values.recommendations.map((r, i) => (
            <Group key={r.taskId ?? `new-${i}`} align="flex-start" wrap="nowrap" gap="xs">
              <Textarea aria-label={`Nội dung kiến nghị ${i + 1}`} placeholder="Nội dung kiến nghị" autosize minRows={1} style={{ flex: 1 }} {...form.getInputProps(`recommendations.${i}.content`)} />
              <DateInput aria-label={`Hạn thực hiện kiến nghị ${i + 1}`} placeholder="Hạn thực hiện" valueFormat="DD/MM/YYYY" clearable w={150} {...form.getInputProps(`recommendations.${i}.deadline`)} />
              <ActionIcon variant="subtle" color="red" mt={6} aria-label={`Bỏ kiến nghị ${i + 1}`} onClick={() => form.removeListItem('recommendations', i)}>
                <IconX size={16} />
              </ActionIcon>
            </Group>
          ))}
          <EditorFooter onCancel={onClose} busy={create.isPending || update.isPending} submitLabel={supervision ? 'Lưu' : 'Ghi lần giám sát'} />
        </Stack>
      </form>
    </Modal>
  );
}
