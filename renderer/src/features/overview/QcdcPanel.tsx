/**
 * The overview's Quy chế dân chủ panel: per loại hình the units that reported (x/y) and the key
 * figures of the year, a chart of reporting, and a drill-down to the units (and register rows)
 * behind every number.
 */
import { useState } from 'react';
import { Anchor, Badge, Drawer, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { StatIndicator, StatType } from '../../../../shared/schemas/qcdc';
import { QCDC_TYPE_SHORT_LABELS, type QcdcType } from '../../../../shared/schemas/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyBarChart } from '../../components/LazyBarChart';
import { formatDate, formatNumber } from '../../lib/format';
import { useApiQuery } from '../../lib/query';
import { deltaText } from './Figure';

/** Axis labels short enough for four bars in a third of the page. */
const CHART_LABELS: Record<QcdcType, string> = { xa_phuong: 'Xã, phường', co_quan_nha_nuoc: 'Cơ quan', doanh_nghiep: 'Doanh nghiệp', luc_luong_vu_trang: 'LLVT' };

/** How many figures each loại hình shows on the overview (the rest are one click away). */
const KEY_FIGURES = 4;

/** "2.360", "18/20 đơn vị", "45,5%", or "—" when nothing was reported. */
export function statText(i: StatIndicator): string {
  // No unit gave a figure: "0" would claim a result nobody reported.
  if (i.total === null || i.unitsWithValue === 0) return '—';
  // No unit answered the yes/no: nothing to count ("0/0" reads like a failure).
  if (i.kind === 'yesno') return i.of ? `${formatNumber(i.total)}/${formatNumber(i.of)}` : '—';
  if (i.kind === 'ratio') return `${i.total.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
  if (i.kind === 'text') return `${formatNumber(i.total)} đơn vị`;
  return formatNumber(i.total);
}

type Drill = { kind: 'type'; type: StatType } | { kind: 'indicator'; indicator: StatIndicator; typeLabel: string };

export function QcdcPanel({ year }: { year: number }) {
  const stats = useApiQuery('qcdc.stats', { year, period: 'annual' });
  const [drill, setDrill] = useState<Drill | null>(null);
  const navigate = useNavigate();
  if (stats.error) return <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />;
  if (!stats.data) return <Loader size="sm" aria-label="Đang tải số liệu QCDC" />;
  const s = stats.data;
  const reported = s.byType.reduce((n, t) => n + t.unitsReported, 0);
  const total = s.byType.reduce((n, t) => n + t.unitsTotal, 0);

  return (
    <Stack gap="sm" data-testid="qcdc-panel">
      <Group justify="space-between" align="baseline">
        <Title order={4} fz={16}>
          Thực hiện Quy chế dân chủ ở cơ sở năm {year}
        </Title>
        <Anchor size="sm" onClick={() => navigate(`/quy-che-dan-chu?nam=${year}`)}>
          {formatNumber(reported)}/{formatNumber(total)} đơn vị đã báo cáo · mở số liệu
        </Anchor>
      </Group>
      {reported === 0 && (
        <Text size="sm" c="dimmed">
          Chưa có đơn vị nào gửi số liệu năm {year}: nhập ở mục Quy chế dân chủ (bảng số liệu hoặc bảng tổng hợp Excel).
        </Text>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: '8fr 4fr', gap: 'var(--mantine-spacing-sm)' }}>
        <SimpleGrid cols={2} spacing="sm">
          {s.byType.map((t) => (
            <Paper key={t.qcdcType} withBorder p="sm" radius="md" data-testid={`qcdc-type-${t.qcdcType}`}>
              <UnstyledButton onClick={() => setDrill({ kind: 'type', type: t })} title="Bấm để xem từng đơn vị" display="block" w="100%">
                <Group justify="space-between" align="baseline" wrap="nowrap">
                  <Text fw={600} size="sm">
                    {QCDC_TYPE_SHORT_LABELS[t.qcdcType]}
                  </Text>
                  <Text size="sm" data-testid={`qcdc-reported-${t.qcdcType}`}>
                    <b>{formatNumber(t.unitsReported)}</b>/{formatNumber(t.unitsTotal)} đơn vị báo cáo
                  </Text>
                </Group>
              </UnstyledButton>
              <Table verticalSpacing={1} fz="xs" mt={4}>
                <Table.Tbody>
                  {t.indicators.slice(0, KEY_FIGURES).map((i) => {
                    const d = i.change !== null && i.previousTotal !== null && i.kind === 'count' && s.previous ? deltaText(i.total ?? 0, i.previousTotal, s.previous.year) : null;
                    return (
                      <Table.Tr key={i.id}>
                        <Table.Td>{i.name}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          <Anchor size="xs" fw={600} onClick={() => setDrill({ kind: 'indicator', indicator: i, typeLabel: QCDC_TYPE_SHORT_LABELS[t.qcdcType] })} data-testid={`qcdc-figure-${i.id}`}>
                            {statText(i)}
                          </Anchor>
                          {d && (
                            <Text span size="xs" c={d.color} ml={4}>
                              ({d.text})
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              {t.indicators.length > KEY_FIGURES && (
                <Anchor size="xs" onClick={() => setDrill({ kind: 'type', type: t })}>
                  Xem đủ {t.indicators.length} chỉ tiêu
                </Anchor>
              )}
            </Paper>
          ))}
        </SimpleGrid>
        <Paper withBorder p="sm" radius="md">
          <Text fw={600} size="sm" mb="xs">
            Đơn vị đã báo cáo theo loại hình
          </Text>
          <LazyBarChart
            h={260}
            data={s.byType.map((t) => ({ type: CHART_LABELS[t.qcdcType], 'Đã báo cáo': t.unitsReported, 'Chưa báo cáo': Math.max(t.unitsTotal - t.unitsReported, 0) }))}
            dataKey="type"
            type="stacked"
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            series={[
              { name: 'Đã báo cáo', color: 'green.6' },
              { name: 'Chưa báo cáo', color: 'gray.4' },
            ]}
            valueFormatter={(v) => formatNumber(v)}
          />
        </Paper>
      </div>
      <QcdcDrill drill={drill} year={year} byUnit={s.byUnit} onClose={() => setDrill(null)} />
    </Stack>
  );
}

function QcdcDrill({ drill, year, byUnit, onClose }: { drill: Drill | null; year: number; byUnit: { unitId: string; unitName: string; qcdcType: string; reported: boolean; values: Record<string, unknown> }[]; onClose: () => void }) {
  const rows = useApiQuery('qcdc.drill', { year, period: 'annual', indicatorId: drill?.kind === 'indicator' ? drill.indicator.id : '' }, { enabled: drill?.kind === 'indicator' });
  const title = !drill ? '' : drill.kind === 'type' ? `${QCDC_TYPE_SHORT_LABELS[drill.type.qcdcType]} năm ${year}` : `${drill.indicator.name} – ${drill.typeLabel} năm ${year}`;
  const show = (kind: StatIndicator['kind'], v: unknown) =>
    v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'Có' : 'Không') : typeof v === 'number' ? (kind === 'ratio' ? `${v.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%` : formatNumber(v)) : String(v);
  return (
    <Drawer opened={drill !== null} onClose={onClose} title={title} position="right" size="56rem">
      {drill?.kind === 'type' && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped fz="xs" verticalSpacing={2} aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Đơn vị</Table.Th>
                {drill.type.indicators.map((i) => (
                  <Table.Th key={i.id} ta="right" maw={120}>
                    {i.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {byUnit
                .filter((u) => u.qcdcType === drill.type.qcdcType)
                .map((u) => (
                  <Table.Tr key={u.unitId}>
                    <Table.Td>
                      {u.unitName}
                      {!u.reported && (
                        <Badge size="xs" ml={4} color="red" variant="light" tt="none">
                          chưa báo cáo
                        </Badge>
                      )}
                    </Table.Td>
                    {drill.type.indicators.map((i) => (
                      <Table.Td key={i.id} ta="right">
                        {show(i.kind, u.values[i.id])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>Cộng</Table.Th>
                {drill.type.indicators.map((i) => (
                  <Table.Th key={i.id} ta="right">
                    {statText(i)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {drill?.kind === 'indicator' && (
        <>
          <ErrorAlert error={rows.error} />
          {!rows.data ? (
            <Loader size="sm" />
          ) : (
            <Table striped fz="sm" verticalSpacing={2} aria-label={title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Đơn vị</Table.Th>
                  <Table.Th ta="right">Số liệu</Table.Th>
                  <Table.Th>Từ sổ theo dõi</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.data.rows.map((r) => (
                  <Table.Tr key={r.unitId}>
                    <Table.Td>{r.unitName}</Table.Td>
                    <Table.Td ta="right">{show(drill.indicator.kind, r.value)}</Table.Td>
                    <Table.Td>
                      {r.sources.map((src) => (
                        <Text key={src.id} size="xs">
                          {formatDate(src.date)} – {src.label}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>Cộng</Table.Th>
                  <Table.Th ta="right">{statText(drill.indicator)}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          )}
        </>
      )}
    </Drawer>
  );
}
