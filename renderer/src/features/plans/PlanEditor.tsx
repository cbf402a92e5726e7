/** Create or edit a plan: header and items (each item becomes a tracked task). */
import { useEffect } from 'react';
import { ActionIcon, Button, Checkbox, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useApiMutation } from '../../lib/query';
import { inputValidator, parseForm, rowFieldOf } from '../../lib/zodForm';
import { useFormDraft } from '../../lib/useFormDraft';
import { showSuccess } from '../../components/notify';
import { createPlanSchema, PLAN_KINDS, PLAN_KIND_LABELS, type Plan, type PlanKind } from '../../../../shared/schemas/plans';
import { MemberSelect, UnitMultiSelect, UnitSelect } from '../../components/pickers';
import { TimingInput, type TimingValue } from '../tasks/TimingInput';
import { submitForm } from '../../components/submitForm';

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
// Keys must not repeat those of rows restored from a draft typed before a reload.
const emptyItem = (groupLabel = ''): ItemDraft => ({
  key: `n${Date.now().toString(36)}${++seq}`,
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

/** What the officer edits; `toInput` turns it into the `plans.create` / `.update` input. */
export interface PlanFormValues extends Record<string, unknown> {
  kind: PlanKind;
  year: number;
  date: string | null;
  title: string;
  purpose: string;
  implementation: string;
  recipients: string;
  reserveNumber: boolean;
  numberText: string;
  items: ItemDraft[];
}

function initialValues(plan: Plan | null, today: string): PlanFormValues {
  const year0 = Number(today.slice(0, 4)) || 2023;
  if (plan) {
    return {
      kind: plan.kind,
      year: plan.year,
      date: plan.date,
      title: plan.title,
      purpose: plan.purpose ?? '',
      implementation: plan.implementation ?? '',
      recipients: plan.recipients ?? '',
      numberText: plan.numberText ?? '',
      reserveNumber: false,
      items: fromPlan(plan),
    };
  }
  // From November on, the plan being written is next year's.
  return { kind: 'qcdc', year: year0 + (Number(today.slice(5, 7)) >= 11 ? 1 : 0), date: today || null, title: '', purpose: '', implementation: '', recipients: '', numberText: '', reserveNumber: true, items: [emptyItem()] };
}

/** The channel input, without new items left empty, and where each sent item sits in the form. */
export function toInput(v: PlanFormValues) {
  const kept = v.items.flatMap((i, index) => (i.content.trim() || i.id ? [index] : []));
  const input = {
    kind: v.kind,
    year: v.year,
    date: v.date ?? '',
    title: v.title,
    purpose: v.purpose || null,
    implementation: v.implementation || null,
    recipients: v.recipients || null,
    numberText: v.numberText || null,
    reserveNumber: v.reserveNumber && !v.numberText,
    items: kept.map((index) => {
      const i = v.items[index]!;
      return {
        ...(i.id ? { id: i.id } : {}),
        groupLabel: i.groupLabel || null,
        content: i.content,
        leadUnitId: i.leadUnitId,
        leadMemberId: i.leadMemberId,
        leadText: i.leadText || null,
        coordinatingUnitIds: i.coordinatingUnitIds,
        timing: i.timing,
        expectedOutput: i.expectedOutput || null,
      };
    }),
  };
  return { input, fieldOf: rowFieldOf({ items: kept }) };
}

export function PlanEditor(props: { opened: boolean; plan: Plan | null; today: string; onClose: () => void; onSaved: (id: string) => void }) {
  const { opened, plan, onClose } = props;
  return (
    <Modal opened={opened} onClose={onClose} title={plan ? 'Sửa kế hoạch' : 'Tạo kế hoạch'} size="90%">
      {/* Mounted per opening and per record, so the form starts from that record's values. */}
      {opened && <PlanForm key={plan?.id ?? 'new'} {...props} />}
    </Modal>
  );
}

function PlanForm({ plan, today, onClose, onSaved }: { plan: Plan | null; today: string; onClose: () => void; onSaved: (id: string) => void }) {
  const year0 = Number(today.slice(0, 4)) || 2023;
  const form = useForm<PlanFormValues>({
    mode: 'controlled',
    initialValues: initialValues(plan, today),
    // The same schema `plans.create` checks (update adds only the id).
    validate: inputValidator(createPlanSchema, toInput),
  });
  // A new plan half typed survives closing the dialog, a reload or a crash (cleared on save).
  const draft = useFormDraft('plans.new', form, { enabled: !plan });
  useEffect(() => {
    if (draft.restoredAt) showSuccess('Đã khôi phục bản nháp kế hoạch đang nhập dở.', 'Bản nháp');
  }, [draft.restoredAt]);
  const create = useApiMutation('plans.create', { invalidate: ['plans.list', 'tasks.list', 'calendar.month'] });
  const update = useApiMutation('plans.update', { invalidate: ['plans.list', 'plans.get', 'tasks.list', 'calendar.month'] });
  const { values } = form;
  const { items, year, numberText, reserveNumber } = values;
  const item = (i: number, field: keyof ItemDraft) => form.getInputProps(`items.${i}.${field}`);
  const err = (i: number, field: string) => form.errors[`items.${i}.${field}`] as string | undefined;

  const save = async () => {
    const { input: raw, fieldOf } = toInput(form.getValues());
    let savedId = '';
    const saved = await submitForm(
      form,
      async () => {
        // Send what the server would store (NFC, trimmed, single spaces), as the other forms do.
        const input = parseForm(createPlanSchema, raw);
        const result = plan ? await update.mutateAsync({ id: plan.id, ...input }) : await create.mutateAsync(input);
        savedId = result.id;
        if (!plan) draft.clear();
        return plan ? 'Đã lưu kế hoạch.' : `Đã tạo kế hoạch${result.numberText ? ` số ${result.numberText}` : ''}.`;
      },
      fieldOf,
    );
    if (saved) onSaved(savedId);
  };

  return (
    <Stack gap="sm">
      <SimpleGrid cols={4}>
        <Select label="Loại kế hoạch" allowDeselect={false} data={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))} {...form.getInputProps('kind')} />
        <NumberInput label="Năm thực hiện" min={1990} max={2100} {...form.getInputProps('year')} onChange={(v) => form.setFieldValue('year', Number(v) || year0)} />
        <DateInput label="Ngày ban hành" required {...form.getInputProps('date')} />
        <TextInput
          label="Số kế hoạch"
          placeholder={reserveNumber ? 'Lấy số tiếp theo khi lưu' : 'Ví dụ: 12-KH/BCĐ'}
          {...form.getInputProps('numberText')}
          rightSectionWidth={120}
          rightSection={!plan?.numberText && !numberText ? <Checkbox size="xs" label="Cấp số" {...form.getInputProps('reserveNumber', { type: 'checkbox' })} /> : null}
        />
      </SimpleGrid>
      <TextInput label="Trích yếu" placeholder="Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023" required data-autofocus {...form.getInputProps('title')} />
      <SimpleGrid cols={3}>
        <Textarea label="Mục đích, yêu cầu" autosize minRows={2} maxRows={6} {...form.getInputProps('purpose')} />
        <Textarea label="Tổ chức thực hiện" autosize minRows={2} maxRows={6} {...form.getInputProps('implementation')} />
        <Textarea label="Nơi nhận (mỗi dòng một nơi)" autosize minRows={2} maxRows={6} {...form.getInputProps('recipients')} />
      </SimpleGrid>

      <Text fw={600} mt="xs">
        Nội dung, nhiệm vụ ({items.length})
      </Text>
      {items.map((row, i) => (
        <Paper key={row.key} withBorder p="sm" radius="md" data-plan-item={i}>
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <Text fw={600} w={24} pt={28}>
              {i + 1}.
            </Text>
            <Stack gap={6} style={{ flex: 1 }}>
              <Group grow align="flex-start">
                <TextInput label="Nhóm nội dung" placeholder="Ví dụ: Công tác tuyên truyền" style={{ maxWidth: 260 }} {...item(i, 'groupLabel')} />
                <Textarea label="Nội dung" autosize minRows={1} required {...item(i, 'content')} />
              </Group>
              <Group grow align="flex-start">
                <UnitSelect label="Đơn vị chủ trì" {...item(i, 'leadUnitId')} />
                <MemberSelect label="Thành viên phụ trách" {...item(i, 'leadMemberId')} />
                <TextInput label="Hoặc ghi chủ trì" {...item(i, 'leadText')} />
              </Group>
              <Group grow align="flex-start">
                <UnitMultiSelect label="Đơn vị phối hợp" {...item(i, 'coordinatingUnitIds')} />
                <div>
                  <Text size="sm" fw={500} mb={2}>
                    Thời gian
                  </Text>
                  <TimingInput value={row.timing} onChange={(timing) => form.setFieldValue(`items.${i}.timing`, timing)} defaultYear={year} error={err(i, 'timing.value') ?? err(i, 'timing') ?? err(i, 'deadline')} />
                </div>
                <TextInput label="Sản phẩm dự kiến" {...item(i, 'expectedOutput')} />
              </Group>
            </Stack>
            <Tooltip label="Bỏ nội dung này">
              <ActionIcon variant="subtle" color="red" mt={26} aria-label={`Bỏ nội dung ${i + 1}`} onClick={() => form.removeListItem('items', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Paper>
      ))}
      <Group justify="space-between">
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('items', emptyItem(items[items.length - 1]?.groupLabel ?? ''))}>
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
  );
}
