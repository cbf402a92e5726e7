import { useState } from 'react';
import { Anchor, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { LazyBarChart } from '../../components/LazyBarChart';
import { IconFileText } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { FUNNEL_LABELS, type Overview } from '../../../../shared/schemas/overview';
import type { ModelFilterInput } from '../../../../shared/schemas/models';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber, formatPercent } from '../../lib/format';
import { useApiQuery } from '../../lib/query';
import { DrillDrawer, type Drill } from './DrillDrawer';
import { Figure, deltaText } from './Figure';
import { useYear } from './useYear';
import { QcdcPanel } from './QcdcPanel';

/** Tổng quan: the year at a glance; every figure opens the rows it counts. */
export default function OverviewPage() {
  const { year, setYear, options } = useYear();
  const overview = useApiQuery('overview.get', { year: year ?? 0 }, { enabled: year !== null });
  const navigate = useNavigate();
  return (
    <Stack gap="sm">
      <PageHeader
        title="Tổng quan"
        description="Kết quả thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo” trong năm. Bấm vào một con số để xem danh sách."
        actions={
          <Group gap="xs">
            <Select aria-label="Năm" w={130} data={options} value={year ? String(year) : null} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} />
            <Button variant="default" leftSection={<IconFileText size={16} />} onClick={() => navigate(`/bao-cao?nam=${year ?? ''}`)}>
              Báo cáo năm
            </Button>
          </Group>
        }
      />
      {overview.error && <ErrorAlert error={overview.error} />}
      {!overview.data ? <Loader size="sm" /> : <OverviewBody o={overview.data} />}
    </Stack>
  );
}

function OverviewBody({ o }: { o: Overview }) {
  const [drill, setDrill] = useState<Drill | null>(null);
  const navigate = useNavigate();
  const m = o.models;
  const p = m.previous;
  const models = (title: string, filter: Omit<ModelFilterInput, 'year'>) => () => setDrill({ kind: 'models', title, filter: { year: o.year, ...filter } });
  const recognised = { statuses: ['recognised' as const] };

  return (
    <>
      <Title order={4} fz={16}>
        Mô hình “Dân vận khéo” năm {o.year}
      </Title>
      <SimpleGrid cols={5} spacing="sm">
        <Figure
          label="Đăng ký"
          testId="fig-registered"
          value={formatNumber(m.registered)}
          hint={`${formatNumber(m.collective)} tập thể, ${formatNumber(m.individual)} cá nhân`}
          delta={deltaText(m.registered, p.registered, p.year)}
          onClick={models(`Mô hình đăng ký năm ${o.year}`, {})}
        />
        <Figure
          label="Được công nhận"
          testId="fig-recognised"
          value={formatNumber(m.recognised)}
          hint={`${formatPercent(m.recognised, m.registered)} số đăng ký`}
          delta={deltaText(m.recognised, p.recognised, p.year)}
          onClick={models(`Mô hình được công nhận năm ${o.year}`, recognised)}
        />
        <Figure
          label="Điển hình"
          testId="fig-typical"
          value={formatNumber(m.typical)}
          hint={`${formatPercent(m.typical, m.recognised)} số được công nhận`}
          delta={deltaText(m.typical, p.typical, p.year)}
          onClick={models(`Mô hình điển hình năm ${o.year}`, { ...recognised, typical: true })}
        />
        <Figure
          label="Biểu dương, khen thưởng"
          testId="fig-commended"
          value={formatNumber(m.commended)}
          delta={deltaText(m.commended, p.commended, p.year)}
          onClick={models(`Mô hình được khen thưởng năm ${o.year}`, { ...recognised, commended: true })}
        />
        <Figure
          label="Đơn vị đã họp xét"
          testId="fig-reviewed"
          value={`${m.unitsReviewed}/${m.unitsTotal}`}
          hint="đảng bộ, chi bộ trực thuộc"
          onClick={() => setDrill({ kind: 'reviews', title: `Họp xét mô hình năm ${o.year}`, year: o.year, units: m.byUnit.slice(0, m.unitsTotal) /* subordinates come first in byUnit */ })}
        />
      </SimpleGrid>

      <div style={{ display: 'grid', gridTemplateColumns: '5fr 7fr', gap: 'var(--mantine-spacing-sm)' }}>
        <div>
          <Paper withBorder p="sm" radius="md" h="100%">
            <Text fw={600} size="sm" mb="xs">
              Từ đăng ký đến khen thưởng
            </Text>
            <LazyBarChart
              h={230}
              data={o.funnel.map((f) => ({ step: FUNNEL_LABELS[f.step], 'Tập thể': f.collective, 'Cá nhân': f.individual }))}
              dataKey="step"
              type="stacked"
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              series={[
                { name: 'Tập thể', color: 'blue.6' },
                { name: 'Cá nhân', color: 'teal.5' },
              ]}
              valueFormatter={(v) => formatNumber(v)}
            />
          </Paper>
        </div>
        <div>
          <Paper withBorder p="sm" radius="md" h="100%">
            <Text fw={600} size="sm" mb="xs">
              Theo đơn vị (đăng ký / công nhận)
            </Text>
            <ByUnit o={o} open={(title, filter) => setDrill({ kind: 'models', title, filter: { year: o.year, ...filter } })} />
          </Paper>
        </div>
      </div>

      <QcdcPanel year={o.year} />

      <Title order={4} fz={16} mt="xs">
        Hoạt động của Ban Chỉ đạo
      </Title>
      <SimpleGrid cols={5} spacing="sm">
        <Figure
          label="Hội nghị, cuộc họp đã tổ chức"
          testId="fig-meetings"
          value={formatNumber(o.meetings.held)}
          hint={o.meetings.total > o.meetings.held ? `${formatNumber(o.meetings.total - o.meetings.held)} cuộc sắp tới` : `${formatNumber(o.meetings.finalized)} biên bản đã ban hành`}
          onClick={() => setDrill({ kind: 'meetings', title: `Hội nghị, cuộc họp năm ${o.year}`, year: o.year })}
        />
        <Figure
          label="Nhiệm vụ đang thực hiện"
          testId="fig-tasks-open"
          value={formatNumber(o.tasks.open)}
          hint={
            <Anchor
              component="span"
              size="xs"
              c="red.8"
              onClick={(e) => {
                e.stopPropagation();
                setDrill({ kind: 'tasks', title: `Nhiệm vụ quá hạn năm ${o.year}`, year: o.year, overdue: true });
              }}
            >
              {formatNumber(o.tasks.overdue)} quá hạn
            </Anchor>
          }
          onClick={() => setDrill({ kind: 'tasks', title: `Nhiệm vụ năm ${o.year}`, year: o.year })}
        />
        <Figure
          label="Nhiệm vụ hoàn thành"
          testId="fig-tasks-done"
          value={`${formatNumber(o.tasks.done)}/${formatNumber(o.tasks.total)}`}
          hint={o.plans.tasks ? `Kế hoạch: ${formatNumber(o.plans.done)}/${formatNumber(o.plans.tasks)} nội dung (${formatPercent(o.plans.done, o.plans.tasks)})` : 'Chưa có kế hoạch năm'}
          onClick={() => setDrill({ kind: 'tasks', title: `Nhiệm vụ đã hoàn thành năm ${o.year}`, year: o.year, status: 'hoan_thanh' })}
        />
        <Figure
          label="Kiểm tra, giám sát (đơn vị)"
          testId="fig-inspections"
          value={`${formatNumber(o.inspections.done)}/${formatNumber(o.inspections.planned)}`}
          hint={`${formatNumber(o.inspections.rounds)} đợt; ${formatNumber(o.inspections.recommendationsOpen)}/${formatNumber(o.inspections.recommendations)} kiến nghị chưa xong`}
          onClick={() => navigate('/kiem-tra')}
        />
        <Figure
          label="Báo cáo của đơn vị"
          testId="fig-unit-reports"
          value={`${formatNumber(o.unitReports.onTime)} đúng hạn`}
          hint={`${formatNumber(o.unitReports.late)} chậm, ${formatNumber(o.unitReports.missing)} chưa gửi`}
          onClick={() => navigate('/kiem-tra?tab=bao-cao')}
        />
      </SimpleGrid>
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </>
  );
}

