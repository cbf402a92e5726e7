/** The editor's form sections: general facts, attendance, opinions, conclusions with tasks. */
import { useMemo, useState } from 'react';
import { useApiQuery } from '../../lib/query';
import { useToday } from '../../lib/useToday';
import { TaskDrawer } from '../tasks/TaskDrawer';
import { DueBadge } from '../tasks/badges';
import {
  ActionIcon,
  Autocomplete,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Tooltip,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, type AttendanceStatus, type Meeting, type MeetingLookups } from '../../../../shared/schemas/meetings';
import { emptyConclusion, emptyOpinion, emptyTask, type MeetingFormValues } from './formModel';
import { SIGNING_MODES, SIGNING_MODE_LABELS, signatureTitleLines, type SigningMode } from '../../../../shared/schemas/settings';
import { foldedFilter } from '../../components/pickers';

type Form = UseFormReturnType<MeetingFormValues>;

const TASK_STATUS_LABELS: Record<string, string> = {
  chua_thuc_hien: 'Chưa thực hiện',
  dang_thuc_hien: 'Đang thực hiện',
  hoan_thanh: 'Hoàn thành',
  tam_dung: 'Tạm dừng',
};

/** Picks a member by name: fills the position too, but any other name can be typed. */
function PersonFields({ form, path, label, lookups }: { form: Form; path: 'chair' | 'secretary'; label: string; lookups: MeetingLookups }) {
  const names = [...new Set(lookups.members.map((m) => m.fullName))];
  return (
    <>
      <Autocomplete
        label={label}
        withAsterisk
        data={names}
        {...form.getInputProps(`${path}.name`)}
        onChange={(name) => {
          form.setFieldValue(`${path}.name`, name);
          const m = lookups.members.find((x) => x.fullName === name);
          if (m) {
            form.setFieldValue(`${path}.memberId`, m.id);
            form.setFieldValue(`${path}.position`, m.position);
          } else {
            form.setFieldValue(`${path}.memberId`, null);
          }
        }}
      />
      <TextInput label={`Chức vụ ${label.toLowerCase()}`} {...form.getInputProps(`${path}.position`)} />
    </>
  );
}

export function GeneralSection({ form, lookups, numberText }: { form: Form; lookups: MeetingLookups; numberText?: string | null }) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <Select
          label="Loại hội nghị"
          placeholder="Chọn trong danh mục"
          clearable
          searchable
          filter={foldedFilter}
          data={lookups.kinds.map((k) => ({ value: k.id, label: k.name }))}
          {...form.getInputProps('kindId')}
        />
        {numberText ? (
          // A number once issued stays with the minutes, also when they are re-opened.
          <TextInput label="Số biên bản" description="Đã cấp trong sổ đăng ký văn bản" value={numberText} readOnly />
        ) : (
          <TextInput label="Số biên bản" description="Để trống: cấp số tiếp theo khi hoàn tất" placeholder="tự động" {...form.getInputProps('manualNumber')} />
        )}
        <TextInput label="Ngày thông báo kết luận" description="Để trống: cùng ngày họp" placeholder="dd/mm/yyyy" {...form.getInputProps('noticeDate')} />
      </SimpleGrid>
      <Textarea label="Tên hội nghị" withAsterisk autosize minRows={1} maxRows={3} {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
        <TextInput label="Ngày họp" withAsterisk placeholder="dd/mm/yyyy" {...form.getInputProps('date')} />
        <TextInput label="Giờ bắt đầu" withAsterisk placeholder="08:00" {...form.getInputProps('startTime')} />
        <TextInput label="Giờ kết thúc" placeholder="11:30" {...form.getInputProps('endTime')} />
        <TextInput label="Địa điểm" {...form.getInputProps('place')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
        <PersonFields form={form} path="chair" label="Chủ trì" lookups={lookups} />
        <PersonFields form={form} path="secretary" label="Thư ký" lookups={lookups} />
      </SimpleGrid>
      <Textarea label="Mục đích, nội dung" autosize minRows={2} maxRows={6} {...form.getInputProps('purpose')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Textarea label="Chương trình hội nghị" description="Mỗi dòng một nội dung" autosize minRows={3} maxRows={8} {...form.getInputProps('agenda')} />
        <Textarea label="Tài liệu sử dụng" description="Mỗi dòng một tài liệu" autosize minRows={3} maxRows={8} {...form.getInputProps('documents')} />
        <Textarea
          label="Đại biểu mời"
          description="Mỗi dòng: họ tên, chức vụ"
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('delegates')}
        />
        <Textarea label="Cơ quan báo chí" description="Mỗi dòng một cơ quan" autosize minRows={2} maxRows={6} {...form.getInputProps('press')} />
      </SimpleGrid>
    </Stack>
  );
}

