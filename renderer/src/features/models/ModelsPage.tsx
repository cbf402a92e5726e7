import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Group, Menu, MultiSelect, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconArrowBackUp, IconAward, IconChevronDown, IconPlus, IconDownload, IconFileSpreadsheet, IconPrinter, IconSearch, IconUpload } from '@tabler/icons-react';
import {
  MODEL_KIND_LABELS,
  MODEL_STATUSES,
  MODEL_STATUS_LABELS,
  REGISTRATION_LABELS,
  type ModelFilterInput,
  type ModelKind,
  type ModelSort,
  type ModelStatus,
  type Registration,
} from '../../../../shared/schemas/models';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useJob } from '../../components/JobProgress';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useApiQuery } from '../../lib/query';
import { RegisterTable, emptyRegister } from './RegisterTable';
import { ImportWizard } from './ImportWizard';
import { useUndoBulk } from './Undo';
import { ModelDrawer } from './ModelDrawer';
import { BulkRecognise } from './BulkRecognise';
import { StatsPanel } from './StatsPanel';
import { ReviewsPanel } from './ReviewsPanel';
import { CreateModel } from './CreateModel';
import { foldedFilter } from '../../components/pickers';
import { useUrlTab } from '../../components/useUrlTab';
import { downloadFile } from '../../components/fileOut';

const thisYear = new Date().getFullYear();

/** Mô hình "Dân vận khéo": the register (sổ), statistics and review meetings of a year. */
const MODEL_TABS = ['register', 'stats', 'reviews'] as const;

