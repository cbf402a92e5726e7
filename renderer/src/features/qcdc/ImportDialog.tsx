/**
 * The QCDC roll-up import: file → mapping (columns to indicators, rows to units) → preview with the
 * errors and what the file names that the app does not know (units created, indicators created on
 * request) → commit in one transaction → undo.
 */
import { useMemo, useState } from 'react';
import { Alert, Badge, Box, Button, Checkbox, Group, Modal, ScrollArea, Select, SimpleGrid, Stack, Stepper, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { ImportPreview } from '../../../../shared/schemas/qcdc';
import { QCDC_TYPE_SHORT_LABELS, type QcdcType, type UnitKind } from '../../../../shared/schemas/units';
import { useConfirm } from '../../components/ConfirmAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileDropZone, ImportStat } from '../../components/ImportPieces';
import { showSuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useApiQuery } from '../../lib/query';
import { periodText, usePeriod } from './usePeriod';
import { QCDC_READS } from './reads';

const SKIP = '__skip__';

/** A two-row header comes joined ("Xã, phường… - Số tổ hòa giải"); the loại hình is shown apart, so show the indicator part. */
const headerText = (header: string) => header.split(' - ').pop() ?? header;

/** The unit kind a unit created from a roll-up gets, from the loại hình heading it sat under. */
const KIND_OF_TYPE: Record<QcdcType, UnitKind> = {
  xa_phuong: 'xa_phuong',
  co_quan_nha_nuoc: 'co_quan',
  doanh_nghiep: 'doanh_nghiep',
  luc_luong_vu_trang: 'luc_luong_vu_trang',
};

type CommitResult = { reportsSaved: number; valuesSaved: number; indicatorsCreated: number; unitsSkipped: number; errors: ImportPreview['errors'] };

export function ImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { year, period } = usePeriod();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [columns, setColumns] = useState<Record<string, string | null>>({});
  const [units, setUnits] = useState<Record<string, string | null>>({});
  const [createIndicators, setCreateIndicators] = useState(true);
  const [createUnits, setCreateUnits] = useState(true);
  const [result, setResult] = useState<CommitResult | null>(null);
  const [undone, setUndone] = useState(false);
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const indicators = useApiQuery('qcdc.indicators.list', { includeInactive: false }, { enabled: opened });
  const unitList = useApiQuery('units.list', { includeClosed: false, order: 'name' }, { enabled: opened && step >= 1 });

  const refresh = () => Promise.all([...QCDC_READS, 'units.list' as const].map((c) => queryClient.invalidateQueries({ queryKey: [c] })));

  const reset = () => {
    setStep(0);
    setPreview(null);
    setResult(null);
    setUndone(false);
    setError(null);
    setColumns({});
    setUnits({});
  };
  const close = () => {
    reset();
    onClose();
  };

  const readFile = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const p = await api('qcdc.importPreview', { fileName: file.name, bytes, year, period });
      setPreview(p);
      setColumns(Object.fromEntries(p.mapping.columns.map((c) => [c.key, c.indicatorId])));
      setUnits(Object.fromEntries(p.mapping.units.map((u) => [u.key, u.unitId])));
      setStep(1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const unknownUnits = useMemo(() => (preview?.mapping.units ?? []).filter((u) => !units[u.key]), [preview, units]);
  const unknownColumns = useMemo(() => (preview?.mapping.columns ?? []).filter((c) => !columns[c.key]), [preview, columns]);

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const unitMap = { ...units };
      // Units the file names that the app does not know are created first (on request), under the
      // loại hình heading they sat under, then mapped; without a loại hình they stay skipped.
      if (createUnits) {
        for (const u of unknownUnits) {
          if (!u.qcdcType) continue;
          const created = await api('units.create', { name: u.name, kind: KIND_OF_TYPE[u.qcdcType], qcdcType: u.qcdcType });
          unitMap[u.key] = created.id;
        }
      }
      const r = await api('qcdc.importCommit', { importId: preview.importId, mapping: { columns, units: unitMap }, createMissing: createIndicators });
      setUnits(unitMap);
      setResult(r);
      setStep(3);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    if (!preview || !result) return;
    const ok = await confirm({
      title: 'Hoàn tác lần nhập này?',
      message: `Số liệu của ${formatNumber(result.reportsSaved)} đơn vị trở lại như trước khi nhập tệp ${preview.fileName}.`,
      confirmLabel: 'Hoàn tác',
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    try {
      const r = await api('qcdc.importUndo', { importId: preview.importId });
      setUndone(true);
      showSuccess(`Đã hoàn tác: số liệu của ${formatNumber(r.reportsRestored)} đơn vị trở lại như trước.`);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const indicatorOptions = [
    // Unmatched: the next step offers to create it (or skip it).
    { value: SKIP, label: '(chưa ghép – tạo mới hoặc bỏ qua ở bước sau)' },
    ...(indicators.data ?? []).map((i) => ({ value: i.id, label: `${i.qcdcType ? QCDC_TYPE_SHORT_LABELS[i.qcdcType] : 'Chung'}: ${i.name}` })),
  ];
  const unitOptions = [{ value: SKIP, label: '(chưa ghép – tạo mới hoặc bỏ qua ở bước sau)' }, ...(unitList.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))];

  return (
    <Modal opened={opened} onClose={close} title={`Nhập bảng tổng hợp QCDC – ${periodText(period, year)}`} size="80rem" closeOnClickOutside={false}>
      <Stepper active={step} size="sm" mb="md" allowNextStepsSelect={false}>
        <Stepper.Step label="Chọn tệp" />
        <Stepper.Step label="Ghép cột, đơn vị" />
        <Stepper.Step label="Xem trước" />
        <Stepper.Step label="Kết quả" />
      </Stepper>
      <ErrorAlert error={error} />

      {step === 0 && (
        <Stack>
          <Text size="sm">
            Số liệu sẽ được ghi cho kỳ <b>{periodText(period, year)}</b> (đổi năm, kỳ ở trang Số liệu của đơn vị trước khi nhập).
          </Text>
          <FileDropZone
            busy={busy}
            onFile={(f) => void readFile(f)}
            hint="Bảng một dòng mỗi đơn vị, một cột mỗi chỉ tiêu (tiêu đề hai dòng, nhóm theo loại hình, có dòng Cộng), hoặc mỗi đơn vị một trang."
          />
        </Stack>
      )}

      {step === 1 && preview && (
        <Stack>
          <Text size="sm">
            Tệp <b>{preview.fileName}</b> ({preview.layout === 'rows' ? 'mỗi dòng một đơn vị' : 'mỗi trang một đơn vị'}): đọc được {formatNumber(preview.rowsRead)} đơn vị,{' '}
            {formatNumber(preview.columnsRead)} cột số liệu. Chương trình đã tự ghép theo tên; hãy kiểm tra các dòng chưa ghép.
          </Text>
          <SimpleGrid cols={2} spacing="md">
            <MappingTable
              title="Cột → chỉ tiêu"
              label="Ghép cột với chỉ tiêu"
              fromHeader="Cột trong tệp"
              toHeader="Chỉ tiêu"
              rows={preview.mapping.columns.map((c) => ({
                key: c.key,
                name: headerText(c.header),
                hint: c.qcdcType ? QCDC_TYPE_SHORT_LABELS[c.qcdcType] : '',
                ariaLabel: `Chỉ tiêu cho cột ${headerText(c.header)}`,
              }))}
              options={indicatorOptions}
              value={columns}
              onChange={(key, v) => setColumns((m) => ({ ...m, [key]: v }))}
            />
            <MappingTable
              title="Dòng → đơn vị"
              label="Ghép dòng với đơn vị"
              fromHeader="Tên trong tệp"
              toHeader="Đơn vị"
              rows={preview.mapping.units.map((u) => ({
                key: u.key,
                name: u.name,
                hint: [u.row ? `${u.sheet}, dòng ${u.row}` : u.sheet, u.qcdcType ? QCDC_TYPE_SHORT_LABELS[u.qcdcType] : ''].filter(Boolean).join(' · '),
                ariaLabel: `Đơn vị cho ${u.name}`,
              }))}
              options={unitOptions}
              value={units}
              onChange={(key, v) => setUnits((m) => ({ ...m, [key]: v }))}
            />
          </SimpleGrid>
          <Group justify="space-between">
            <Button variant="default" onClick={reset}>
              Chọn tệp khác
            </Button>
            <Button onClick={() => setStep(2)}>Tiếp tục: xem trước</Button>
          </Group>
        </Stack>
      )}

      {step === 2 && preview && (
        <Stack>
          <SimpleGrid cols={{ base: 3, md: 6 }}>
            <ImportStat label="Đơn vị đọc được" value={preview.rowsRead} />
            <ImportStat label="Cột số liệu" value={preview.columnsRead} />
            <ImportStat label="Số liệu sẽ ghi" value={preview.valuesCount} color="green" />
            <ImportStat label="Đơn vị đã có số liệu (ghi đè)" value={preview.replacingUnits} />
            <ImportStat label="Lỗi" value={preview.errors.length} color={preview.errors.length ? 'red' : undefined} />
            <ImportStat label="Chưa ghép (đơn vị, cột)" value={unknownUnits.length + unknownColumns.length} color={unknownUnits.length + unknownColumns.length ? 'orange' : undefined} />
          </SimpleGrid>
          {preview.errors.length > 0 && (
            <Box>
              <Text fw={600} mb={4}>
                Ô lỗi (sẽ bỏ qua)
              </Text>
              <ScrollArea.Autosize mah={200}>
                <Table withTableBorder verticalSpacing={2} aria-label="Các ô lỗi">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={160}>Trang</Table.Th>
                      <Table.Th w={80}>Dòng</Table.Th>
                      <Table.Th w={80}>Cột</Table.Th>
                      <Table.Th>Lý do</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.errors.map((e, i) => (
                      <Table.Tr key={`${e.sheet}-${e.row}-${e.column}-${i}`}>
                        <Table.Td>{e.sheet}</Table.Td>
                        <Table.Td>{e.row ?? ''}</Table.Td>
                        <Table.Td>{e.column ?? ''}</Table.Td>
                        <Table.Td>{e.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </Box>
          )}
          {unknownUnits.length > 0 && (
            <Box>
              <Text fw={600} mb={4}>
                Đơn vị chưa có trong danh sách ({unknownUnits.length})
              </Text>
              <Group gap={6} mb={6}>
                {unknownUnits.map((u) => (
                  <Badge key={u.key} variant="light" color="gray" tt="none">
                    {u.name}
                    {u.qcdcType ? ` · ${QCDC_TYPE_SHORT_LABELS[u.qcdcType]}` : ' · chưa rõ loại hình'}
                  </Badge>
                ))}
              </Group>
              <Checkbox
                checked={createUnits}
                onChange={(e) => setCreateUnits(e.currentTarget.checked)}
                label="Tạo các đơn vị này theo loại hình ghi trong tệp; nếu không, số liệu của chúng sẽ bị bỏ qua"
              />
            </Box>
          )}
          {unknownColumns.length > 0 && (
            <Box>
              <Text fw={600} mb={4}>
                Cột chưa có chỉ tiêu tương ứng ({unknownColumns.length})
              </Text>
              <Group gap={6} mb={6}>
                {unknownColumns.map((c) => (
                  <Badge key={c.key} variant="light" color="gray" tt="none">
                    {headerText(c.header)}
                    {c.qcdcType ? ` · ${QCDC_TYPE_SHORT_LABELS[c.qcdcType]}` : ''}
                  </Badge>
                ))}
              </Group>
              <Checkbox
                checked={createIndicators}
                onChange={(e) => setCreateIndicators(e.currentTarget.checked)}
                label="Thêm các chỉ tiêu này vào danh mục của loại hình ghi trên cột; nếu không, các cột này sẽ bị bỏ qua"
              />
            </Box>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(1)}>
              Quay lại ghép cột
            </Button>
            <Button onClick={() => void commit()} loading={busy}>
              Nhập số liệu
            </Button>
          </Group>
        </Stack>
      )}

      {step === 3 && result && preview && (
        <Stack>
          <Alert color="green" title={`Đã nhập số liệu ${periodText(preview.period, preview.year)}`}>
            Ghi {formatNumber(result.valuesSaved)} số liệu của {formatNumber(result.reportsSaved)} đơn vị.
            {result.indicatorsCreated > 0 && ` Đã thêm ${formatNumber(result.indicatorsCreated)} chỉ tiêu.`}
            {result.unitsSkipped > 0 && ` Bỏ qua ${formatNumber(result.unitsSkipped)} đơn vị chưa ghép.`}
          </Alert>
          {undone && (
            <Alert color="gray" title="Đã hoàn tác lần nhập này">
              Số liệu của các đơn vị đã trở lại như trước khi nhập.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" color="red" leftSection={<IconArrowBackUp size={16} />} disabled={undone} loading={busy} onClick={() => void undo()}>
              {undone ? 'Đã hoàn tác lần nhập' : 'Hoàn tác lần nhập này'}
            </Button>
            <Button onClick={close}>Xem số liệu</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** One side of the mapping step: what the file names (left) → what the app knows (right); unmatched rows tinted. */
function MappingTable({
  title,
  label,
  fromHeader,
  toHeader,
  rows,
  options,
  value,
  onChange,
}: {
  title: string;
  label: string;
  fromHeader: string;
  toHeader: string;
  rows: { key: string; name: string; hint: string; ariaLabel: string }[];
  options: { value: string; label: string }[];
  value: Record<string, string | null>;
  onChange: (key: string, id: string | null) => void;
}) {
  return (
    <Box>
      <Text fw={600} mb={4}>
        {title}
      </Text>
      <ScrollArea.Autosize mah="50vh">
        <Table withTableBorder verticalSpacing={2} aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{fromHeader}</Table.Th>
              <Table.Th w={300}>{toHeader}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key} bg={value[r.key] ? undefined : 'yellow.0'}>
                <Table.Td>
                  <Text size="sm">{r.name}</Text>
                  {r.hint && (
                    <Text size="xs" c="dimmed">
                      {r.hint}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={r.ariaLabel}
                    data={options}
                    searchable
                    limit={50}
                    value={value[r.key] ?? SKIP}
                    onChange={(v) => onChange(r.key, v && v !== SKIP ? v : null)}
                    allowDeselect={false}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Box>
  );
}
