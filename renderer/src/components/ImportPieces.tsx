/**
 * Pieces every Excel import dialog shares (the register's import wizard, the QCDC roll-up import):
 * the drop zone with its "Chọn tệp…" button, and the boxed count of the preview step.
 *
 *   <FileDropZone busy={busy} onFile={(f) => void read(f)} hint="Tệp có thể có dòng tiêu đề…" />
 *   <ImportStat label="Dòng lỗi" value={errors.length} color="red" />
 */
import { useState, type DragEvent, type ReactNode } from 'react';
import { Box, Button, FileButton, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { formatNumber } from '../lib/format';

export function ImportStat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Box p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {formatNumber(value)}
      </Text>
    </Box>
  );
}

export function FileDropZone({ onFile, busy, hint }: { onFile: (file: File | null) => void; busy: boolean; hint?: ReactNode }) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    onFile(e.dataTransfer.files?.[0] ?? null);
  };
  return (
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
        <Text>Kéo tệp Excel (.xlsx) thả vào đây, hoặc</Text>
        <FileButton onChange={onFile} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
          {(props) => (
            <Button {...props} leftSection={<IconUpload size={16} />} loading={busy}>
              Chọn tệp…
            </Button>
          )}
        </FileButton>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
    </Box>
  );
}
