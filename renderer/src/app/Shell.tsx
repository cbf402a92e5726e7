import { Suspense } from 'react';
import { Anchor, AppShell, Box, Center, Group, Loader, NavLink, ScrollArea, Text, Title, Tooltip } from '@mantine/core';
import { IconBuildingBank } from '@tabler/icons-react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { AREAS } from './areas';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { useApiQuery } from '../lib/query';
import { useToday } from '../lib/useToday';

/** "Thứ sáu, 27/11/2026": officers date documents and deadlines against today (the core's date). */
export function todayLabel(iso: string): string {
  const label = dayjs(iso).locale('vi').format('dddd, DD/MM/YYYY');
  return label.charAt(0).toLocaleUpperCase('vi') + label.slice(1);
}

function TodayLabel() {
  const today = useToday();
  return (
    <Text size="sm" c="dimmed" style={{ flexShrink: 0, marginLeft: 'auto' }} data-testid="header-today">
      {todayLabel(today)}
    </Text>
  );
}

/** The committee the app is set up for, in the header, so the officer knows whose data this is. */
function CommitteeName() {
  const settings = useApiQuery('settings.get', {});
  const profile = settings.data?.profile;
  if (!profile) return null;
  if (!settings.data?.configured) {
    return (
      <Anchor component={RouterLink} to="/cai-dat" size="sm" fw={600} c="orange.8" data-testid="header-committee">
        Chưa khai báo thông tin cơ quan – bấm để khai báo
      </Anchor>
    );
  }
  const name = profile.committeeName;
  const parent = profile.parentBody;
  return (
    <Tooltip label={[parent, name].filter(Boolean).join(' – ')} openDelay={400} multiline maw={520}>
      <Group gap={8} wrap="nowrap" miw={0} style={{ flex: 1 }} data-testid="header-committee">
        <IconBuildingBank size={18} stroke={1.6} style={{ flexShrink: 0, color: 'var(--mantine-color-blue-7)' }} />
        <Box miw={0}>
          <Text size="sm" fw={600} truncate="end" lh={1.25}>
            {name}
          </Text>
          {parent && (
            <Text size="xs" c="dimmed" truncate="end" lh={1.25}>
              {parent}
            </Text>
          )}
        </Box>
      </Group>
    </Tooltip>
  );
}

export function Shell() {
  const location = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 256, breakpoint: 0 }} padding="md">
      <a className="skip-link" href="#noi-dung" onClick={(e) => {
        e.preventDefault();
        document.getElementById('noi-dung')?.focus();
      }}>
        Bỏ qua menu, đến nội dung
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" gap="lg" wrap="nowrap">
          <Group gap={6} wrap="nowrap" w={224} style={{ flexShrink: 0 }}>
            <Title order={4} c="blue.8" style={{ whiteSpace: 'nowrap' }}>
              QCDC Desk
            </Title>
          </Group>
          <CommitteeName />
          <TodayLabel />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Điều hướng chính" component="nav">
        <AppShell.Section grow component={ScrollArea}>
          {AREAS.map((area) => {
            const active = location.pathname.startsWith(area.path);
            return (
              <NavLink
                key={area.path}
                component={RouterLink}
                to={area.path}
                label={area.label}
                leftSection={<area.icon size={19} stroke={1.6} />}
                active={active}
                aria-current={active ? 'page' : undefined}
                className="qcdc-nav-link"
              />
            );
          })}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="xs" pt="xs" lh={1.4}>
            Quy chế dân chủ ở cơ sở và phong trào &quot;Dân vận khéo&quot;
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="noi-dung" tabIndex={-1} style={{ outline: 'none' }}>
        <ErrorBoundary key={location.pathname}>
          <Suspense
            fallback={
              <Center h={200}>
                <Loader aria-label="Đang tải" />
              </Center>
            }
          >
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
