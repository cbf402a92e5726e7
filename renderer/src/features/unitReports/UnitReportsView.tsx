/** Which units sent their 6-month, annual or thematic report on time, late, or not at all. */
import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Menu, Modal, MultiSelect, NumberInput, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconDotsVertical, IconFileSpreadsheet, IconPencil, IconPlus, IconPrinter, IconTrash } from '@tabler/icons-react';
import { useConfirm } from '../../components/ConfirmAction';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { api, ApiError } from '../../lib/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyState } from '../../components/EmptyState';
import { showError, showSuccess } from '../../components/notify';
import { formatDate } from '../../lib/format';
import { inputErrors } from '../../lib/zodForm';
import { createReportPeriodSchema, REPORT_STATE_LABELS, REPORT_TYPES, REPORT_TYPE_LABELS, type ReportMatrix, type ReportType } from '../../../../shared/schemas/unitReports';

type Period = ReportMatrix['periods'][number];
/** The period being corrected, with the units currently asked for it. */
type PeriodEdit = { period: Period; unitIds: string[] };
import { downloadFile } from '../../components/fileOut';
import { PrintModal, usePrintState } from '../../components/PrintModal';
import { foldedFilter, useUnitOptions } from '../../components/pickers';
import { submitForm } from '../../components/submitForm';

const STATE_COLORS = { onTime: 'green', late: 'orange', missing: 'red', pending: 'gray' } as const;
type Cell = NonNullable<ReportMatrix['rows'][number]['cells'][number]>;

