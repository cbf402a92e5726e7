import { Suspense } from 'react';
import { AppShell, Group, Loader, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { AREAS } from './areas';
import { ErrorBoundary } from '../components/ErrorBoundary';

export function Shell() {
  const location = useLocation();
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 250, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={4} c="blue.8">
              QCDC Desk
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="sm">
              Quy chế dân chủ ở cơ sở và phong trào &quot;Dân vận khéo&quot;
            </Text>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Điều hướng chính">
        <ScrollArea>
          {AREAS.map((area) => (
            <NavLink
              key={area.path}
              component={RouterLink}
              to={area.path}
              label={area.label}
              leftSection={<area.icon size={18} stroke={1.6} />}
              active={location.pathname.startsWith(area.path)}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<Loader aria-label="Đang tải" />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
