/** Every task with filters, or grouped by owner; tasks can also be typed directly here. */
import { useState } from 'react';
import { Accordion, Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { ApiError } from '../../lib/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyState } from '../../components/EmptyState';
import { showError, showSuccess } from '../../components/notify';
import { TASK_SOURCE_LABELS, TASK_SOURCE_TYPES, TASK_STATUSES, TASK_STATUS_LABELS, type Task, type TaskSourceType, type TaskStatus } from '../../../../shared/schemas/tasks';
import { TaskTable } from './TaskTable';
import { MemberSelect, UnitMultiSelect, UnitSelect } from '../../components/pickers';
import { TimingInput, type TimingValue } from './TimingInput';

export function TasksView({ onOpenTask, today }: { onOpenTask: (id: string) => void; today: string }) {
  const [mode, setMode] = useState<'list' | 'owner' | 'source'>('list');
  const [search, setSearch] = useState('');
  const [source, setSource] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const list = useApiQuery('tasks.list', { ...(search ? { search } : {}), ...(source ? { sourceType: source as TaskSourceType } : {}), ...(status ? { status: status as TaskStatus } : {}) }, { enabled: mode !== 'owner' });
  const owners = useApiQuery('tasks.byOwner', { openOnly: false }, { enabled: mode === 'owner' });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <SegmentedControl value={mode} onChange={(v) => setMode(v as typeof mode)} data={[{ value: 'list', label: 'Danh sách' }, { value: 'owner', label: 'Theo đơn vị chủ trì' }, { value: 'source', label: 'Theo nguồn' }]} />
          {mode === 'list' && (
            <>
              <TextInput placeholder="Tìm nhiệm vụ (không cần dấu)" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} aria-label="Tìm nhiệm vụ" />
              <Select placeholder="Nguồn" clearable value={source} onChange={setSource} data={TASK_SOURCE_TYPES.map((s) => ({ value: s, label: TASK_SOURCE_LABELS[s] }))} w={200} aria-label="Nguồn" />
              <Select placeholder="Trạng thái" clearable value={status} onChange={setStatus} data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))} w={170} aria-label="Trạng thái" />
            </>
          )}
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          Giao nhiệm vụ
        </Button>
      </Group>
      {mode === 'list' && (
        <>
          <ErrorAlert error={list.error} />
          {list.data && (
            <Text size="sm" c="dimmed">
              {list.data.total} nhiệm vụ
            </Text>
          )}
          {list.data && list.data.items.length === 0 ? (
            <EmptyState title="Không có nhiệm vụ phù hợp" description="Nhiệm vụ đến từ kế hoạch, kết luận hội nghị, kiến nghị sau kiểm tra, hoặc bấm «Giao nhiệm vụ»." />
          ) : (
            <TaskTable tasks={list.data?.items ?? []} onOpen={onOpenTask} />
          )}
        </>
      )}
      {mode === 'source' && (
        <Accordion multiple variant="separated">
          {groupBySource(list.data?.items ?? []).map(([label, tasks]) => (
            <Accordion.Item key={label} value={label}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text fw={500}>{label}</Text>
                  <Badge tt="none" variant="light">{tasks.length} nhiệm vụ</Badge>
                  {tasks.some((t) => t.dueState === 'overdue') && <Badge tt="none" color="red">{tasks.filter((t) => t.dueState === 'overdue').length} quá hạn</Badge>}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <TaskTable tasks={tasks} onOpen={onOpenTask} showSource={false} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      {mode === 'owner' && (
        <>
          <ErrorAlert error={owners.error} />
          <Accordion multiple variant="separated">
            {(owners.data ?? []).map((g) => (
              <Accordion.Item key={g.key} value={g.key}>
                <Accordion.Control>
                  <Group gap="xs">
                    <Text fw={500}>{g.ownerLabel}</Text>
                    <Badge tt="none" variant="light">{g.total} nhiệm vụ</Badge>
                    <Badge tt="none" variant="light" color="green">
                      {g.done} xong
                    </Badge>
                    {g.overdue > 0 && <Badge tt="none" color="red">{g.overdue} quá hạn</Badge>}
                    {g.dueSoon > 0 && <Badge tt="none" color="orange">{g.dueSoon} sắp đến hạn</Badge>}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <TaskTable tasks={g.tasks} onOpen={onOpenTask} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </>
      )}
      <NewTaskModal opened={adding} onClose={() => setAdding(false)} today={today} />
    </Stack>
  );
}

/** Tasks grouped by where they came from (a plan, a meeting, an inspection, typed directly). */
function groupBySource(tasks: readonly Task[]): [string, Task[]][] {
  const groups = new Map<string, Task[]>();
  for (const t of tasks) {
    const label = t.sourceLabel ?? TASK_SOURCE_LABELS[t.sourceType];
    groups.set(label, [...(groups.get(label) ?? []), t]);
  }
  return [...groups.entries()];
}

function NewTaskModal({ opened, onClose, today }: { opened: boolean; onClose: () => void; today: string }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [leadUnitId, setLeadUnitId] = useState<string | null>(null);
  const [leadMemberId, setLeadMemberId] = useState<string | null>(null);
  const [coord, setCoord] = useState<string[]>([]);
  const [timing, setTiming] = useState<TimingValue>({ kind: 'date', value: null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useApiMutation('tasks.create', { invalidate: ['tasks.list', 'tasks.byOwner', 'calendar.month'] });
  const save = async () => {
    setErrors({});
    try {
      await create.mutateAsync({ title, description: description || null, sourceType: 'direct', leadUnitId, leadMemberId, coordinatingUnitIds: coord, timing });
      showSuccess('Đã giao nhiệm vụ.');
      setTitle('');
      setDescription('');
      onClose();
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      showError(e);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Giao nhiệm vụ" size="lg">
      <Stack gap="sm">
        <Textarea label="Nội dung nhiệm vụ" autosize minRows={2} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} required data-autofocus />
        <Textarea label="Mô tả, yêu cầu" autosize minRows={1} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <Group grow align="flex-start">
          <UnitSelect label="Đơn vị chủ trì" value={leadUnitId} onChange={setLeadUnitId} error={errors.leadUnitId} />
          <MemberSelect label="Thành viên phụ trách" value={leadMemberId} onChange={setLeadMemberId} error={errors.leadMemberId} />
        </Group>
        <UnitMultiSelect label="Đơn vị phối hợp" value={coord} onChange={setCoord} />
        <div>
          <Text size="sm" fw={500} mb={2}>
            Thời hạn
          </Text>
          <TimingInput value={timing} onChange={setTiming} defaultYear={Number(today.slice(0, 4)) || 2023} error={errors['timing.value']} />
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button onClick={save} loading={create.isPending}>
            Lưu
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
