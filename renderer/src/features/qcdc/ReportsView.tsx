/**
 * Số liệu của đơn vị: the period report grid for one loại hình (units × indicators), its unsaved
 * edits kept as a draft, saved unit by unit through `qcdc.reports.save` (which also marks each unit
 * reported in the unit-report tracking).
 */
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { IconDeviceFloppy, IconFileImport, IconSearch, IconX } from '@tabler/icons-react';
import { INDICATOR_SOURCE_LABELS, type FigureValue, type Indicator } from '../../../../shared/schemas/qcdc';
import { QCDC_TYPE_LABELS } from '../../../../shared/schemas/units';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showError, showSuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useApiQuery } from '../../lib/query';
import { useFoldedFilter } from '../../lib/search';
import { useFormDraft } from '../../lib/useFormDraft';
import { ReportGrid, type GridColumn, type PasteResult } from './ReportGrid';
import { ratioOf } from './gridModel';
import { PeriodControls } from './PeriodControls';
import { periodText, usePeriod } from './usePeriod';
import { QCDC_READS } from './reads';

const keyOf = (unitId: string, indicatorId: string) => `${unitId}|${indicatorId}`;

/** What a read-only column says about where its figure comes from. */
export function sourceLabel(ind: Indicator, byId: Map<string, Indicator>): string | null {
  if (ind.kind === 'ratio') {
    const n = ind.numeratorId ? byId.get(ind.numeratorId)?.name : null;
    const d = ind.denominatorId ? byId.get(ind.denominatorId)?.name : null;
    return n && d ? `Tự tính: ${n} / ${d}` : 'Tự tính từ hai chỉ tiêu số lượng';
  }
  return ind.source === 'typed' ? null : INDICATOR_SOURCE_LABELS[ind.source];
}

export function ReportsView({ onImport }: { onImport: () => void }) {
  const { year, period, qcdcType } = usePeriod();
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <PeriodControls />
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={onImport}>
          Nhập bảng tổng hợp Excel
        </Button>
      </Group>
      {/* Remounted per selection: each year/period/loại hình has its own draft. */}
      <GridEditor key={`${year}|${period}|${qcdcType}`} />
    </Stack>
  );
}

