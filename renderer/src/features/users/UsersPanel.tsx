import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconInfoCircle, IconLock, IconUserPlus } from '@tabler/icons-react';
import { USER_ROLE_LABELS, USER_ROLES, type AppUser, type UserRole } from '../../../../shared/schemas/users';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { formatDateTime } from '../../lib/format';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';
import { ErrorAlert } from '../../components/ErrorAlert';

const IDLE = [
  { value: '0', label: 'Không tự khóa' },
  { value: '5', label: 'Sau 5 phút' },
  { value: '10', label: 'Sau 10 phút' },
  { value: '15', label: 'Sau 15 phút' },
  { value: '30', label: 'Sau 30 phút' },
  { value: '60', label: 'Sau 60 phút' },
];

const INVALIDATE = ['users.list', 'lock.status'] as const;

export function UsersPanel() {
  const status = useApiQuery('lock.status', {});
  const users = useApiQuery('users.list', {}, { enabled: !status.data?.usersEnabled || status.data?.current?.role === 'admin' });
  const confirm = useConfirm();
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('admin');
  const [password, setPassword] = useState('');
  const create = useApiMutation('users.create', {
    invalidate: [...INVALIDATE],
    onSuccess: (u) => {
      showSuccess(`Đã thêm người dùng ${u.name}.`);
      setName('');
      setPassword('');
    },
  });
  const remove = useApiMutation('users.delete', { invalidate: [...INVALIDATE], onError: showError });
  const update = useApiMutation('users.update', { invalidate: [...INVALIDATE], onError: showError });
  const configure = useApiMutation('lock.configure', { invalidate: ['lock.status'], onError: showError });
  const lock = useApiMutation('lock.lock', { invalidate: ['lock.status'], onError: showError });
  const s = status.data;
  const first = s && !s.usersEnabled;

  const del = async (u: AppUser) => {
    if (await confirm({ title: 'Xóa người dùng?', message: `${u.name} sẽ không đăng nhập được nữa (có thể khôi phục trong thùng rác).`, confirmLabel: 'Xóa', danger: true })) {
      remove.mutate({ id: u.id });
    }
  };
  return (
    <Stack gap="md">
      <ErrorAlert error={status.error ?? users.error} />
      {first && (
        <Alert variant="light" icon={<IconInfoCircle size={16} />} title="Chưa bật đăng nhập">
          Hiện mọi người dùng máy này đều làm được mọi việc, nhật ký ghi theo tên tài khoản Windows. Khi thêm người dùng đầu tiên (phải là
          quản trị), phần mềm sẽ yêu cầu đăng nhập, ghi tên người thao tác vào nhật ký và tự khóa khi để máy không dùng.
        </Alert>
      )}
      {s?.current && (
        <Group justify="space-between">
          <Text size="sm">
            Đang đăng nhập: <b>{s.current.name}</b> — {s.current.roleLabel}
          </Text>
          <Button variant="default" leftSection={<IconLock size={16} />} onClick={() => lock.mutate({})}>
            Khóa ngay
          </Button>
        </Group>
      )}
      {users.data && users.data.users.length > 0 && (
        <Table withTableBorder striped fz="sm" aria-label="Người dùng">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tên</Table.Th>
              <Table.Th w={300}>Vai trò</Table.Th>
              <Table.Th w={110}>Mật khẩu</Table.Th>
              <Table.Th w={150}>Ngày tạo</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`Vai trò của ${u.name}`}
                    allowDeselect={false}
                    data={USER_ROLES.map((r) => ({ value: r, label: USER_ROLE_LABELS[r] }))}
                    value={u.role}
                    onChange={(v) => v && v !== u.role && update.mutate({ id: u.id, role: v as UserRole })}
                  />
                </Table.Td>
                <Table.Td>{u.hasPassword ? <Badge variant="light" tt="none">Có</Badge> : <Badge color="gray" variant="light" tt="none">Không</Badge>}</Table.Td>
                <Table.Td>{formatDateTime(u.createdAt)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" onClick={() => void del(u)}>
                    Xóa
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ name, role: first ? 'admin' : role, ...(password ? { password } : {}) });
          }}
        >
          <Text fw={600} mb="xs">
            {first ? 'Thêm người quản trị đầu tiên' : 'Thêm người dùng'}
          </Text>
          <Group align="flex-end">
            <TextInput label="Họ tên" required w={240} value={name} onChange={(e) => setName(e.currentTarget.value)} error={create.error?.fields.name} />
            <Select
              label="Vai trò"
              w={300}
              allowDeselect={false}
              disabled={first}
              data={USER_ROLES.map((r) => ({ value: r, label: USER_ROLE_LABELS[r] }))}
              value={first ? 'admin' : role}
              onChange={(v) => v && setRole(v as UserRole)}
              error={create.error?.fields.role}
            />
            <PasswordInput
              label="Mật khẩu (ít nhất 6 ký tự)"
              description="Có thể để trống với tài khoản chỉ xem"
              w={240}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={create.error?.fields.password}
            />
            <Button type="submit" leftSection={<IconUserPlus size={16} />} loading={create.isPending}>
              Thêm
            </Button>
          </Group>
          {create.error && !Object.keys(create.error.fields).length && (
            <Text c="red" size="sm" mt="xs">
              {create.error.message}
            </Text>
          )}
        </form>
      </Paper>
      {s?.usersEnabled && (
        <Group align="flex-end">
          <Select
            label="Tự khóa khi không dùng"
            w={220}
            allowDeselect={false}
            data={IDLE}
            value={String(s.idleMinutes)}
            onChange={(v) => v !== null && configure.mutate({ idleMinutes: Number(v) })}
          />
          <Text size="xs" c="dimmed" maw={520}>
            Quyền: quản trị làm được mọi việc; nhập liệu không sửa cài đặt, không phục hồi dữ liệu, không quản lý người dùng; chỉ xem
            không thay đổi được gì.
          </Text>
        </Group>
      )}
    </Stack>
  );
}
