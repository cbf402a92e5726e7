import { useState, type DragEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  FileButton,
  Group,
  Modal,
  NumberInput,
  ScrollArea,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core';
import { IconArrowBackUp, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { IMPORT_FIELDS, type ImportCommitResult, type ImportMapping, type ImportPreview } from '../../../../shared/schemas/models';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useJob } from '../../components/JobProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiQuery } from '../../lib/query';
import { ImportHistory, useUndoImport } from './Undo';
import { commitChoices, ImportPreviewStep, initialDecisions, SKIP, type PreviewDecisions } from './ImportPreviewStep';

/** Upload (pick or drop) → column mapping → preview with bad rows → commit with progress → report. */
export function ImportWizard({
  opened,
  onClose,
  onDone,
  onChanged,
}: {
  opened: boolean;
  onClose: () => void;
  onDone: (year: number) => void;
  /** The register changed otherwise (an import undone). */
  onChanged: () => void;
}) {
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [year, setYear] = useState<number | string>('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [decisions, setDecisions] = useState<PreviewDecisions>(initialDecisions);
  const [result, setResult] = useState<ImportCommitResult | null>(null);
  const [undone, setUndone] = useState(false);
  const undoImport = useUndoImport(() => {
    setUndone(true);
    onChanged();
  });
  const [dragging, setDragging] = useState(false);
  const job = useJob();
  const options = useApiQuery('models.options', {}, { enabled: opened });

  const reset = () => {
    setStep(0);
    setPreview(null);
    setResult(null);
    setUndone(false);
    setError(null);
    // The year found in the last file must not be forced onto the next one (it would override the
    // year its title or name gives).
    setYear('');
    setDecisions(initialDecisions());
    setMapping({});
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
      const p = await api('models.importPreview', { fileName: file.name, bytes, ...(typeof year === 'number' ? { year } : {}) });
      setPreview(p);
      setMapping(p.mapping as ImportMapping);
      if (p.year) setYear(p.year);
      setStep(1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const remap = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const p = await api('models.importRemap', { importId: preview.importId, mapping, ...(typeof year === 'number' ? { year } : {}) });
      setPreview(p);
      setStep(2);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setError(null);
    try {
      const r = await job.run(`Đang nhập ${preview.fileName}`, (jobId) =>
        api('models.importCommit', {
          importId: preview.importId,
          mapping,
          ...(typeof year === 'number' ? { year } : {}),
          ...commitChoices(preview, decisions),
          jobId,
        }),
      );
      setResult(r);
      setStep(3);
      onDone(r.year);
    } catch (e) {
      setError(e);
    }
  };

  const columnOptions = [
    { value: SKIP, label: '(không nhập)' },
    ...(preview?.columns ?? []).map((c) => ({ value: String(c.index), label: `Cột ${c.letter}: ${c.header || '(trống)'}` })),
  ];
  const colOf = (i: number | null | undefined) => (typeof i === 'number' ? preview?.columns[i] : undefined);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void readFile(e.dataTransfer.files?.[0] ?? null);
  };

  return (
    <Modal opened={opened} onClose={close} title="Nhập sổ mô hình từ Excel" size="80rem" closeOnClickOutside={false}>
      <Stepper active={step} size="sm" mb="md" allowNextStepsSelect={false}>
        <Stepper.Step label="Chọn tệp" />
        <Stepper.Step label="Ghép cột" />
        <Stepper.Step label="Xem trước" />
        <Stepper.Step label="Kết quả" />
      </Stepper>
      <ErrorAlert error={error} />

      {step === 0 && (
        <Stack>
          <NumberInput
            label="Năm đăng ký"
            description="Để trống nếu tiêu đề hoặc tên tệp đã ghi năm (ví dụ: “… NĂM 2023”)."
            value={year}
            onChange={setYear}
            min={2000}
            max={2100}
            w={220}
          />
          <Box
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            p="xl"
            data-testid="import-dropzone"
            style={{
              border: `2px dashed var(--mantine-color-${dragging ? 'blue-6' : 'gray-4'})`,
              borderRadius: 8,
              textAlign: 'center',
              background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
            }}
          >
            <Stack align="center" gap="xs">
              <IconFileSpreadsheet size={40} stroke={1.4} />
              <Text>Kéo tệp Excel (.xlsx, .xls) hoặc CSV thả vào đây, hoặc</Text>
              <FileButton onChange={(f) => void readFile(f)} accept=".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv">
                {(props) => (
                  <Button {...props} leftSection={<IconUpload size={16} />} loading={busy}>
                    Chọn tệp…
                  </Button>
                )}
              </FileButton>
              <Text size="xs" c="dimmed">
                Tệp có thể có dòng tiêu đề, dòng đánh số (1) (2)…, dòng “Cộng”; chương trình tự tìm dòng tên cột.
              </Text>
            </Stack>
          </Box>
          <ImportHistory onUndone={onChanged} />
        </Stack>
      )}

      {step === 1 && preview && (
        <Stack>
          <Text size="sm">
            Tệp <b>{preview.fileName}</b>, trang <b>{preview.sheetName}</b>: dòng tên cột là dòng {preview.headerRow}.{' '}
            {preview.mappingSource === 'remembered' ? 'Dùng cách ghép cột đã lưu lần trước cho mẫu tệp này.' : 'Chương trình đã tự ghép cột theo tên cột; hãy kiểm tra và sửa nếu cần.'}
          </Text>
          <Group align="flex-end">
            <NumberInput label="Năm đăng ký" value={year} onChange={setYear} min={2000} max={2100} w={160} required />
          </Group>
          <ScrollArea.Autosize mah="52vh">
            <Table striped withTableBorder verticalSpacing={4} aria-label="Ghép cột">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={220}>Thông tin</Table.Th>
                  <Table.Th w={320}>Lấy từ cột</Table.Th>
                  <Table.Th>Ví dụ trong tệp</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {IMPORT_FIELDS.map((f) => {
                  const col = mapping[f.key];
                  return (
                    <Table.Tr key={f.key}>
                      <Table.Td>
                        {f.label}
                        {f.required && <Text span c="red"> *</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Cột cho ${f.label}`}
                          size="xs"
                          data={columnOptions}
                          value={typeof col === 'number' ? String(col) : SKIP}
                          onChange={(v) => setMapping((m) => ({ ...m, [f.key]: v && v !== SKIP ? Number(v) : null }))}
                          allowDeselect={false}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {colOf(col)?.samples.join(' · ') ?? ''}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Group justify="space-between">
            <Button variant="default" onClick={reset}>
              Chọn tệp khác
            </Button>
            <Button onClick={() => void remap()} loading={busy} disabled={typeof mapping.name !== 'number'}>
              Tiếp tục: xem trước
            </Button>
          </Group>
        </Stack>
      )}

      {step === 2 && preview && (
        <ImportPreviewStep
          preview={preview}
          options={options.data}
          decisions={decisions}
          onChange={setDecisions}
          footer={
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(1)}>
                Quay lại ghép cột
              </Button>
              <Button onClick={() => void commit()} disabled={!preview.rowsValid || (!preview.year && typeof year !== 'number')}>
                Nhập {formatNumber(preview.rowsValid)} dòng hợp lệ
              </Button>
            </Group>
          }
        />
      )}

      {step === 3 && result && (
        <Stack>
          <Alert color="green" title={`Đã nhập xong sổ mô hình năm ${result.year}`}>
            Thêm mới {formatNumber(result.created)}, cập nhật {formatNumber(result.updated)}, không đổi {formatNumber(result.unchanged)}, bỏ qua{' '}
            {formatNumber(result.skipped)} dòng.
            {result.unitsCreated > 0 && ` Đã tạo ${result.unitsCreated} đơn vị mới.`}
            {result.catalogItemsCreated > 0 && ` Đã thêm ${result.catalogItemsCreated} mục danh mục.`}
            {result.unitsMarkedReviewed > 0 && ` Ghi nhận ${result.unitsMarkedReviewed} đơn vị đã họp xét theo kết quả nhập.`}
            <Text size="sm" c="dimmed" mt={4}>
              Bản sao lưu dữ liệu trước khi nhập: tệp {result.backupFileName} (được ghi và kiểm tra trong nền, xem ở mục Sao lưu,
              dữ liệu → Sao lưu và phục hồi).
            </Text>
          </Alert>
          {undone && (
            <Alert color="gray" title="Đã hoàn tác lần nhập này">
              Các bản ghi do tệp thêm mới đã được chuyển vào thùng rác, các bản ghi tệp đã cập nhật trở lại như trước khi nhập.
            </Alert>
          )}
          {result.skippedRows.length > 0 && (
            <ScrollArea.Autosize mah={260}>
              <Table withTableBorder verticalSpacing={4} aria-label="Các dòng bỏ qua">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={110} style={{ whiteSpace: 'nowrap' }}>Dòng Excel</Table.Th>
                    <Table.Th w={60}>TT</Table.Th>
                    <Table.Th>Lý do bỏ qua</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.skippedRows.map((s) => (
                    <Table.Tr key={s.row}>
                      <Table.Td>{s.row}</Table.Td>
                      <Table.Td>{s.seq ?? ''}</Table.Td>
                      <Table.Td>{s.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
          <Group justify="flex-end">
            {preview && (result.created > 0 || result.updated > 0) && (
              <Button
                variant="default"
                color="red"
                leftSection={<IconArrowBackUp size={16} />}
                disabled={undone}
                onClick={() => void undoImport({ importId: preview.importId, fileName: preview.fileName, created: result.created, updated: result.updated })}
              >
                {undone ? 'Đã hoàn tác lần nhập' : 'Hoàn tác lần nhập này'}
              </Button>
            )}
            <Button onClick={close}>Xem sổ mô hình</Button>
          </Group>
        </Stack>
      )}
      {job.element}
    </Modal>
  );
}
