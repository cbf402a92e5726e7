import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';

/** Placeholder for an area that a later issue builds: says so plainly, in Vietnamese. */
export function UnderConstruction({ title, description }: { title: string; description: string }) {
  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <Alert icon={<IconTools size={18} />} color="gray" title="Chức năng đang xây dựng">
        <Text size="sm">{description}</Text>
      </Alert>
    </Stack>
  );
}
