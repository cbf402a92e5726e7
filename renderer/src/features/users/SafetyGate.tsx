import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Card, Center, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { api, onEvent } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { DamagedDatabase } from '../backup/DamagedDatabase';

/** The sign-in card shown while the app is locked (named users exist and nobody is signed in). */
export function LockScreen({ users }: { users: Array<{ id: string; name: string; hasPassword: boolean }> }) {
  const client = useQueryClient();
  const [userId, setUserId] = useState<string | null>(users.length === 1 ? users[0]!.id : null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = users.find((u) => u.id === userId);
  const submit = async () => {
    if (!userId) return setError('Hãy chọn tên của bạn.');
    setBusy(true);
    try {
      await api('users.signIn', { userId, ...(password ? { password } : {}) });
      setPassword('');
      setError(null);
      await client.invalidateQueries();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Không đăng nhập được.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center mih="100vh" bg="gray.0">
      <Card withBorder shadow="sm" w={400} p="xl" aria-label="Đăng nhập">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Stack gap={4} align="center">
              <IconLock size={32} />
              <Title order={3}>QCDC Desk đang khóa</Title>
              <Text size="sm" c="dimmed" ta="center">
                Chọn tên và nhập mật khẩu để tiếp tục.
              </Text>
            </Stack>
            <Select label="Người dùng" data={users.map((u) => ({ value: u.id, label: u.name }))} value={userId} onChange={setUserId} allowDeselect={false} />
            {(!selected || selected.hasPassword) && (
              <PasswordInput label="Mật khẩu" value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-autofocus />
            )}
            {error && (
              <Text c="red" size="sm" role="alert">
                {error}
              </Text>
            )}
            <Button type="submit" loading={busy}>
              Đăng nhập
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}

/**
 * Wraps the app: a damaged database shows the recovery screen, a locked app shows the sign-in
 * card, and after the idle time without mouse or keyboard the app locks itself (the core also
 * refuses calls after the idle time, so a forgotten window is protected either way).
 */
export function SafetyGate({ children }: { children: ReactNode }) {
  const integrity = useApiQuery('integrity.status', {}, { staleTime: Infinity });
  const lock = useApiQuery('lock.status', {}, { refetchInterval: 60_000 });
  const client = useQueryClient();
  const lastInput = useRef(Date.now());
  const idleMinutes = lock.data?.usersEnabled && !lock.data.locked ? lock.data.idleMinutes : 0;

  // The start-up check may finish after the first screen (large registers): damage found then
  // switches to the recovery screen at once.
  useEffect(() => onEvent('integrity.changed', () => void client.invalidateQueries({ queryKey: ['integrity.status'] })), [client]);

  useEffect(() => {
    if (!idleMinutes) return;
    const touch = () => (lastInput.current = Date.now());
    const events = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, touch, { passive: true }));
    const timer = window.setInterval(() => {
      if (Date.now() - lastInput.current > idleMinutes * 60_000) {
        void api('lock.lock', {}).then(() => client.invalidateQueries({ queryKey: ['lock.status'] }));
      }
    }, 15_000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, touch));
      window.clearInterval(timer);
    };
  }, [idleMinutes, client]);

  // The lock comes first, damaged database or not: restoring (admin only) and downloading a backup
  // need a signed-in user, so the recovery screen is shown to whoever signed in.
  if (lock.data?.locked) return <LockScreen users={lock.data.users} />;
  if (integrity.data && !integrity.data.ok) {
    return <DamagedDatabase status={integrity.data} onRestored={() => void client.invalidateQueries()} />;
  }
  return <>{children}</>;
}
