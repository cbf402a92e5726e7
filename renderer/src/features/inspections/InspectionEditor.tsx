/** Create or edit an inspection plan: header, teams (members, support staff, area officer) and target units. */
import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useApiMutation } from '../../lib/query';
import { ApiError } from '../../lib/api';
import { showError, showSuccess } from '../../components/notify';
import { INSPECTION_KINDS, INSPECTION_KIND_LABELS, QCDC_TYPE_LABELS, TEAM_ROLES, TEAM_ROLE_LABELS, type Inspection, type InspectionKind, type TeamRole } from '../../../../shared/schemas/inspections';
import { UnitSelect, useMemberOptions } from '../plans/shared';

interface MemberDraft {
  memberId: string | null;
  fullName: string;
  role: TeamRole;
  position: string;
}
interface TeamDraft {
  key: string;
  name: string;
  members: MemberDraft[];
}
interface TargetDraft {
  key: string;
  id?: string;
  unitId: string | null;
  teamIndex: number | null;
  qcdcType: string | null;
  visitDate: string | null;
}

let seq = 0;
const k = () => `k${++seq}`;

export function InspectionEditor({ opened, inspection, today, onClose, onSaved }: { opened: boolean; inspection: Inspection | null; today: string; onClose: () => void; onSaved: (id: string) => void }) {
  const memberOptions = useMemberOptions();
  const [kind, setKind] = useState<InspectionKind>('kiem_tra');
  const [year, setYear] = useState(Number(today.slice(0, 4)) || 2023);
  const [date, setDate] = useState<string | null>(today || null);
  const [topic, setTopic] = useState('');
  const [startDate, setStartDate] = useState<string | null>(null);
  const [endDate, setEndDate] = useState<string | null>(null);
  const [reportBeforeDays, setReportBeforeDays] = useState(5);
  const [content, setContent] = useState('');
  const [numberText, setNumberText] = useState('');
  const [teams, setTeams] = useState<TeamDraft[]>([]);
  const [targets, setTargets] = useState<TargetDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useApiMutation('inspections.create', { invalidate: ['inspections.list', 'calendar.month'] });
  const update = useApiMutation('inspections.update', { invalidate: ['inspections.list', 'inspections.get', 'calendar.month'] });

  useEffect(() => {
    if (!opened) return;
    setErrors({});
    const i = inspection;
    setKind(i?.kind ?? 'kiem_tra');
    setYear(i?.year ?? (Number(today.slice(0, 4)) || 2023));
    setDate(i?.date ?? (today || null));
    setTopic(i?.topic ?? '');
    setStartDate(i?.startDate ?? null);
    setEndDate(i?.endDate ?? null);
    setReportBeforeDays(i?.reportBeforeDays ?? 5);
    setContent(i?.content ?? '');
    setNumberText(i?.numberText ?? '');
    setTeams(i ? i.teams.map((t) => ({ key: t.id, name: t.name, members: t.members.map((m) => ({ memberId: m.memberId, fullName: m.memberId ? '' : m.fullName, role: m.role, position: m.memberId ? '' : (m.position ?? '') })) })) : [{ key: k(), name: 'Đoàn số 1', members: [{ memberId: null, fullName: '', role: 'truong_doan', position: '' }] }]);
    setTargets(i ? i.targets.map((t) => ({ key: t.id, id: t.id, unitId: t.unitId, teamIndex: i.teams.findIndex((x) => x.id === t.teamId), qcdcType: null, visitDate: t.visitDate })).map((t) => ({ ...t, teamIndex: t.teamIndex! >= 0 ? t.teamIndex : null })) : [{ key: k(), unitId: null, teamIndex: 0, qcdcType: null, visitDate: null }]);
  }, [opened, inspection?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    setErrors({});
    const payload = {
      kind,
      year,
      date: date ?? '',
      topic,
      startDate,
      endDate,
      reportBeforeDays,
      content: content || null,
      numberText: numberText || null,
      reserveNumber: false,
      teams: teams.map((t) => ({ name: t.name, members: t.members.filter((m) => m.memberId || m.fullName.trim()).map((m) => ({ memberId: m.memberId, fullName: m.fullName || null, role: m.role, position: m.position || null })) })),
      targets: targets.filter((t) => t.unitId).map((t) => ({ ...(t.id ? { id: t.id } : {}), unitId: t.unitId!, teamIndex: t.teamIndex, qcdcType: t.qcdcType, visitDate: t.visitDate })),
    };
    try {
      const saved = inspection ? await update.mutateAsync({ id: inspection.id, ...payload }) : await create.mutateAsync(payload);
      showSuccess('Đã lưu kế hoạch kiểm tra.');
      onSaved(saved.id);
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      showError(e);
    }
  };

  const teamOptions = teams.map((t, i) => ({ value: String(i), label: t.name || `Đoàn ${i + 1}` }));
  return (
    <Modal opened={opened} onClose={onClose} title={inspection ? 'Sửa kế hoạch kiểm tra, giám sát' : 'Lập kế hoạch kiểm tra, giám sát'} size="90%">
      <Stack gap="sm">
        <SimpleGrid cols={4}>
          <Select label="Hình thức" value={kind} allowDeselect={false} onChange={(v) => setKind((v ?? 'kiem_tra') as InspectionKind)} data={INSPECTION_KINDS.map((x) => ({ value: x, label: INSPECTION_KIND_LABELS[x] }))} />
          <NumberInput label="Năm" value={year} onChange={(v) => setYear(Number(v) || year)} min={1990} max={2100} />
          <DateInput label="Ngày kế hoạch" value={date} onChange={setDate} error={errors.date} required />
          <TextInput label="Số kế hoạch" placeholder="Ví dụ: 15-KH/BCĐ" value={numberText} onChange={(e) => setNumberText(e.currentTarget.value)} />
        </SimpleGrid>
        <TextInput label="Chuyên đề" placeholder="Việc thực hiện Quy chế dân chủ ở cơ sở theo loại hình" value={topic} onChange={(e) => setTopic(e.currentTarget.value)} error={errors.topic} required data-autofocus />
        <SimpleGrid cols={3}>
          <DateInput label="Từ ngày" value={startDate} onChange={setStartDate} clearable />
          <DateInput label="Đến ngày" value={endDate} onChange={setEndDate} clearable error={errors.endDate} />
          <NumberInput label="Đơn vị gửi báo cáo trước (ngày làm việc)" description="Không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết (xem Cài đặt)" value={reportBeforeDays} onChange={(v) => setReportBeforeDays(Number(v) || 0)} min={0} max={60} error={errors.reportBeforeDays} />
        </SimpleGrid>
        <Textarea label="Mục đích, yêu cầu" autosize minRows={2} value={content} onChange={(e) => setContent(e.currentTarget.value)} />

        <Text fw={600}>Đoàn kiểm tra</Text>
        {teams.map((team, ti) => (
          <Paper key={team.key} withBorder p="sm" radius="md">
            <Group mb="xs" justify="space-between">
              <TextInput aria-label="Tên đoàn" value={team.name} onChange={(e) => setTeams((l) => l.map((t, i) => (i === ti ? { ...t, name: e.currentTarget.value } : t)))} w={260} />
              <ActionIcon variant="subtle" color="red" aria-label="Bỏ đoàn" onClick={() => setTeams((l) => l.filter((_, i) => i !== ti))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            {team.members.map((m, mi) => {
              const set = (change: Partial<MemberDraft>) => setTeams((l) => l.map((t, i) => (i === ti ? { ...t, members: t.members.map((x, j) => (j === mi ? { ...x, ...change } : x)) } : t)));
              return (
                <Group key={mi} gap="xs" mb={4} align="flex-start" wrap="nowrap">
                  <Select placeholder="Thành viên BCĐ" searchable clearable data={memberOptions} value={m.memberId} onChange={(v) => set({ memberId: v })} w={300} aria-label={`Thành viên ${mi + 1}`} error={errors[`teams.${ti}.members.${mi}.memberId`]} />
                  <TextInput placeholder="hoặc họ tên (cán bộ giúp việc)" value={m.fullName} onChange={(e) => set({ fullName: e.currentTarget.value })} w={220} aria-label={`Họ tên ${mi + 1}`} error={errors[`teams.${ti}.members.${mi}.fullName`]} />
                  <TextInput placeholder="Chức vụ" value={m.position} onChange={(e) => set({ position: e.currentTarget.value })} w={180} aria-label="Chức vụ" />
                  <Select data={TEAM_ROLES.map((r) => ({ value: r, label: TEAM_ROLE_LABELS[r] }))} value={m.role} allowDeselect={false} onChange={(v) => set({ role: (v ?? 'thanh_vien') as TeamRole })} w={200} aria-label={`Vai trò ${mi + 1}`} />
                  <ActionIcon variant="subtle" color="red" mt={6} aria-label="Bỏ người này" onClick={() => setTeams((l) => l.map((t, i) => (i === ti ? { ...t, members: t.members.filter((_, j) => j !== mi) } : t)))}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              );
            })}
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setTeams((l) => l.map((t, i) => (i === ti ? { ...t, members: [...t.members, { memberId: null, fullName: '', role: 'thanh_vien', position: '' }] } : t)))}>
              Thêm người
            </Button>
          </Paper>
        ))}
        <Button variant="light" size="xs" w={160} leftSection={<IconPlus size={14} />} onClick={() => setTeams((l) => [...l, { key: k(), name: `Đoàn số ${l.length + 1}`, members: [] }])}>
          Thêm đoàn
        </Button>

        <Text fw={600}>Đơn vị được kiểm tra</Text>
        {targets.map((t, i) => {
          const set = (change: Partial<TargetDraft>) => setTargets((l) => l.map((x, j) => (j === i ? { ...x, ...change } : x)));
          return (
            <Group key={t.key} gap="xs" align="flex-start" wrap="nowrap">
              <div style={{ width: 320 }}>
                <UnitSelect label={i === 0 ? 'Đơn vị' : ''} aria-label={`Đơn vị được kiểm tra ${i + 1}`} value={t.unitId} onChange={(v) => set({ unitId: v })} error={errors[`targets.${i}.unitId`]} />
              </div>
              <Select label={i === 0 ? 'Loại hình (nếu khác)' : ''} placeholder="Theo đơn vị" clearable data={Object.entries(QCDC_TYPE_LABELS).map(([value, label]) => ({ value, label }))} value={t.qcdcType} onChange={(v) => set({ qcdcType: v })} w={260} />
              <Select label={i === 0 ? 'Đoàn' : ''} clearable data={teamOptions} value={t.teamIndex === null ? null : String(t.teamIndex)} onChange={(v) => set({ teamIndex: v === null ? null : Number(v) })} w={150} />
              <DateInput label={i === 0 ? 'Ngày làm việc' : ''} aria-label={`Ngày làm việc ${i + 1}`} value={t.visitDate} onChange={(v) => set({ visitDate: v })} w={150} clearable error={errors[`targets.${i}.visitDate`]} />
              <ActionIcon variant="subtle" color="red" mt={i === 0 ? 30 : 6} aria-label="Bỏ đơn vị" onClick={() => setTargets((l) => l.filter((_, j) => j !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        <Group justify="space-between">
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setTargets((l) => [...l, { key: k(), unitId: null, teamIndex: teams.length ? 0 : null, qcdcType: null, visitDate: null }])}>
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
    </Modal>
  );
}
