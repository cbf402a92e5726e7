import { Badge, Box, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { LazyBarChart } from '../../components/LazyBarChart';
import type { ModelStats } from '../../../../shared/schemas/models';
import { formatNumber, formatPercent } from '../../lib/format';

function Card({ label, value, previous, hint }: { label: string; value: number; previous?: number; hint?: string }) {
  const delta = previous === undefined ? null : value - previous;
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={26} lh={1.2}>
        {formatNumber(value)}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      {delta !== null && (
        <Text size="xs" c={delta > 0 ? 'green' : delta < 0 ? 'red' : 'dimmed'}>
          {delta === 0 ? 'bằng năm trước' : `${delta > 0 ? '+' : ''}${formatNumber(delta)} so với năm trước`}
        </Text>
      )}
    </Paper>
  );
}

/** One year's statistics: the figures the conference report quotes, by unit and by field. */
export function StatsPanel({ stats }: { stats: ModelStats }) {
  // No comparison with a year that has no records at all ("+2.273 so với năm trước" against nothing).
  const p = stats.previous.registered > 0 ? stats.previous : { registered: undefined, recognised: undefined, typical: undefined, commended: undefined };
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 3, lg: 6 }}>
        <Card label="Mô hình đăng ký (lượt)" value={stats.registered} previous={p.registered} hint={`${formatNumber(stats.newCount)} mới, ${formatNumber(stats.carriedCount)} duy trì`} />
        <Card label="Trong đó tập thể" value={stats.collective} hint={`cá nhân: ${formatNumber(stats.individual)}`} />
        <Card label="Được công nhận" value={stats.recognised} previous={p.recognised} hint={formatPercent(stats.recognised, stats.registered)} />
        <Card label="Điển hình" value={stats.typical} previous={p.typical} />
        <Card label="Biểu dương, khen thưởng" value={stats.commended} previous={p.commended} />
        <Paper withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            Họp xét
          </Text>
          <Text fw={700} fz={26} lh={1.2} data-testid="units-reviewed">
            {stats.unitsReviewed}/{stats.unitsTotal}
          </Text>
          <Text size="xs" c="dimmed">
            đảng bộ, chi bộ trực thuộc đã họp xét
          </Text>
        </Paper>
      </SimpleGrid>
      {stats.byUnit.length > 0 && (
        <Paper withBorder p="sm" radius="md">
          <Title order={5} mb="xs">
            Theo đơn vị
          </Title>
          <LazyBarChart
            h={220}
            data={stats.byUnit.map((u) => ({ unit: u.unitName, 'Đăng ký': u.registered, 'Công nhận': u.recognised }))}
            dataKey="unit"
            withLegend
            series={[
              { name: 'Đăng ký', color: 'blue.5' },
              { name: 'Công nhận', color: 'green.6' },
            ]}
            valueFormatter={(v) => formatNumber(v)}
          />
          <Table mt="sm" withTableBorder striped verticalSpacing={4} aria-label="Thống kê theo đơn vị">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Đơn vị</Table.Th>
                <Table.Th ta="right">Đăng ký</Table.Th>
                <Table.Th ta="right">Tập thể</Table.Th>
                <Table.Th ta="right">Cá nhân</Table.Th>
                <Table.Th ta="right">Mới</Table.Th>
                <Table.Th ta="right">Duy trì</Table.Th>
                <Table.Th ta="right">Công nhận</Table.Th>
                <Table.Th ta="right">Điển hình</Table.Th>
                <Table.Th ta="right">Khen thưởng</Table.Th>
                <Table.Th>Họp xét</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.byUnit.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>{u.unitName}</Table.Td>
                  {[u.registered, u.collective, u.individual, u.newCount, u.carriedCount, u.recognised, u.typical, u.commended].map((v, i) => (
                    <Table.Td key={i} ta="right">
                      {formatNumber(v)}
                    </Table.Td>
                  ))}
                  <Table.Td>{u.reviewed ? <Badge color="green" variant="light">Đã họp xét</Badge> : <Badge color="gray" variant="light">Chưa</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {stats.byField.length > 0 && (
        <Paper withBorder p="sm" radius="md">
          <Title order={5} mb="xs">
            Theo lĩnh vực
          </Title>
          <Stack gap={6}>
            {stats.byField.map((f) => (
              <Group key={f.fieldId ?? 'none'} gap="sm" wrap="nowrap">
                <Text size="sm" w={420} lineClamp={1}>
                  {f.fieldName}
                </Text>
                <Box style={{ flex: 1, background: 'var(--mantine-color-gray-1)', borderRadius: 4, height: 14 }}>
                  <Box style={{ width: `${stats.registered ? (f.registered / stats.registered) * 100 : 0}%`, background: 'var(--mantine-color-blue-5)', height: 14, borderRadius: 4 }} />
                </Box>
                <Text size="sm" w={180} ta="right">
                  {formatNumber(f.registered)} · công nhận {formatNumber(f.recognised)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