function GridEditor() {
  const { year, period, qcdcType } = usePeriod();
  const indicators = useApiQuery('qcdc.indicators.list', { qcdcType, includeInactive: false });
  const stats = useApiQuery('qcdc.stats', { year, period, qcdcType });
  const queryClient = useQueryClient();
  const form = useForm<{ edits: Record<string, FigureValue> }>({ initialValues: { edits: {} } });
  const loaded = Boolean(indicators.data && stats.data);
  const draft = useFormDraft(`qcdc.grid.${year}.${period}.${qcdcType}`, form, { enabled: loaded });
  const [search, setSearch] = useState('');
  const [receivedDate, setReceivedDate] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [pasteNote, setPasteNote] = useState<PasteResult | null>(null);
  const [failures, setFailures] = useState<string[]>([]);

  const byId = useMemo(() => new Map((indicators.data ?? []).map((i) => [i.id, i])), [indicators.data]);
  const columns: GridColumn[] = useMemo(
    () =>
      (indicators.data ?? []).map((i) => ({
        id: i.id,
        name: i.name,
        kind: i.kind,
        readOnly: i.readOnly || i.kind === 'ratio',
        sourceLabel: sourceLabel(i, byId),
        unitLabel: i.unitLabel,
      })),
    [indicators.data, byId],
  );
  const units = useMemo(() => (stats.data?.byUnit ?? []).filter((u) => u.qcdcType === qcdcType), [stats.data, qcdcType]);
  const visible = useFoldedFilter(units, search, (u) => [u.unitName]);
  const saved = useMemo(() => new Map(units.map((u) => [u.unitId, u.values])), [units]);
  const edits = form.values.edits;

  const valueOf = (unitId: string, indicatorId: string): FigureValue => {
    const k = keyOf(unitId, indicatorId);
    if (k in edits) return edits[k] ?? null;
    const ind = byId.get(indicatorId);
    // A ratio follows its two counts while they are being edited (the server recomputes on save).
    if (ind?.kind === 'ratio' && ind.numeratorId && ind.denominatorId && (keyOf(unitId, ind.numeratorId) in edits || keyOf(unitId, ind.denominatorId) in edits)) {
      return ratioOf(valueOf(unitId, ind.numeratorId), valueOf(unitId, ind.denominatorId));
    }
    return saved.get(unitId)?.[indicatorId] ?? null;
  };

  const editedUnits = useMemo(() => new Set(Object.keys(edits).map((k) => k.split('|')[0]!)), [edits]);
  const editCount = Object.keys(edits).length;

  const save = async () => {
    setSaving(true);
    setFailures([]);
    const remaining: Record<string, FigureValue> = { ...edits };
    const failed: string[] = [];
    let done = 0;
    // One call per unit: each unit's report is its own record (received date, tracking), so one
    // unit's refused figure does not hold back the others.
    for (const unitId of editedUnits) {
      const values = Object.entries(edits)
        .filter(([k]) => k.startsWith(`${unitId}|`))
        .map(([k, value]) => ({ indicatorId: k.slice(unitId.length + 1), value }));
      try {
        await api('qcdc.reports.save', { unitId, year, period, ...(receivedDate ? { receivedDate } : {}), values });
        for (const v of values) delete remaining[keyOf(unitId, v.indicatorId)];
        done += 1;
      } catch (e) {
        const name = units.find((u) => u.unitId === unitId)?.unitName ?? unitId;
        failed.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    await Promise.all(QCDC_READS.map((c) => queryClient.invalidateQueries({ queryKey: [c] })));
    form.setValues({ edits: remaining });
    setSaving(false);
    setFailures(failed);
    if (failed.length === 0) {
      draft.clear();
      form.resetDirty({ edits: {} });
      showSuccess(`Đã lưu số liệu của ${formatNumber(done)} đơn vị.`);
    } else if (done === 0) showError(new Error('Chưa lưu được số liệu nào, xem lý do bên dưới.'));
  };

  if (indicators.error || stats.error) return <ErrorAlert error={indicators.error ?? stats.error} onRetry={() => void (indicators.refetch(), stats.refetch())} />;
  if (!loaded) return <Loader size="sm" aria-label="Đang tải" />;
  if (!columns.length)
    return <EmptyState title="Loại hình này chưa có chỉ tiêu" description="Thêm chỉ tiêu ở thẻ «Danh mục chỉ tiêu» rồi quay lại nhập số liệu." />;
  if (!units.length)
    return (
      <EmptyState
        title={`Chưa có đơn vị thuộc loại hình “${QCDC_TYPE_LABELS[qcdcType]}”`}
        description="Ghi loại hình cho đơn vị ở mục Đơn vị, thành viên (cột Loại hình QCDC), hoặc nhập bảng tổng hợp Excel."
      />
    );

  const reported = units.filter((u) => u.reported).length;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <TextInput
            aria-label="Tìm đơn vị"
            placeholder="Tìm đơn vị (gõ không dấu được)"
            leftSection={<IconSearch size={14} />}
            w={260}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Text size="sm" c="dimmed">
            {periodText(period, year)}: <b>{reported}</b>/{units.length} đơn vị đã có số liệu
          </Text>
        </Group>
        <Group gap="xs" align="flex-end">
          <DateInput label="Ngày nhận báo cáo" placeholder="Hôm nay" w={160} value={receivedDate} onChange={setReceivedDate} clearable valueFormat="DD/MM/YYYY" />
          <Button variant="default" leftSection={<IconX size={16} />} disabled={!editCount || saving} onClick={() => { draft.discard(); setPasteNote(null); }}>
            Bỏ thay đổi
          </Button>
          <Button leftSection={<IconDeviceFloppy size={16} />} disabled={!editCount} loading={saving} onClick={() => void save()}>
            {editCount ? `Lưu ${formatNumber(editCount)} ô của ${formatNumber(editedUnits.size)} đơn vị` : 'Lưu'}
          </Button>
        </Group>
      </Group>
      {draft.restoredAt && editCount > 0 && (
        <Alert color="yellow" py={6}>
          Đã khôi phục {formatNumber(editCount)} ô nhập dở lúc {formatDateTime(draft.restoredAt)} (chưa lưu).
        </Alert>
      )}
      {pasteNote && (
        <Alert color={pasteNote.skipped.length ? 'yellow' : 'blue'} py={6} withCloseButton onClose={() => setPasteNote(null)} title={`Đã dán ${formatNumber(pasteNote.filled)} ô`}>
          {pasteNote.skipped.length > 0 && (
            <>
              Bỏ qua {formatNumber(pasteNote.skipped.length)} ô:{' '}
              {[...new Set(pasteNote.skipped.map((s) => s.message))].slice(0, 6).join(' · ')}
            </>
          )}
        </Alert>
      )}
      {failures.length > 0 && (
        <Alert color="red" title="Một số đơn vị chưa lưu được (các ô vẫn giữ để sửa)">
          {failures.map((f) => (
            <Text key={f} size="sm">
              {f}
            </Text>
          ))}
        </Alert>
      )}
      <ReportGrid
        label={`Số liệu ${QCDC_TYPE_LABELS[qcdcType]} năm ${year}`}
        columns={columns}
        rows={visible.map((u) => ({
          id: u.unitId,
          name: u.unitName,
          note: [u.reported ? 'Đã có số liệu' : 'Chưa có số liệu', u.mergedFrom.length ? `gồm cả ${u.mergedFrom.map((m) => m.unitName).join(', ')}` : ''].filter(Boolean).join(' · '),
        }))}
        valueOf={valueOf}
        isEdited={(u, i) => keyOf(u, i) in edits}
        onChange={(changes) => {
          const next = { ...form.values.edits };
          for (const ch of changes) {
            const k = keyOf(ch.rowId, ch.columnId);
            // Back to the saved figure: no longer an edit.
            if (ch.value === (saved.get(ch.rowId)?.[ch.columnId] ?? null)) delete next[k];
            else next[k] = ch.value;
          }
          form.setFieldValue('edits', next);
        }}
        onPaste={setPasteNote}
      />
      <Group gap="xs">
        <Badge variant="light" color="yellow" tt="none">Ô nền vàng: đã sửa, chưa lưu</Badge>
        <Badge variant="light" color="blue" tt="none">Chữ xanh: tự đếm từ sổ theo dõi hoặc tự tính, không nhập</Badge>
      </Group>
    </Stack>
  );
}
