/** Create or edit an inspection plan: header, teams (members, support staff, area officer) and target units. */
import { ActionIcon, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useApiMutation } from '../../lib/query';
import { inputValidator, parseForm, rowFieldOf } from '../../lib/zodForm';
import { foldedFilter, UnitSelect, useMemberOptions } from '../../components/pickers';
import { createInspectionSchema, INSPECTION_KINDS, INSPECTION_KIND_LABELS, TEAM_ROLES, TEAM_ROLE_LABELS, type Inspection, type InspectionKind, type TeamRole } from '../../../../shared/schemas/inspections';
import { QCDC_TYPE_LABELS } from '../../../../shared/schemas/units';
import { submitForm } from '../../components/submitForm';

interface MemberRow {
  memberId: string | null;
  fullName: string;
  role: TeamRole;
  position: string;
}
interface TeamRow {
  key: string;
  name: string;
  members: MemberRow[];
}
interface TargetRow {
  key: string;
  id?: string;
  unitId: string | null;
  teamIndex: number | null;
  qcdcType: string | null;
  visitDate: string | null;
}

/** What the officer edits; `toInput` turns it into the `inspections.create` / `.update` input. */
export interface InspectionFormValues extends Record<string, unknown> {
  kind: InspectionKind;
  year: number;
  date: string | null;
  topic: string;
  startDate: string | null;
  endDate: string | null;
  reportBeforeDays: number;
  content: string;
  numberText: string;
  teams: TeamRow[];
  targets: TargetRow[];
}

let seq = 0;
const k = () => `k${++seq}`;

function initialValues(i: Inspection | null, today: string): InspectionFormValues {
  return {
    kind: i?.kind ?? 'kiem_tra',
    year: i?.year ?? (Number(today.slice(0, 4)) || 2023),
    date: i?.date ?? (today || null),
    topic: i?.topic ?? '',
    startDate: i?.startDate ?? null,
    endDate: i?.endDate ?? null,
    reportBeforeDays: i?.reportBeforeDays ?? 5,
    content: i?.content ?? '',
    numberText: i?.numberText ?? '',
    teams: i
      ? i.teams.map((t) => ({ key: t.id, name: t.name, members: t.members.map((m) => ({ memberId: m.memberId, fullName: m.memberId ? '' : m.fullName, role: m.role, position: m.memberId ? '' : (m.position ?? '') })) }))
      : [{ key: k(), name: 'Đoàn số 1', members: [{ memberId: null, fullName: '', role: 'truong_doan', position: '' }] }],
    targets: i
      ? i.targets.map((t) => {
          const teamIndex = i.teams.findIndex((x) => x.id === t.teamId);
          return { key: t.id, id: t.id, unitId: t.unitId, teamIndex: teamIndex >= 0 ? teamIndex : null, qcdcType: null, visitDate: t.visitDate };
        })
      : [{ key: k(), unitId: null, teamIndex: 0, qcdcType: null, visitDate: null }],
  };
}

/**
 * The channel input, without the rows left blank (a member row with neither a member nor a name,
 * a target without a unit), and where each sent row sits in the form, so a message about
 * `targets.1.unitId` lands under the right row.
 */
export function toInput(v: InspectionFormValues) {
  const keptTargets = v.targets.flatMap((t, i) => (t.unitId ? [i] : []));
  const kept: Record<string, number[]> = { targets: keptTargets };
  const teams = v.teams.map((t, ti) => {
    const members = t.members.flatMap((m, mi) => (m.memberId || m.fullName.trim() ? [{ m, mi }] : []));
    kept[`teams.${ti}.members`] = members.map((x) => x.mi);
    return { name: t.name, members: members.map(({ m }) => ({ memberId: m.memberId, fullName: m.fullName || null, role: m.role, position: m.position || null })) };
  });
  const input = {
    kind: v.kind,
    year: v.year,
    date: v.date ?? '',
    topic: v.topic,
    startDate: v.startDate,
    endDate: v.endDate,
    reportBeforeDays: v.reportBeforeDays,
    content: v.content || null,
    numberText: v.numberText || null,
    reserveNumber: false,
    teams,
    targets: keptTargets.map((i) => {
      const t = v.targets[i]!;
      return { ...(t.id ? { id: t.id } : {}), unitId: t.unitId!, teamIndex: t.teamIndex, qcdcType: t.qcdcType, visitDate: t.visitDate };
    }),
  };
  return { input, fieldOf: rowFieldOf(kept) };
}

