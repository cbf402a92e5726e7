/** Create or edit a plan: header and items (each item becomes a tracked task). */
import { useEffect, useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useApiMutation } from '../../lib/query';
import { ApiError } from '../../lib/api';
import { showError, showSuccess } from '../../components/notify';
import { PLAN_KINDS, PLAN_KIND_LABELS, type Plan, type PlanKind } from '../../../../shared/schemas/plans';
import { MemberSelect, UnitMultiSelect, UnitSelect } from '../../components/pickers';
import { TimingInput, type TimingValue } from '../tasks/TimingInput';

interface ItemDraft {
  key: string;
  id?: string;
  groupLabel: string;
  content: string;
  leadUnitId: string | null;
  leadMemberId: string | null;
  leadText: string;
  coordinatingUnitIds: string[];
  timing: TimingValue;
  expectedOutput: string;
}

let seq = 0;
const emptyItem = (groupLabel = ''): ItemDraft => ({
  key: `n${++seq}`,
  groupLabel,
  content: '',
  leadUnitId: null,
  leadMemberId: null,
  leadText: '',
  coordinatingUnitIds: [],
  timing: { kind: 'none', value: null },
  expectedOutput: '',
});

function fromPlan(plan: Plan): ItemDraft[] {
  return plan.items.map((i) => ({
    key: i.id,
    id: i.id,
    groupLabel: i.groupLabel ?? '',
    content: i.content,
    leadUnitId: i.task.leadUnit?.id ?? null,
    leadMemberId: i.task.leadMember?.id ?? null,
    leadText: i.task.leadText ?? '',
    coordinatingUnitIds: i.task.coordinatingUnits.map((u) => u.id),
    timing: i.task.timing,
    expectedOutput: i.expectedOutput ?? '',
  }));
}

