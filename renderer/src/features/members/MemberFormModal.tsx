import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS, memberCreateSchema, type MemberFieldsInput, type MemberListItem } from '../../../../shared/schemas/members';
import { useApiMutation } from '../../lib/query';
import { applyServerErrors, parseForm, zodResolver } from '../../lib/zodForm';
import { showError, showSuccess } from '../../components/notify';

export const ROLE_OPTIONS = MEMBER_ROLES.map((r) => ({ value: r, label: MEMBER_ROLE_LABELS[r] }));

const EMPTY: MemberFieldsInput = { fullName: '', role: 'uy_vien', position: '', agency: '', phone: '', email: '', termFrom: null, termTo: null };

/** Add or edit a committee member; Enter saves. */
export function MemberFormModal({ opened, onClose, member }: { opened: boolean; onClose: () => void; member?: MemberListItem | null }) {
  return (
    <Modal opened={opened} onClose={onClose} title={member ? `Sửa thông tin: ${member.fullName}` : 'Thêm thành viên Ban Chỉ đạo'} size="lg">
      {/* Mounted per opening and per member, so the form starts from that member's values. */}
      {opened && <MemberForm key={member?.id ?? 'new'} onClose={onClose} member={member ?? null} />}
    </Modal>
  );
}

function initialValues(member: MemberListItem | null): MemberFieldsInput {
  return member
    ? {
        fullName: member.fullName,
        role: member.role,
        position: member.position ?? '',
        agency: member.agency ?? '',
        phone: member.phone ?? '',
        email: member.email ?? '',
        termFrom: member.termFrom,
        termTo: member.termTo,
      }
    : EMPTY;
}

function MemberForm({ onClose, member }: { onClose: () => void; member: MemberListItem | null }) {
  const form = useForm<MemberFieldsInput>({ mode: 'controlled', initialValues: initialValues(member), validate: zodResolver(memberCreateSchema) });
  const create = useApiMutation('members.create', { invalidate: ['members.list'] });
  const update = useApiMutation('members.update', { invalidate: ['members.list', 'assignments.list', 'units.list'] });

  const submit = form.onSubmit(async (values) => {
    try {
      const parsed = parseForm(memberCreateSchema, values);
      if (member) await update.mutateAsync({ id: member.id, ...parsed });
      else await create.mutateAsync(parsed);
      showSuccess(member ? `Đã lưu thông tin đồng chí ${parsed.fullName}.` : `Đã thêm đồng chí ${parsed.fullName}.`);
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error)) showError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput label="Họ và tên" required data-autofocus {...form.getInputProps('fullName')} />
          <Select label="Chức danh trong Ban Chỉ đạo" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
        </SimpleGrid>
        <TextInput label="Chức vụ" placeholder="Ví dụ: Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy" {...form.getInputProps('position')} value={form.values.position ?? ''} />
        <TextInput label="Cơ quan, đơn vị công tác" {...form.getInputProps('agency')} value={form.values.agency ?? ''} />
        <SimpleGrid cols={2}>
          <TextInput label="Điện thoại" {...form.getInputProps('phone')} value={form.values.phone ?? ''} />
          <TextInput label="Thư điện tử" {...form.getInputProps('email')} value={form.values.email ?? ''} />
          <DateInput label="Tham gia từ ngày" {...form.getInputProps('termFrom')} value={form.values.termFrom ?? null} />
          <DateInput label="Đến ngày" {...form.getInputProps('termTo')} value={form.values.termTo ?? null} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {member ? 'Lưu thay đổi' : 'Thêm thành viên'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