export default function ModelsPage() {
  const queryClient = useQueryClient();
  const years = useApiQuery('models.years', {});
  const options = useApiQuery('models.options', {});
  // Filters may arrive in the address (drill-downs from Tổng quan: /mo-hinh?year=2022&statuses=recognised&typical=1).
  const [params] = useSearchParams();
  const [year, setYear] = useState<number | null>(() => (Number(params.get('year')) || null));
  const [unitId, setUnitId] = useState<string | null>(() => params.get('unitId'));
  const [fieldId, setFieldId] = useState<string | null>(() => params.get('fieldId'));
  const [kind, setKind] = useState<string | null>(() => params.get('kind'));
  const [registration, setRegistration] = useState<string | null>(() => params.get('registration'));
  const [statuses, setStatuses] = useState<string[]>(() => (params.get('statuses') ?? '').split(',').filter(Boolean));
  const [typical, setTypical] = useState<boolean>(() => params.get('typical') === '1');
  const [commended, setCommended] = useState<boolean>(() => params.get('commended') === '1');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [sort, setSort] = useState<ModelSort>('name');
  const [descending, setDescending] = useState(false);
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [recognising, setRecognising] = useState(false);
  // The last bulk change, offered for undo until the next one or until dismissed.
  const [lastBulk, setLastBulk] = useState<{ updated: number; operationId: string; decisionNo: string } | null>(null);
  const undoBulk = useUndoBulk(() => {
    setLastBulk(null);
    refresh();
  });
  const [creating, setCreating] = useState(false);
  const [tab, setTab] = useUrlTab(MODEL_TABS, 'register', { param: 'tab' });
  const job = useJob();

  // Open on the latest year that has records.
  useEffect(() => {
    if (year === null && years.data) setYear(years.data[0]?.year ?? thisYear);
  }, [years.data, year]);

  const filter: ModelFilterInput = useMemo(
    () => ({
      ...(year ? { year } : {}),
      ...(unitId ? { unitId } : {}),
      ...(fieldId ? { fieldId } : {}),
      ...(kind ? { kind: kind as ModelKind } : {}),
      ...(registration ? { registration: registration as Registration } : {}),
      ...(statuses.length ? { statuses: statuses as ModelStatus[] } : {}),
      ...(typical ? { typical: true } : {}),
      ...(commended ? { commended: true } : {}),
      ...(debouncedSearch.trim() ? { search: debouncedSearch.trim() } : {}),
    }),
    [year, unitId, fieldId, kind, registration, statuses, typical, commended, debouncedSearch],
  );
  const filtered = Boolean(unitId || fieldId || kind || registration || statuses.length || typical || commended || debouncedSearch.trim());
  useEffect(() => setSelected(new Set()), [filter]);

  const stats = useApiQuery('models.stats', { year: year ?? thisYear }, { enabled: year !== null });

  const refresh = useCallback(() => {
    setVersion((v) => v + 1);
    void queryClient.invalidateQueries({ queryKey: ['models.stats'] });
    void queryClient.invalidateQueries({ queryKey: ['models.years'] });
    void queryClient.invalidateQueries({ queryKey: ['models.options'] });
    void queryClient.invalidateQueries({ queryKey: ['models.reviews'] });
  }, [queryClient]);

  const yearOptions = useMemo(() => {
    const set = new Set<number>([thisYear, ...(years.data ?? []).map((y) => y.year)]);
    if (year) set.add(year);
    return [...set].sort((a, b) => b - a).map((y) => ({ value: String(y), label: `Năm ${y}` }));
  }, [years.data, year]);

  const exportFile = (what: 'xlsx' | 'pdf' | 'summaryXlsx' | 'summaryPdf') =>
    downloadFile(() =>
      what === 'xlsx'
        ? job.run('Đang xuất sổ mô hình ra Excel', (jobId) => api('models.exportXlsx', { ...filter, jobId }))
        : what === 'pdf'
          ? job.run('Đang tạo bản in sổ mô hình', (jobId) => api('models.exportRegisterPdf', { ...filter, jobId }))
          : job.run('Đang tạo biểu tổng hợp', () => api('models.exportSummary', { year: year ?? thisYear, format: what === 'summaryXlsx' ? 'xlsx' : 'pdf' })),
    );

  return (
    <Stack gap="sm">
      <PageHeader
        title='Mô hình "Dân vận khéo"'
        description="Sổ theo dõi mô hình theo từng năm: đăng ký, triển khai, họp xét, công nhận, điển hình, khen thưởng."
        actions={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              Thêm mô hình
            </Button>
            <Button leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
              Nhập từ Excel
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={14} />} leftSection={<IconDownload size={16} />}>
                  Xuất, in
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportFile('xlsx')}>
                  Sổ mô hình (Excel, theo bộ lọc)
                </Menu.Item>
                <Menu.Item leftSection={<IconPrinter size={16} />} onClick={() => void exportFile('pdf')}>
                  In sổ mô hình (PDF khổ ngang)
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportFile('summaryXlsx')}>
                  Biểu tổng hợp năm (Excel)
                </Menu.Item>
                <Menu.Item leftSection={<IconPrinter size={16} />} onClick={() => void exportFile('summaryPdf')}>
                  Biểu tổng hợp năm (PDF)
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        }
      />
      <ErrorAlert error={years.error ?? options.error} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="register">Sổ mô hình</Tabs.Tab>
          <Tabs.Tab value="stats">
            Thống kê{stats.data ? ` · ${stats.data.unitsReviewed}/${stats.data.unitsTotal} đảng bộ đã họp xét` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="reviews">Họp xét</Tabs.Tab>
        </Tabs.List>

        <Group gap="xs" mb="sm" align="flex-end" wrap="wrap">
          <Select
            label="Năm"
            w={120}
            data={yearOptions}
            value={year ? String(year) : null}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
          />
          {tab === 'register' && (
            <>
              <TextInput
                label="Tìm kiếm"
                placeholder="Tên mô hình, người thực hiện, đơn vị (gõ không dấu được)"
                leftSection={<IconSearch size={16} />}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                w={300}
              />
              <Select
                label="Đơn vị (gồm trực thuộc)"
                placeholder="Tất cả"
                w={240}
                searchable
                filter={foldedFilter}
                clearable
                data={(options.data?.units ?? []).map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}${u.closed ? ' (đã giải thể/sáp nhập)' : ''}` }))}
                value={unitId}
                onChange={setUnitId}
                nothingFoundMessage="Không có đơn vị"
              />
              <Select
                label="Lĩnh vực"
                placeholder="Tất cả"
                w={200}
                clearable
                data={(options.data?.fields ?? []).map((f) => ({ value: f.id, label: f.name }))}
                value={fieldId}
                onChange={setFieldId}
              />
              <Select
                label="Loại"
                placeholder="Tất cả"
                w={110}
                clearable
                data={Object.entries(MODEL_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                value={kind}
                onChange={setKind}
              />
              <Select
                label="Mới/Duy trì"
                placeholder="Tất cả"
                w={130}
                clearable
                data={Object.entries(REGISTRATION_LABELS).map(([value, label]) => ({ value, label }))}
                value={registration}
                onChange={setRegistration}
              />
              <MultiSelect
                label="Trạng thái"
                placeholder={statuses.length ? undefined : 'Tất cả'}
                w={220}
                clearable
                data={MODEL_STATUSES.map((s) => ({ value: s, label: MODEL_STATUS_LABELS[s] }))}
                value={statuses}
                onChange={setStatuses}
              />
              {typical && (
                <Button size="xs" variant="light" mt={24} onClick={() => setTypical(false)} aria-label="Bỏ lọc điển hình">
                  Chỉ điển hình ✕
                </Button>
              )}
              {commended && (
                <Button size="xs" variant="light" mt={24} onClick={() => setCommended(false)} aria-label="Bỏ lọc khen thưởng">
                  Chỉ được biểu dương, khen thưởng ✕
                </Button>
              )}
            </>
          )}
        </Group>

        <Tabs.Panel value="register">
          {lastBulk && (
            <Alert color="green" mb="xs" withCloseButton onClose={() => setLastBulk(null)} closeButtonLabel="Ẩn" title={`Đã công nhận ${formatNumber(lastBulk.updated)} mô hình theo quyết định ${lastBulk.decisionNo}`}>
              <Group gap="xs">
                <Text size="sm">Nếu chọn nhầm mô hình hoặc nhầm quyết định, có thể hoàn tác: mỗi mô hình trở lại như trước.</Text>
                <Button size="compact-sm" variant="light" color="red" leftSection={<IconArrowBackUp size={14} />} onClick={() => void undoBulk(lastBulk)}>
                  Hoàn tác
                </Button>
              </Group>
            </Alert>
          )}
          {selected.size > 0 && (
            <Group mb="xs" gap="xs" p={6} style={{ background: 'var(--mantine-color-blue-0)', borderRadius: 6 }}>
              <Button size="xs" leftSection={<IconAward size={14} />} onClick={() => setRecognising(true)}>
                Công nhận {formatNumber(selected.size)} mô hình đã chọn
              </Button>
              <Button size="xs" variant="default" onClick={() => setSelected(new Set())}>
                Bỏ chọn
              </Button>
            </Group>
          )}
          {year !== null && (
            <RegisterTable
              filter={filter}
              sort={sort}
              descending={descending}
              onSortChange={(next, desc) => {
                setSort(next);
                setDescending(desc);
              }}
              version={version}
              selected={selected}
              onSelectedChange={setSelected}
              onOpen={(r) => setOpenId(r.id)}
              empty={emptyRegister(() => setImporting(true), filtered)}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="stats">
          <ErrorAlert error={stats.error} />
          {stats.data && <StatsPanel stats={stats.data} />}
        </Tabs.Panel>
        <Tabs.Panel value="reviews">{year !== null && <ReviewsPanel year={year} />}</Tabs.Panel>
      </Tabs>

      <ImportWizard
        opened={importing}
        onClose={() => setImporting(false)}
        onDone={(importedYear) => {
          setYear(importedYear);
          refresh();
        }}
        onChanged={refresh}
      />
      <CreateModel
        opened={creating}
        year={year ?? thisYear}
        onClose={() => setCreating(false)}
        onDone={(id) => {
          refresh();
          setOpenId(id);
        }}
      />
      <ModelDrawer id={openId} onClose={() => setOpenId(null)} onChanged={refresh} />
      <BulkRecognise
        ids={[...selected]}
        opened={recognising}
        onClose={() => setRecognising(false)}
        onDone={(done) => {
          setSelected(new Set());
          setLastBulk(done);
          refresh();
        }}
      />
      {job.element}
    </Stack>
  );
}