/** A new plan half typed survives closing the dialog or a crash (localStorage, cleared on save). */
const DRAFT_KEY = 'qcdc.draft.plans.new';
interface Draft {
  kind: PlanKind;
  year: number;
  date: string | null;
  title: string;
  purpose: string;
  implementation: string;
  recipients: string;
  items: ItemDraft[];
}
function readDraft(): Draft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function PlanEditor({ opened, plan, today, onClose, onSaved }: { opened: boolean; plan: Plan | null; today: string; onClose: () => void; onSaved: (id: string) => void }) {
  const year0 = Number(today.slice(0, 4)) || 2023;
  const [kind, setKind] = useState<PlanKind>('qcdc');
  const [year, setYear] = useState<number>(year0);
  const [date, setDate] = useState<string | null>(today || null);
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [implementation, setImplementation] = useState('');
  const [recipients, setRecipients] = useState('');
  const [reserveNumber, setReserveNumber] = useState(true);
  const [numberText, setNumberText] = useState('');
  const [items, setItems] = useState<ItemDraft[]>([emptyItem()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useApiMutation('plans.create', { invalidate: ['plans.list', 'tasks.list', 'calendar.month'] });
  const update = useApiMutation('plans.update', { invalidate: ['plans.list', 'plans.get', 'tasks.list', 'calendar.month'] });

  useEffect(() => {
    if (!opened) return;
    setErrors({});
    if (plan) {
      setKind(plan.kind);
      setYear(plan.year);
      setDate(plan.date);
      setTitle(plan.title);
      setPurpose(plan.purpose ?? '');
      setImplementation(plan.implementation ?? '');
      setRecipients(plan.recipients ?? '');
      setNumberText(plan.numberText ?? '');
      setReserveNumber(false);
      setItems(fromPlan(plan));
    } else {
      const draft = readDraft();
      setKind(draft?.kind ?? 'qcdc');
      setYear(draft?.year ?? year0 + (Number(today.slice(5, 7)) >= 11 ? 1 : 0));
      setDate(draft?.date ?? (today || null));
      setTitle(draft?.title ?? '');
      setPurpose(draft?.purpose ?? '');
      setImplementation(draft?.implementation ?? '');
      setRecipients(draft?.recipients ?? '');
      setNumberText('');
      setReserveNumber(true);
      setItems(draft?.items?.length ? draft.items : [emptyItem()]);
      if (draft) showSuccess('Đã khôi phục bản nháp kế hoạch đang nhập dở.', 'Bản nháp');
    }
  }, [opened, plan?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!opened || plan) return;
    const t = setTimeout(() => {
      try {
        const empty = !title && !purpose && items.every((i) => !i.content);
        if (empty) localStorage.removeItem(DRAFT_KEY);
        else localStorage.setItem(DRAFT_KEY, JSON.stringify({ kind, year, date, title, purpose, implementation, recipients, items } satisfies Draft));
      } catch {
        // storage unavailable: the form still works
      }
    }, 400);
    return () => clearTimeout(t);
  }, [opened, plan, kind, year, date, title, purpose, implementation, recipients, items]);

  const patch = (key: string, change: Partial<ItemDraft>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));
  const err = (i: number, field: string) => errors[`items.${i}.${field}`];

  const save = async () => {
    setErrors({});
    const payload = {
      kind,
      year,
      date: date ?? '',
      title,
      purpose: purpose || null,
      implementation: implementation || null,
      recipients: recipients || null,
      numberText: numberText || null,
      reserveNumber: reserveNumber && !numberText,
      items: items
        .filter((i) => i.content.trim() || i.id)
        .map((i) => ({
          ...(i.id ? { id: i.id } : {}),
          groupLabel: i.groupLabel || null,
          content: i.content,
          leadUnitId: i.leadUnitId,
          leadMemberId: i.leadMemberId,
          leadText: i.leadText || null,
          coordinatingUnitIds: i.coordinatingUnitIds,
          timing: i.timing,
          expectedOutput: i.expectedOutput || null,
        })),
    };
    try {
      const saved = plan ? await update.mutateAsync({ id: plan.id, ...payload }) : await create.mutateAsync(payload);
      if (!plan) {
        try {
          localStorage.removeItem(DRAFT_KEY);
        } catch {
          // ignore
        }
      }
      showSuccess(plan ? 'Đã lưu kế hoạch.' : `Đã tạo kế hoạch${saved.numberText ? ` số ${saved.numberText}` : ''}.`);
      onSaved(saved.id);
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      showError(e);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={plan ? 'Sửa kế hoạch' : 'Tạo kế hoạch'} size="90%">
      <Stack gap="sm">
        <SimpleGrid cols={4}>
          <Select label="Loại kế hoạch" value={kind} allowDeselect={false} onChange={(v) => setKind((v ?? 'qcdc') as PlanKind)} data={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))} />
          <NumberInput label="Năm thực hiện" value={year} min={1990} max={2100} onChange={(v) => setYear(Number(v) || year0)} error={errors.year} />
          <DateInput label="Ngày ban hành" value={date} onChange={setDate} error={errors.date} required />
          <TextInput
            label="Số kế hoạch"
            placeholder={reserveNumber ? 'Lấy số tiếp theo khi lưu' : 'Ví dụ: 12-KH/BCĐ'}
            value={numberText}
            onChange={(e) => setNumberText(e.currentTarget.value)}
            error={errors.numberText}
            rightSectionWidth={120}
            rightSection={!plan?.numberText && !numberText ? <Checkbox size="xs" label="Cấp số" checked={reserveNumber} onChange={(e) => setReserveNumber(e.currentTarget.checked)} /> : null}
          />
        </SimpleGrid>
        <TextInput label="Trích yếu" placeholder="Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} required data-autofocus />
        <SimpleGrid cols={3}>
          <Textarea label="Mục đích, yêu cầu" autosize minRows={2} maxRows={6} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} />
          <Textarea label="Tổ chức thực hiện" autosize minRows={2} maxRows={6} value={implementation} onChange={(e) => setImplementation(e.currentTarget.value)} />
          <Textarea label="Nơi nhận (mỗi dòng một nơi)" autosize minRows={2} maxRows={6} value={recipients} onChange={(e) => setRecipients(e.currentTarget.value)} />
        </SimpleGrid>

        <Text fw={600} mt="xs">
          Nội dung, nhiệm vụ ({items.length})
        </Text>
        {items.map((item, i) => (
          <Paper key={item.key} withBorder p="sm" radius="md" data-plan-item={i}>
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <Text fw={600} w={24} pt={28}>
                {i + 1}.
              </Text>
              <Stack gap={6} style={{ flex: 1 }}>
                <Group grow align="flex-start">
                  <TextInput label="Nhóm nội dung" placeholder="Ví dụ: Công tác tuyên truyền" value={item.groupLabel} onChange={(e) => patch(item.key, { groupLabel: e.currentTarget.value })} style={{ maxWidth: 260 }} />
                  <Textarea label="Nội dung" autosize minRows={1} value={item.content} onChange={(e) => patch(item.key, { content: e.currentTarget.value })} error={err(i, 'content')} required />
                </Group>
                <Group grow align="flex-start">
                  <UnitSelect label="Đơn vị chủ trì" value={item.leadUnitId} onChange={(v) => patch(item.key, { leadUnitId: v })} error={err(i, 'leadUnitId')} />
                  <MemberSelect label="Thành viên phụ trách" value={item.leadMemberId} onChange={(v) => patch(item.key, { leadMemberId: v })} error={err(i, 'leadMemberId')} />
                  <TextInput label="Hoặc ghi chủ trì" value={item.leadText} onChange={(e) => patch(item.key, { leadText: e.currentTarget.value })} />
                </Group>
                <Group grow align="flex-start">
                  <UnitMultiSelect label="Đơn vị phối hợp" value={item.coordinatingUnitIds} onChange={(v) => patch(item.key, { coordinatingUnitIds: v })} />
                  <div>
                    <Text size="sm" fw={500} mb={2}>
                      Thời gian
                    </Text>
                    <TimingInput value={item.timing} onChange={(timing) => patch(item.key, { timing })} defaultYear={year} error={err(i, 'timing.value') ?? err(i, 'deadline')} />
                  </div>
                  <TextInput label="Sản phẩm dự kiến" value={item.expectedOutput} onChange={(e) => patch(item.key, { expectedOutput: e.currentTarget.value })} />
                </Group>
              </Stack>
              <Tooltip label="Bỏ nội dung này">
                <ActionIcon variant="subtle" color="red" mt={26} aria-label={`Bỏ nội dung ${i + 1}`} onClick={() => setItems((list) => list.filter((x) => x.key !== item.key))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Paper>
        ))}
        <Group justify="space-between">
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setItems((list) => [...list, emptyItem(list[list.length - 1]?.groupLabel ?? '')])}>
            Thêm nội dung
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button onClick={save} loading={create.isPending || update.isPending}>
              Lưu kế hoạch
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