export function InspectionEditor(props: { opened: boolean; inspection: Inspection | null; today: string; onClose: () => void; onSaved: (id: string) => void }) {
  const { opened, inspection, onClose } = props;
  return (
    <Modal opened={opened} onClose={onClose} title={inspection ? 'Sửa kế hoạch kiểm tra, giám sát' : 'Lập kế hoạch kiểm tra, giám sát'} size="90%">
      {/* Mounted per opening and per record, so the form starts from that record's values. */}
      {opened && <InspectionForm key={inspection?.id ?? 'new'} {...props} />}
    </Modal>
  );
}

function InspectionForm({ inspection, today, onClose, onSaved }: { inspection: Inspection | null; today: string; onClose: () => void; onSaved: (id: string) => void }) {
  const memberOptions = useMemberOptions();
  const form = useForm<InspectionFormValues>({
    mode: 'controlled',
    initialValues: initialValues(inspection, today),
    // The same schema `inspections.create` checks (update adds only the id).
    validate: inputValidator(createInspectionSchema, toInput),
  });
  const create = useApiMutation('inspections.create', { invalidate: ['inspections.list', 'calendar.month'] });
  const update = useApiMutation('inspections.update', { invalidate: ['inspections.list', 'inspections.get', 'calendar.month'] });
  const { values } = form;

  const save = async () => {
    const { input: raw, fieldOf } = toInput(form.getValues());
    let savedId = '';
    const saved = await submitForm(
      form,
      async () => {
        // Send what the server would store (NFC, trimmed, single spaces), as the other forms do.
        const input = parseForm(createInspectionSchema, raw);
        savedId = (inspection ? await update.mutateAsync({ id: inspection.id, ...input }) : await create.mutateAsync(input)).id;
        return 'Đã lưu kế hoạch kiểm tra.';
      },
      fieldOf,
    );
    if (saved) onSaved(savedId);
  };

  const teamOptions = values.teams.map((t, i) => ({ value: String(i), label: t.name || `Đoàn ${i + 1}` }));
  return (
    <Stack gap="sm">
      <SimpleGrid cols={4}>
        <Select label="Hình thức" allowDeselect={false} data={INSPECTION_KINDS.map((x) => ({ value: x, label: INSPECTION_KIND_LABELS[x] }))} {...form.getInputProps('kind')} />
        <NumberInput label="Năm" min={1990} max={2100} {...form.getInputProps('year')} onChange={(v) => form.setFieldValue('year', Number(v) || values.year)} />
        <DateInput label="Ngày kế hoạch" required {...form.getInputProps('date')} />
        <TextInput label="Số kế hoạch" placeholder="Ví dụ: 15-KH/BCĐ" {...form.getInputProps('numberText')} />
      </SimpleGrid>
      <TextInput label="Chuyên đề" placeholder="Việc thực hiện Quy chế dân chủ ở cơ sở theo loại hình" required data-autofocus {...form.getInputProps('topic')} />
      <SimpleGrid cols={3}>
        <DateInput label="Từ ngày" clearable {...form.getInputProps('startDate')} />
        <DateInput label="Đến ngày" clearable {...form.getInputProps('endDate')} />
        <NumberInput
          label="Đơn vị gửi báo cáo trước (ngày làm việc)"
          description="Không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết (xem Cài đặt)"
          min={0}
          max={60}
          {...form.getInputProps('reportBeforeDays')}
          onChange={(v) => form.setFieldValue('reportBeforeDays', Number(v) || 0)}
        />
      </SimpleGrid>
      <Textarea label="Mục đích, yêu cầu" autosize minRows={2} {...form.getInputProps('content')} />

      <Text fw={600}>Đoàn kiểm tra</Text>
      {values.teams.map((team, ti) => (
        <Paper key={team.key} withBorder p="sm" radius="md">
          <Group mb="xs" justify="space-between">
            <TextInput aria-label="Tên đoàn" w={260} {...form.getInputProps(`teams.${ti}.name`)} />
            <ActionIcon variant="subtle" color="red" aria-label="Bỏ đoàn" onClick={() => form.removeListItem('teams', ti)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
          {team.members.map((_, mi) => {
            const at = `teams.${ti}.members.${mi}`;
            return (
              <Group key={mi} gap="xs" mb={4} align="flex-start" wrap="nowrap">
                <Select placeholder="Thành viên BCĐ" searchable clearable filter={foldedFilter} data={memberOptions} w={300} aria-label={`Thành viên ${mi + 1}`} {...form.getInputProps(`${at}.memberId`)} />
                <TextInput placeholder="hoặc họ tên (cán bộ giúp việc)" w={220} aria-label={`Họ tên ${mi + 1}`} {...form.getInputProps(`${at}.fullName`)} />
                <TextInput placeholder="Chức vụ" w={180} aria-label="Chức vụ" {...form.getInputProps(`${at}.position`)} />
                <Select data={TEAM_ROLES.map((r) => ({ value: r, label: TEAM_ROLE_LABELS[r] }))} allowDeselect={false} w={200} aria-label={`Vai trò ${mi + 1}`} {...form.getInputProps(`${at}.role`)} />
                <ActionIcon variant="subtle" color="red" mt={6} aria-label="Bỏ người này" onClick={() => form.removeListItem(`teams.${ti}.members`, mi)}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            );
          })}
          <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem(`teams.${ti}.members`, { memberId: null, fullName: '', role: 'thanh_vien', position: '' } satisfies MemberRow)}>
            Thêm người
          </Button>
        </Paper>
      ))}
      <Button variant="light" size="xs" w={160} leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('teams', { key: k(), name: `Đoàn số ${values.teams.length + 1}`, members: [] } satisfies TeamRow)}>
        Thêm đoàn
      </Button>

      <Text fw={600}>Đơn vị được kiểm tra</Text>
      {values.targets.map((t, i) => (
        <Group key={t.key} gap="xs" align="flex-start" wrap="nowrap">
          <div style={{ width: 320 }}>
            <UnitSelect label={i === 0 ? 'Đơn vị' : ''} aria-label={`Đơn vị được kiểm tra ${i + 1}`} {...form.getInputProps(`targets.${i}.unitId`)} />
          </div>
          <Select label={i === 0 ? 'Loại hình (nếu khác)' : ''} placeholder="Theo đơn vị" clearable data={Object.entries(QCDC_TYPE_LABELS).map(([value, label]) => ({ value, label }))} w={260} {...form.getInputProps(`targets.${i}.qcdcType`)} />
          <Select
            label={i === 0 ? 'Đoàn' : ''}
            clearable
            data={teamOptions}
            w={150}
            value={t.teamIndex === null ? null : String(t.teamIndex)}
            onChange={(v) => form.setFieldValue(`targets.${i}.teamIndex`, v === null ? null : Number(v))}
          />
          <DateInput label={i === 0 ? 'Ngày làm việc' : ''} aria-label={`Ngày làm việc ${i + 1}`} w={150} clearable {...form.getInputProps(`targets.${i}.visitDate`)} />
          <ActionIcon variant="subtle" color="red" mt={i === 0 ? 30 : 6} aria-label="Bỏ đơn vị" onClick={() => form.removeListItem('targets', i)}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group justify="space-between">
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('targets', { key: k(), unitId: null, teamIndex: values.teams.length ? 0 : null, qcdcType: null, visitDate: null } satisfies TargetRow)}
        >
          Thêm đơn vị
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button onClick={save} loading={create.isPending || update.isPending}>
            Lưu
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
