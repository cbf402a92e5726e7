import { useState } from 'react';
import { Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { IconFileSpreadsheet, IconFileTypePdf, IconFileWord } from '@tabler/icons-react';
import { TREND_METRICS, TREND_METRIC_LABELS, type TrendMetric } from '../../../../shared/schemas/overview';
import type { FileResult } from '../../../../shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useJob } from '../../components/JobProgress';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useApiQuery } from '../../lib/query';
import { useYear } from '../overview/useYear';
import { downloadFile } from '../../components/fileOut';

/** Báo cáo, thống kê: the report drafts and the statistics workbook of a year, and the years compared. */
export default function ReportsPage() {
  const { year, setYear, options } = useYear();
  const [busy, setBusy] = useState<string | null>(null);
  const job = useJob();

  const run = async (key: string, make: (jobId: string) => Promise<FileResult>) => {
    setBusy(key);
    try {
      await downloadFile(() => job.run(key === 'xlsx' ? 'Đang tạo biểu thống kê' : 'Đang tạo dự thảo báo cáo', make));
    } finally {
      setBusy(null);
    }
  };

  const y = year ?? new Date().getFullYear();
  const docButtons = (kind: 'annual' | 'sixMonth') => (
    <Group gap="xs" mt="auto">
      <Button size="sm" leftSection={<IconFileWord size={16} />} loading={busy === `${kind}-docx`} onClick={() => run(`${kind}-docx`, (jobId) => api(kind === 'annual' ? 'reports.annual' : 'reports.sixMonth', { year: y, format: 'docx', jobId }))}>
        Word (DOCX)
      </Button>
      <Button size="sm" variant="default" leftSection={<IconFileTypePdf size={16} />} loading={busy === `${kind}-pdf`} onClick={() => run(`${kind}-pdf`, (jobId) => api(kind === 'annual' ? 'reports.annual' : 'reports.sixMonth', { year: y, format: 'pdf', jobId }))}>
        PDF
      </Button>
    </Group>
  );

  return (
    <Stack gap="sm">
      <PageHeader
        title="Báo cáo, thống kê"
        description="Dự thảo báo cáo năm, báo cáo 6 tháng và biểu thống kê, điền sẵn số liệu từ phần mềm; phần đánh giá, phương hướng để trống cho cán bộ viết."
        actions={<Select aria-label="Năm" w={130} data={options} value={year ? String(year) : null} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} />}
      />
      <SimpleGrid cols={3} spacing="sm">
        <Paper withBorder p="md" radius="md" style={{ display: 'flex', flexDirection: 'column' }}>
          <Title order={5}>Báo cáo năm {y}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            Báo cáo kết quả thực hiện QCDC ở cơ sở và phong trào “Dân vận khéo” năm {y}: số liệu mô hình theo đơn vị, lĩnh vực; hội nghị; kiểm tra, kiến nghị; kết quả thực hiện kế hoạch.
          </Text>
          {docButtons('annual')}
        </Paper>
        <Paper withBorder p="md" radius="md" style={{ display: 'flex', flexDirection: 'column' }}>
          <Title order={5}>Báo cáo 6 tháng đầu năm {y}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            Hội nghị, kiểm tra tính đến 30/6/{y}; số liệu mô hình và nhiệm vụ của năm {y} tại thời điểm lập báo cáo.
          </Text>
          {docButtons('sixMonth')}
        </Paper>
        <Paper withBorder p="md" radius="md" style={{ display: 'flex', flexDirection: 'column' }}>
          <Title order={5}>Biểu thống kê năm {y}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            Một tệp Excel: tổng hợp, mô hình theo đơn vị và lĩnh vực, hội nghị, kiểm tra, so sánh các năm.
          </Text>
          <Button mt="auto" w="fit-content" size="sm" variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy === 'xlsx'} onClick={() => run('xlsx', (jobId) => api('reports.statisticsXlsx', { year: y, jobId }))}>
            Excel (XLSX)
          </Button>
        </Paper>
      </SimpleGrid>
      <TrendPanel />
      {job.element}
    </Stack>
  );
}

function TrendPanel() {
  const trend = useApiQuery('overview.trend', {});
  const [metric, setMetric] = useState<TrendMetric>('registered');
  if (trend.error) return <ErrorAlert error={trend.error} />;
  if (!trend.data) return <Loader size="sm" />;
  const years = trend.data.years;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={5}>So sánh các năm</Title>
        <Select
          aria-label="Chỉ tiêu so sánh"
          w={320}
          data={TREND_METRICS.map((k) => ({ value: k, label: TREND_METRIC_LABELS[k] }))}
          value={metric}
          onChange={(v) => v && setMetric(v as TrendMetric)}
          allowDeselect={false}
        />
      </Group>
      {years.length === 0 ? (
        <Text size="sm" c="dimmed">
          Chưa có số liệu năm nào.
        </Text>
      ) : (
        <SimpleGrid cols={2} spacing="md">
          <LineChart
            h={220}
            data={years.map((y) => ({ year: String(y.year), [TREND_METRIC_LABELS[metric]]: y.values[metric] }))}
            dataKey="year"
            series={[{ name: TREND_METRIC_LABELS[metric], color: 'blue.6' }]}
            valueFormatter={(v) => formatNumber(v)}
            curveType="linear"
          />
          <div style={{ alignSelf: 'start' }}>
          <Table withTableBorder striped verticalSpacing={4} fz="sm" aria-label="So sánh các năm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Năm</Table.Th>
                <Table.Th ta="right">{TREND_METRIC_LABELS[metric]}</Table.Th>
                <Table.Th ta="right">Tăng, giảm</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {years.map((y, i) => {
                const before = i > 0 ? years[i - 1]!.values[metric] : null;
                const d = before === null ? null : y.values[metric] - before;
                return (
                  <Table.Tr key={y.year}>
                    <Table.Td>{y.year}</Table.Td>
                    <Table.Td ta="right">{formatNumber(y.values[metric])}</Table.Td>
                    <Table.Td ta="right" c={d === null || d === 0 ? undefined : d > 0 ? 'green.8' : 'red.8'}>
                      {d === null ? '' : d === 0 ? '0' : `${d > 0 ? '+' : '−'}${formatNumber(Math.abs(d))}`}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          </div>
        </SimpleGrid>
      )}
    </Paper>
  );
}