export function UnitReportsView({ today }: { today: string }) {
  const [year, setYear] = useState<number>(Number(today.slice(0, 4)) || 2023);
  const [type, setType] = useState<ReportType | null>(null);
  const [creating, setCreating] = useState(false);
  const [editingPeriod, setEditingPeriod] = useState<PeriodEdit | null>(null);
  const confirm = useConfirm();
  const remove = useApiMutation('unitReports.deletePeriod', { invalidate: ['unitReports.matrix', 'unitReports.periods'] });
  const askDelete = async (p: Period) => {
    const ok = await confirm({
      title: 'Xóa kỳ báo cáo',
      message: `Chuyển «${p.title}» vào thùng rác? Ngày nhận báo cáo đã ghi được giữ lại và trở về nếu khôi phục từ thùng rác.`,
      confirmLabel: 'Xóa',
      danger: true,
    });
    if (!ok) return;
    try {
      await remove.mutateAsync({ id: p.id });
      showSuccess('Đã chuyển kỳ báo cáo vào thùng rác.');
    } catch (e) {
      showError(e);
    }
  };
  const [editing, setEditing] = useState<{ unitId: string; unitName: string; periodId: string; periodTitle: string; cell: Cell } | null>(null);
  const matrix = useApiQuery('unitReports.matrix', { year, ...(type ? { type } : {}) });
  const printing = usePrintState();
  const m = matrix.data;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <NumberInput aria-label="Năm" value={year} onChange={(v) => setYear(Number(v) || year)} min={1990} max={2100} w={100} />
          <Select aria-label="Loại báo cáo" placeholder="Mọi loại báo cáo" clearable value={type} onChange={(v) => setType(v as ReportType | null)} data={REPORT_TYPES.map((t) => ({ value: t, label: REPORT_TYPE_LABELS[t] }))} w={220} />
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => printing.open(`Theo dõi báo cáo năm ${year}`, () => api('unitReports.print', { year, ...(type ? { type } : {}) }), true)}>
            Xem bản in
          </Button>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => downloadFile(() => api('unitReports.export', { year, ...(type ? { type } : {}) }))}>
            Xuất Excel
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Thêm kỳ báo cáo
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={matrix.error} />
      {m && m.periods.length === 0 ? (
        <EmptyState title={`Chưa có kỳ báo cáo nào năm ${year}`} description="Bấm «Thêm kỳ báo cáo» (6 tháng, năm, chuyên đề), đặt hạn gửi; sau đó ghi ngày nhận báo cáo của từng đơn vị." actionLabel="Thêm kỳ báo cáo" onAction={() => setCreating(true)} />
      ) : (
        m && (
          <Table withTableBorder withColumnBorders verticalSpacing="xs" aria-label="Bảng theo dõi báo cáo">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>TT</Table.Th>
                <Table.Th>Đơn vị</Table.Th>
                {m.periods.map((p, col) => (
                  <Table.Th key={p.id} ta="center">
                    <Group gap={4} justify="center" wrap="nowrap">
                      <span>{p.title}</span>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" size="sm" color="gray" aria-label={`Sửa hoặc xóa kỳ ${p.title}`}>
                            <IconDotsVertical size={14} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={<IconPencil size={14} />}
                            onClick={() => setEditingPeriod({ period: p, unitIds: m.rows.filter((r) => r.cells[col]).map((r) => r.unitId) })}
                          >
                            Sửa kỳ báo cáo
                          </Menu.Item>
                          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void askDelete(p)}>
                            Xóa kỳ báo cáo
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                    <Text size="xs" c="dimmed">
                      hạn {formatDate(p.dueDate)}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.rows.map((r, i) => (
                <Table.Tr key={r.unitId}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{r.unitName}</Table.Td>
                  {r.cells.map((c, j) => (
                    <Table.Td key={j} ta="center">
                      {c ? (
                        <Tooltip label="Bấm để ghi ngày nhận báo cáo">
                          <Badge tt="none"
                            color={STATE_COLORS[c.state]}
                            variant={c.state === 'missing' ? 'filled' : 'light'}
                            style={{ cursor: 'pointer' }}
                            onClick={() => setEditing({ unitId: r.unitId, unitName: r.unitName, periodId: m.periods[j]!.id, periodTitle: m.periods[j]!.title, cell: c })}
                          >
                            {c.state === 'late' ? `Chậm ${c.daysLate} ngày` : REPORT_STATE_LABELS[c.state]}
                            {c.receivedDate ? ` · ${formatDate(c.receivedDate)}` : ''}
                          </Badge>
                        </Tooltip>
                      ) : (
                        <Text c="dimmed">—</Text>
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td />
                <Table.Td fw={600}>Cộng</Table.Td>
                {m.totals.map((t) => (
                  <Table.Td key={t.periodId} ta="center" fz="sm">
                    Đúng hạn {t.onTime} · chậm {t.late} · chưa gửi {t.missing}
                    {t.pending ? ` · chưa đến hạn ${t.pending}` : ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )
      )}
      <PeriodModal opened={creating} year={year} onClose={() => setCreating(false)} />
      <PeriodModal opened={!!editingPeriod} year={year} editing={editingPeriod} onClose={() => setEditingPeriod(null)} />
      <ReceivedModal editing={editing} onClose={() => setEditing(null)} />
      <PrintModal opened={!!printing.state} onClose={printing.close} title={printing.state?.title ?? ''} html={printing.state?.html ?? null} landscape />
    </Stack>
  );
}

function PeriodModal({ opened, year, editing = null, onClose }: { opened: boolean; year: number; editing?: PeriodEdit | null; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? `Sửa kỳ báo cáo: ${editing.period.title}` : `Thêm kỳ báo cáo năm ${year}`}>
      {/* Mounted per opening and per period, so the form starts from that period's values. */}
      {opened && <PeriodForm key={editing?.period.id ?? 'new'} year={year} editing={editing} onClose={onClose} />}
    </Modal>
  );
}

interface PeriodValues extends Record<string, unknown> {
  type: ReportType;
  /** Empty = "<type> <year>", the name the placeholder shows. */
  title: string;
  dueDate: string | null;
  unitIds: string[];
}

function PeriodForm({ year, editing, onClose }: { year: number; editing: PeriodEdit | null; onClose: () => void }) {
  const units = useUnitOptions();
  const periodYear = editing?.period.year ?? year;
  const toInput = (v: PeriodValues) => ({ type: v.type, year: periodYear, title: v.title || `${REPORT_TYPE_LABELS[v.type]} ${periodYear}`, dueDate: v.dueDate ?? '', unitIds: v.unitIds });
  const form = useForm<PeriodValues>({
    mode: 'controlled',
    initialValues: editing ? { type: editing.period.type, title: editing.period.title, dueDate: editing.period.dueDate, unitIds: editing.unitIds } : { type: 'six_month', title: '', dueDate: null, unitIds: [] },
    validate: (v) => inputErrors(createReportPeriodSchema, toInput(v)),
  });
  const invalidate: Array<'unitReports.matrix' | 'unitReports.periods'> = ['unitReports.matrix', 'unitReports.periods'];
  const create = useApiMutation('unitReports.createPeriod', { invalidate });
  const update = useApiMutation('unitReports.updatePeriod', { invalidate });
  const submit = async () => {
    const saved = await submitForm(form, async () => {
      const input = toInput(form.getValues());
      if (!editing) {
        await create.mutateAsync(input);
        return 'Đã thêm kỳ báo cáo.';
      }
      await update.mutateAsync({ id: editing.period.id, ...input });
      return 'Đã sửa kỳ báo cáo.';
    });
    if (saved) onClose();
  };
  return (
    <Stack gap="sm">
      <Select label="Loại báo cáo" allowDeselect={false} data={REPORT_TYPES.map((t) => ({ value: t, label: REPORT_TYPE_LABELS[t] }))} {...form.getInputProps('type')} />
      <TextInput label="Tên báo cáo" placeholder={`${REPORT_TYPE_LABELS[form.values.type]} ${periodYear}`} {...form.getInputProps('title')} />
      <DateInput label="Hạn gửi" required {...form.getInputProps('dueDate')} />
      <MultiSelect
        label="Đơn vị phải gửi"
        description={editing ? 'Không bỏ được đơn vị đã ghi ngày nhận báo cáo (xóa ngày nhận trước)' : 'Để trống: các đơn vị trực thuộc (cấp cao nhất) đang hoạt động'}
        searchable
        filter={foldedFilter}
        data={units}
        {...form.getInputProps('unitIds')}
      />
      <Group justify="flex-end">
        <Button onClick={submit} loading={create.isPending || update.isPending}>
          {editing ? 'Lưu' : 'Thêm'}
        </Button>
      </Group>
    </Stack>
  );
}

function ReceivedModal({ editing, onClose }: { editing: { unitId: string; unitName: string; periodId: string; periodTitle: string; cell: Cell } | null; onClose: () => void }) {
  const [date, setDate] = useState<string | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const record = useApiMutation('unitReports.record', { invalidate: ['unitReports.matrix'] });
  const k = editing ? `${editing.periodId}:${editing.unitId}` : null;
  if (k !== key) {
    setKey(k);
    setDate(editing?.cell.receivedDate ?? null);
    setError(undefined);
  }
  const submit = async () => {
    if (!editing) return;
    try {
      await record.mutateAsync({ periodId: editing.periodId, unitId: editing.unitId, receivedDate: date });
      showSuccess('Đã ghi ngày nhận báo cáo.');
      onClose();
    } catch (e) {
      if (e instanceof ApiError) setError(e.fields.receivedDate ?? e.message);
      showError(e);
    }
  };
  return (
    <Modal opened={!!editing} onClose={onClose} title={editing ? `${editing.periodTitle} — ${editing.unitName}` : ''}>
      <Stack gap="sm">
        <Text size="sm">Hạn gửi: {editing ? formatDate(editing.cell.dueDate) : ''}</Text>
        <DateInput label="Ngày nhận báo cáo" value={date} onChange={setDate} clearable error={error} data-autofocus />
        <Group justify="flex-end">
          <Button onClick={submit} loading={record.isPending}>
            Lưu
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