const STATUS_OPTIONS = ATTENDANCE_STATUSES.map((s) => ({ value: s, label: ATTENDANCE_LABELS[s] }));

export function AttendanceSection({ form, lookups }: { form: Form; lookups: MeetingLookups }) {
  const rows = form.values.attendees;
  const present = rows.filter((a) => a.status === 'present' || a.status === 'late' || a.status === 'left_early').length;
  const missing = lookups.members.filter((m) => !rows.some((a) => a.memberId === m.id));
  const attendeeError = Object.entries(form.errors).find(([k]) => k.startsWith('attendees'))?.[1];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text>
          Có mặt <b>{present}</b>/{rows.length} đồng chí
          {rows.length - present > 0 ? `, vắng mặt ${rows.length - present}` : ''}
        </Text>
        {missing.length > 0 && (
          <Select
            placeholder="Thêm người vào danh sách điểm danh…"
            aria-label="Thêm thành viên vào danh sách"
            searchable
            filter={foldedFilter}
            value={null}
            w={320}
            data={missing.map((m) => ({ value: m.id, label: m.fullName }))}
            onChange={(id) => {
              const m = lookups.members.find((x) => x.id === id);
              if (m) {
                form.insertListItem('attendees', {
                  memberId: m.id,
                  fullName: m.fullName,
                  position: m.position,
                  status: 'present',
                  reason: '',
                  deputyName: '',
                  deputyPosition: '',
                });
              }
            }}
          />
        )}
      </Group>
      {typeof attendeeError === 'string' && (
        <Text c="red" size="sm">
          {attendeeError}
        </Text>
      )}
      <Table withTableBorder verticalSpacing={4} aria-label="Điểm danh thành viên">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>TT</Table.Th>
            <Table.Th>Thành viên</Table.Th>
            <Table.Th w={190}>Tình trạng</Table.Th>
            <Table.Th>Lý do / người dự thay</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a, i) => (
            <Table.Tr key={a.memberId}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {a.fullName}
                </Text>
                <Text size="xs" c="dimmed">
                  {a.position}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Tình trạng – ${a.fullName}`}
                  data={STATUS_OPTIONS}
                  allowDeselect={false}
                  {...form.getInputProps(`attendees.${i}.status`)}
                  onChange={(v) => form.setFieldValue(`attendees.${i}.status`, (v ?? 'present') as AttendanceStatus)}
                />
              </Table.Td>
              <Table.Td>
                {a.status === 'deputy' ? (
                  <Group gap="xs" grow>
                    <TextInput aria-label={`Người dự thay – ${a.fullName}`} placeholder="Họ tên người dự thay" {...form.getInputProps(`attendees.${i}.deputyName`)} />
                    <TextInput aria-label={`Chức vụ người dự thay – ${a.fullName}`} placeholder="Chức vụ" {...form.getInputProps(`attendees.${i}.deputyPosition`)} />
                  </Group>
                ) : a.status !== 'present' ? (
                  <TextInput aria-label={`Lý do – ${a.fullName}`} placeholder="Lý do" {...form.getInputProps(`attendees.${i}.reason`)} />
                ) : null}
              </Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" color="gray" aria-label={`Bỏ ${a.fullName} khỏi danh sách`} onClick={() => form.removeListItem('attendees', i)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function MoveButtons({ form, path, index, count, what }: { form: Form; path: string; index: number; count: number; what: string }) {
  return (
    <Group gap={2}>
      <ActionIcon variant="subtle" color="gray" aria-label={`Đưa ${what} lên`} disabled={index === 0} onClick={() => form.reorderListItem(path, { from: index, to: index - 1 })}>
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={`Đưa ${what} xuống`}
        disabled={index === count - 1}
        onClick={() => form.reorderListItem(path, { from: index, to: index + 1 })}
      >
        <IconArrowDown size={16} />
      </ActionIcon>
      <ActionIcon variant="subtle" color="red" aria-label={`Xóa ${what}`} onClick={() => form.removeListItem(path, index)}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

export function OpinionsSection({ form, lookups }: { form: Form; lookups: MeetingLookups }) {
  const delegatesText = form.values.delegates;
  const speakers = useMemo(() => {
    const delegateNames = delegatesText
      .split('\n')
      .map((l) => l.split(',')[0]!.trim())
      .filter(Boolean);
    return [...new Set([...lookups.members.map((m) => m.fullName), ...delegateNames])];
  }, [lookups.members, delegatesText]);
  const agenda = form.values.agenda
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const opinions = form.values.opinions;
  return (
    <Stack gap="sm">
      {opinions.length === 0 && <Text c="dimmed">Chưa ghi ý kiến nào. Bấm «Thêm ý kiến» và ghi theo thứ tự phát biểu.</Text>}
      {opinions.map((o, i) => (
        <Card key={o.key} withBorder padding="sm">
          <Group justify="space-between" mb={6}>
            <Text fw={600}>Ý kiến {i + 1}</Text>
            <MoveButtons form={form} path="opinions" index={i} count={opinions.length} what={`ý kiến ${i + 1}`} />
          </Group>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <Autocomplete
              label={`Người phát biểu ${i + 1}`}
              withAsterisk
              data={speakers}
              {...form.getInputProps(`opinions.${i}.speakerName`)}
              onChange={(name) => {
                form.setFieldValue(`opinions.${i}.speakerName`, name);
                const m = lookups.members.find((x) => x.fullName === name);
                const delegate = form.values.delegates.split('\n').find((l) => l.split(',')[0]!.trim() === name);
                if (m) form.setFieldValue(`opinions.${i}.speakerPosition`, m.position);
                else if (delegate && delegate.includes(',')) form.setFieldValue(`opinions.${i}.speakerPosition`, delegate.slice(delegate.indexOf(',') + 1).trim());
              }}
            />
            <TextInput label={`Chức vụ người phát biểu ${i + 1}`} {...form.getInputProps(`opinions.${i}.speakerPosition`)} />
            <Autocomplete label={`Về nội dung ${i + 1}`} placeholder="Nội dung chương trình (nếu có)" data={agenda} {...form.getInputProps(`opinions.${i}.agendaItem`)} />
          </SimpleGrid>
          <Textarea mt="xs" label={`Tóm tắt ý kiến ${i + 1}`} withAsterisk autosize minRows={3} maxRows={14} {...form.getInputProps(`opinions.${i}.summary`)} />
        </Card>
      ))}
      <Button variant="light" leftSection={<IconPlus size={16} />} w="fit-content" onClick={() => form.insertListItem('opinions', emptyOpinion())}>
        Thêm ý kiến
      </Button>
    </Stack>
  );
}

export function ConclusionsSection({ form, lookups, meeting }: { form: Form; lookups: MeetingLookups; meeting: Meeting | null }) {
  // Mantine refuses duplicate options: a name shared by two units (or a unit and a person) is offered once.
  const leadOptions = useMemo(() => {
    const unitNames = [...new Set(lookups.units.map((u) => u.name))];
    const taken = new Set(unitNames);
    const memberNames = [...new Set(lookups.members.map((m) => m.fullName))].filter((n) => !taken.has(n));
    return [
      { group: 'Đơn vị', items: unitNames },
      { group: 'Thành viên', items: memberNames },
    ];
  }, [lookups]);
  const unitOptions = lookups.units.map((u) => ({ value: u.id, label: u.name }));
  const saved = new Map((meeting?.conclusions ?? []).flatMap((c) => c.tasks).map((t) => [t.id, t]));
  // The tasks as followed (due state for today): the badges open them, even on locked minutes.
  const followed = useApiQuery('tasks.list', { sourceType: 'meeting', sourceId: meeting?.id ?? '', limit: 500 }, { enabled: !!meeting });
  const followedById = new Map((followed.data?.items ?? []).map((t) => [t.id, t]));
  const [openTask, setOpenTask] = useState<string | null>(null);
  const today = useToday();
  const conclusions = form.values.conclusions;
  return (
    <Stack gap="sm">
      {conclusions.length === 0 && (
        <Text c="dimmed">Chưa có kết luận. Ghi từng ý kết luận của chủ trì; nhiệm vụ giao trong kết luận sẽ được theo dõi ở mục Kế hoạch, nhiệm vụ.</Text>
      )}
      {conclusions.map((c, i) => (
        <Card key={c.key} withBorder padding="sm">
          <Group justify="space-between" mb={6}>
            <Text fw={600}>Kết luận {i + 1}</Text>
            <MoveButtons form={form} path="conclusions" index={i} count={conclusions.length} what={`kết luận ${i + 1}`} />
          </Group>
          <Textarea label={`Nội dung kết luận ${i + 1}`} withAsterisk autosize minRows={2} maxRows={12} {...form.getInputProps(`conclusions.${i}.content`)} />
          <Stack gap="xs" mt="sm" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-blue-2)' }}>
            {c.tasks.map((t, j) => {
              const tracked = t.id ? saved.get(t.id) : undefined;
              const label = `${i + 1}.${j + 1}`;
              return (
                <Stack key={t.key} gap={6}>
                  <Group justify="space-between">
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        Nhiệm vụ {label}
                      </Text>
                      {tracked && (
                        // An anchor, not a button: the locked minutes' fieldset disables buttons.
                        <a
                          role="button"
                          tabIndex={0}
                          aria-label={`Mở nhiệm vụ ${tracked.content}`}
                          style={{ cursor: 'pointer', display: 'inline-flex', gap: 4 }}
                          onClick={() => setOpenTask(tracked.id)}
                          onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setOpenTask(tracked.id)}
                        >
                          <Badge size="sm" variant="light" color={tracked.status === 'hoan_thanh' ? 'green' : 'blue'}>
                            {TASK_STATUS_LABELS[tracked.status] ?? tracked.status} · {tracked.progress}%
                          </Badge>
                          {followedById.get(tracked.id)?.dueState === 'overdue' && <DueBadge task={followedById.get(tracked.id)!} />}
                        </a>
                      )}
                    </Group>
                    <Tooltip label="Xóa nhiệm vụ (chuyển vào thùng rác khi lưu)">
                      <ActionIcon variant="subtle" color="red" aria-label={`Xóa nhiệm vụ ${label}`} onClick={() => form.removeListItem(`conclusions.${i}.tasks`, j)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                  <Textarea aria-label={`Nội dung nhiệm vụ ${label}`} placeholder="Nội dung nhiệm vụ" autosize minRows={1} maxRows={6} {...form.getInputProps(`conclusions.${i}.tasks.${j}.content`)} />
                  <SimpleGrid cols={{ base: 1, md: 4 }} spacing="xs">
                    <Autocomplete
                      label={`Chủ trì ${label}`}
                      placeholder="Đơn vị, thành viên hoặc ghi khác"
                      data={leadOptions}
                      {...form.getInputProps(`conclusions.${i}.tasks.${j}.lead`)}
                      error={form.errors[`conclusions.${i}.tasks.${j}.leadText`] ?? form.errors[`conclusions.${i}.tasks.${j}.lead`]}
                    />
                    <MultiSelect label={`Phối hợp ${label}`} searchable filter={foldedFilter} data={unitOptions} {...form.getInputProps(`conclusions.${i}.tasks.${j}.coordinatorUnitIds`)} />
                    <TextInput label={`Phối hợp khác ${label}`} placeholder="Các cơ quan liên quan…" {...form.getInputProps(`conclusions.${i}.tasks.${j}.coordinatorText`)} />
                    <Group gap="xs" align="flex-end" wrap="nowrap">
                      <TextInput
                        label={`Thời hạn ${label}`}
                        placeholder="dd/mm/yyyy"
                        disabled={t.recurring}
                        style={{ flex: 1 }}
                        {...form.getInputProps(`conclusions.${i}.tasks.${j}.deadline`)}
                      />
                      <Checkbox mb={8} label="Thường xuyên" aria-label={`Thường xuyên ${label}`} {...form.getInputProps(`conclusions.${i}.tasks.${j}.recurring`, { type: 'checkbox' })} />
                    </Group>
                  </SimpleGrid>
                </Stack>
              );
            })}
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              w="fit-content"
              onClick={() => form.insertListItem(`conclusions.${i}.tasks`, emptyTask())}
            >
              Thêm nhiệm vụ cho kết luận {i + 1}
            </Button>
          </Stack>
        </Card>
      ))}
      <Button variant="light" leftSection={<IconPlus size={16} />} w="fit-content" onClick={() => form.insertListItem('conclusions', emptyConclusion())}>
        Thêm kết luận
      </Button>
      <TaskDrawer taskId={openTask} today={today} onClose={() => setOpenTask(null)} />
    </Stack>
  );
}

/**
 * How the thông báo kết luận is signed and whom it is sent to, chosen for this notice: "Nơi nhận"
 * starts from the tasks' leads and coordinators with the settings' report-to and "Lưu" lines (shown
 * until the officer edits it); the signature from the settings' default unless another is chosen.
 */
export function NoticeSigningSection({ form, meeting }: { form: Form; meeting: Meeting | null }) {
  const prefilled = meeting?.noticeRecipientsDefault ?? [];
  const v = form.values;
  const mode = (v.noticeSignatureMode ?? '') as SigningMode | '';
  const needsTitle = mode === 'deputy' || mode === 'byOrder';
  return (
    <Stack gap="sm" mt="md">
      <Text fw={600}>Ký và gửi thông báo kết luận</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Stack gap="xs">
          <Textarea
            label="Nơi nhận (mỗi dòng một nơi)"
            description={v.noticeRecipients?.trim() ? 'Đã sửa cho văn bản này; xóa hết để dùng danh sách tự động.' : 'Đang dùng danh sách tự động bên dưới; gõ vào đây để sửa.'}
            autosize
            minRows={3}
            maxRows={10}
            placeholder={prefilled.join('\n')}
            {...form.getInputProps('noticeRecipients')}
          />
          {!v.noticeRecipients?.trim() && prefilled.length > 0 && (
            <Button variant="subtle" size="xs" onClick={() => form.setFieldValue('noticeRecipients', prefilled.join('\n'))}>
              Chép danh sách tự động vào ô để sửa
            </Button>
          )}
        </Stack>
        <Stack gap="xs">
          <Select
            label="Cách ký"
            data={[{ value: '', label: 'Theo cài đặt chung' }, ...SIGNING_MODES.map((m) => ({ value: m, label: SIGNING_MODE_LABELS[m] }))]}
            value={mode}
            onChange={(value) => form.setFieldValue('noticeSignatureMode', value ?? '')}
            allowDeselect={false}
          />
          {mode && (
            <SimpleGrid cols={needsTitle ? 2 : 1} spacing="sm">
              <TextInput label="Họ tên người ký" {...form.getInputProps('noticeSignerName')} />
              {needsTitle && <TextInput label="Chức vụ in dưới dòng ký" placeholder={signatureTitleLines(mode)[1]} {...form.getInputProps('noticeSignerTitle')} />}
            </SimpleGrid>
          )}
          {mode && (
            <Text size="xs" c="dimmed">
              In: {signatureTitleLines(mode, v.noticeSignerTitle ?? '').join(' / ')}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