function ByUnit({ o, open }: { o: Overview; open: (title: string, filter: Omit<ModelFilterInput, 'year'>) => void }) {
  const rows = o.models.byUnit;
  if (!rows.length) return <Text size="sm" c="dimmed">Chưa có đơn vị trực thuộc nào.</Text>;
  return (
    <Table.ScrollContainer minWidth={400} mah={236} type="native">
      <Table verticalSpacing={2} fz="sm" stickyHeader aria-label="Mô hình theo đơn vị">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Đơn vị</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>Đăng ký</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>Công nhận</Table.Th>
            <Table.Th w="24%" />
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Họp xét</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((u) => (
            <Table.Tr key={u.unitId}>
              <Table.Td>{u.unitName}</Table.Td>
              <Table.Td ta="right">
                <Anchor size="sm" onClick={() => open(`Mô hình đăng ký năm ${o.year} – ${u.unitName}`, { unitId: u.unitId })}>
                  {formatNumber(u.registered)}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">
                <Anchor size="sm" onClick={() => open(`Mô hình được công nhận năm ${o.year} – ${u.unitName}`, { unitId: u.unitId, statuses: ['recognised'] })}>
                  {formatNumber(u.recognised)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <div style={{ background: 'var(--mantine-color-gray-2)', borderRadius: 3, height: 8 }}>
                  <div style={{ width: `${u.registered ? (u.recognised / u.registered) * 100 : 0}%`, background: 'var(--mantine-color-green-6)', height: 8, borderRadius: 3 }} />
                </div>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="xs" c={u.reviewed ? 'green.8' : 'red.8'}>
                  {u.reviewed ? 'Đã họp' : 'Chưa họp'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
