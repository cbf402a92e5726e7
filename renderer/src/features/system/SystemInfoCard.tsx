import { Badge, Card, Code, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiQuery } from '../../lib/query';

const TRANSPORT_LABEL = { electron: 'Ứng dụng máy tính', harness: 'Trình duyệt (máy chủ cục bộ)', test: 'Kiểm thử' } as const;

/**
 * "Thông tin hệ thống": what support staff ask for on the phone — version, where the data lives,
 * the schema version and whether the start-up integrity check passed.
 */
export function SystemInfoCard() {
  const info = useApiQuery('system.info', {});
  const d = info.data;
  const rows: [string, React.ReactNode][] = d
    ? [
        ['Phiên bản', d.appVersion],
        ['Chế độ chạy', TRANSPORT_LABEL[d.transport]],
        ['Thư mục dữ liệu', <Code key="dir" style={{ wordBreak: 'break-all' }}>{d.dataDir}</Code>],
        ['Tệp cơ sở dữ liệu', <Code key="db" style={{ wordBreak: 'break-all' }}>{d.databaseFile}</Code>],
        ['Phiên bản dữ liệu', `${d.schemaVersion} (${d.migrations} bước cập nhật)`],
        [
          'Kiểm tra toàn vẹn',
          d.integrity === 'ok' ? (
            <Badge key="i" color="green" variant="light">
              Tốt
            </Badge>
          ) : (
            <Badge key="i" color="red" variant="light" title={d.integrity}>
              Có lỗi: {d.integrity}
            </Badge>
          ),
        ],
      ]
    : [];
  return (
    <Card withBorder padding="md">
      <Group gap={6} mb="xs">
        <IconInfoCircle size={18} stroke={1.6} />
        <Title order={4} fz="md">
          Thông tin hệ thống
        </Title>
      </Group>
      <ErrorAlert error={info.error} onRetry={() => void info.refetch()} />
      {info.isPending ? (
        <Stack gap={6}>
          {[1, 2, 3, 4].map((k) => (
            <Skeleton key={k} h={18} />
          ))}
        </Stack>
      ) : (
        <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={0} fz="sm" aria-label="Thông tin hệ thống">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Td w={150} valign="top">
                  <Text size="sm" c="dimmed">
                    {label}
                  </Text>
                </Table.Td>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
