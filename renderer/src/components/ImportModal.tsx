import { useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, Modal, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import type { ImportPreview } from '../../../shared/schemas/units';
import { api } from '../lib/api';
import { formatNumber } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';
import { showError, showSuccess } from './notify';
import { useJob } from './JobProgress';
import { useQueryClient } from '@tanstack/react-query';

export interface ImportTarget {
  kind: 'units' | 'members';
  title: string;
  /** Target fields in display order, with labels. */
  fields: Array<{ key: string; label: string; required?: boolean }>;
}

export const UNIT_IMPORT: ImportTarget = {
  kind: 'units',
  title: 'Nhập danh sách đơn vị từ Excel',
  fields: [
    { key: 'name', label: 'Tên đơn vị', required: true },
    { key: 'parent', label: 'Đơn vị cấp trên' },
    { key: 'shortName', label: 'Tên viết tắt' },
    { key: 'kind', label: 'Loại đơn vị' },
    { key: 'qcdcType', label: 'Loại hình' },
    { key: 'validFrom', label: 'Hiệu lực từ' },
    { key: 'note', label: 'Ghi chú' },
  ],
};

export const MEMBER_IMPORT: ImportTarget = {
  kind: 'members',
  title: 'Nhập danh sách thành viên từ Excel',
  fields: [
    { key: 'fullName', label: 'Họ và tên', required: true },
    { key: 'role', label: 'Chức danh trong BCĐ', required: true },
    { key: 'position', label: 'Chức vụ' },
    { key: 'agency', label: 'Cơ quan công tác' },
    { key: 'phone', label: 'Điện thoại' },
    { key: 'email', label: 'Thư điện tử' },
    { key: 'units', label: 'Đơn vị phụ trách' },
  ],
};

/**
 * Tolerant Excel import: pick a file → the core finds the header and maps columns by name → the
 * officer checks the preview (rows read, valid, each bad row with its Excel row number), may fix
 * the mapping → "Nhập" saves all valid rows in one transaction, with progress and cancel.
 */
export function ImportModal({ target, opened, onClose }: { target: ImportTarget; opened: boolean; onClose: () => void }) {
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const job = useJob();
  const queryClient = useQueryClient();

  const reset = () => {
    setFile(null);
    setPreview(null);
    setMapping({});
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const runPreview = async (bytes: Uint8Array, map?: Record<string, number | null>) => {
    setLoading(true);
    setError(null);
    try {
      const channel = target.kind === 'units' ? 'units.importPreview' : 'members.importPreview';
      const result = await api(channel, map ? { bytes, mapping: map } : { bytes });
      setPreview(result);
      setMapping(result.mapping);
    } catch (e) {
      setPreview(null);
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  const pick = async (f: File | null) => {
    if (!f) return;
    const bytes = new Uint8Array(await f.arrayBuffer());
    setFile({ name: f.name, bytes });
    await runPreview(bytes);
  };

  const commit = async () => {
    if (!file || !preview) return;
    try {
      const result = await job.run(target.title, (jobId) =>
        target.kind === 'units'
          ? api('units.importCommit', { bytes: file.bytes, mapping, jobId })
          : api('members.importCommit', { bytes: file.bytes, mapping, jobId }),
      );
      if (!result) return;
      await queryClient.invalidateQueries();
      showSuccess(
        `Đã thêm ${formatNumber(result.created)}${result.updated ? `, cập nhật ${formatNumber(result.updated)}` : ''}; bỏ qua ${formatNumber(result.skipped)} dòng.`,
        'Đã nhập xong',
      );
      close();
    } catch (e) {
      showError(e);
    }
  };

  const columnOptions = (preview?.headers ?? []).map((h) => ({ value: String(h.index), label: `Cột ${h.index}: ${h.label}` }));
  const sampleKeys = target.fields.map((f) => f.key).filter((k) => preview?.sample.some((r) => r[k] != null && r[k] !== '') || k === target.fields[0]!.key);
  const sampleKeyFor = (k: string) => (k === 'parent' ? 'parent' : k);

  return (
    <Modal opened={opened} onClose={close} title={target.title} size="xl">
      {job.element}
      <Stack gap="md">
        <Group>
          <FileButton onChange={pick} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(props) => (
              <Button {...props} leftSection={<IconUpload size={16} />} variant={file ? 'default' : 'filled'} loading={loading}>
                {file ? 'Chọn tệp khác' : 'Chọn tệp Excel (.xlsx)'}
              </Button>
            )}
          </FileButton>
          {file && (
            <Group gap={6}>
              <IconFileSpreadsheet size={18} />
              <Text size="sm">{file.name}</Text>
            </Group>
          )}
        </Group>
        {!file && (
          <Text size="sm" c="dimmed">
            Tệp có thể có dòng tiêu đề, dòng đánh số cột (1), (2)… và dòng «Cộng»: phần mềm tự tìm dòng tiêu đề và nhận cột theo tên
            ({target.fields.map((f) => f.label).join(', ')}).
          </Text>
        )}
        <ErrorAlert error={error} />
        {preview && (
          <>
            <Group gap="xs">
              <Badge variant="light">Trang tính: {preview.sheetName}</Badge>
              <Badge variant="light">Dòng tiêu đề: {preview.headerRow}</Badge>
              {preview.encoding && preview.encoding !== 'unicode' && (
                <Badge variant="light" color="orange">
                  Đã chuyển phông {preview.encoding === 'tcvn3' ? 'TCVN3 (.VnTime)' : 'VNI'} sang Unicode
                </Badge>
              )}
              <Badge variant="light" color="blue">Đọc được {formatNumber(preview.rowsRead)} dòng</Badge>
              <Badge variant="light" color="green">Hợp lệ {formatNumber(preview.validRows)}</Badge>
              <Badge variant="light" color={preview.errors.length ? 'red' : 'gray'}>Có lỗi {formatNumber(preview.errors.length)}</Badge>
            </Group>
            <SimpleGrid cols={3} spacing="xs">
              {target.fields.map((f) => (
                <Select
                  key={f.key}
                  size="xs"
                  label={`${f.label}${f.required ? ' *' : ''}`}
                  data={columnOptions}
                  value={mapping[f.key] ? String(mapping[f.key]) : null}
                  placeholder="(không có)"
                  clearable={!f.required}
                  onChange={(v) => {
                    const next = { ...mapping, [f.key]: v ? Number(v) : null };
                    setMapping(next);
                    if (file) void runPreview(file.bytes, next);
                  }}
                />
              ))}
            </SimpleGrid>
            {preview.errors.length > 0 && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} title={`${preview.errors.length} dòng sẽ bị bỏ qua`}>
                <ScrollArea.Autosize mah={140}>
                  <Stack gap={2}>
                    {preview.errors.map((e) => (
                      <Text key={e.row} size="sm">
                        {e.message}
                      </Text>
                    ))}
                  </Stack>
                </ScrollArea.Autosize>
              </Alert>
            )}
            {preview.sample.length > 0 && (
              <ScrollArea.Autosize mah={220}>
                <Table striped withTableBorder fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      {sampleKeys.map((k) => (
                        <Table.Th key={k}>{target.fields.find((f) => f.key === k)?.label}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.sample.map((row, i) => (
                      <Table.Tr key={i}>
                        {sampleKeys.map((k) => (
                          <Table.Td key={k}>{row[sampleKeyFor(k)] ?? ''}</Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Đóng
          </Button>
          <Button onClick={commit} disabled={!preview || preview.validRows === 0} leftSection={<IconUpload size={16} />}>
            Nhập {preview ? formatNumber(preview.validRows) : ''} dòng hợp lệ
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

