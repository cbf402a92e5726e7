import type { ReactNode } from 'react';
import { Box, Group, Text, Title } from '@mantine/core';

/**
 * The top of every page: a title, one line saying what the page is for, and the page's main
 * actions on the right (primary action last).
 *
 *   <PageHeader title="Hội nghị, cuộc họp" description="…" actions={<Button>Thêm hội nghị</Button>} />
 */
export function PageHeader({
  title,
  description,
  actions,
  badge,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** Small element next to the title (a count, a status badge). */
  badge?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md" gap="md">
      <Box miw={0}>
        <Group gap="xs" align="center" wrap="nowrap">
          <Title order={2} fz={22} lh={1.3}>
            {title}
          </Title>
          {badge}
        </Group>
        {description && (
          <Text size="sm" c="dimmed" mt={2}>
            {description}
          </Text>
        )}
      </Box>
      {actions && (
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {actions}
        </Group>
      )}
    </Group>
  );
}
