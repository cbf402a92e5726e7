import { useState } from 'react';
import { Alert, Button, Card, Center, Code, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseImport, IconRestore } from '@tabler/icons-react';
import type { BackupInfo } from '../../../../shared/schemas/backup';
import { api } from '../../lib/api';
import { showError } from '../../components/notify';
import type { IntegrityStatus } from '../../../../shared/schemas/integrity';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format';
import { RestorePreview } from './BackupsPanel';

/**
 * Shown instead of the app when the start-up check found the database damaged: what happened in
 * plain words, and the newest good backup one click away (with the usual preview).
 */
export function DamagedDatabase({ status, onRestored }: { status: IntegrityStatus; onRestored?: () => void }) {
  const [restoring, setRestoring] = useState(false);
  const [showDetail, setShowDetail] = useState(false);
  const [fromFile, setFromFile] = useState<BackupInfo | null>(null);
  const b = fromFile ?? status.newestGoodBackup;
  // A copy kept on a USB stick or another PC can be used too (checked first by the core).
  const openFile = async (file: File | null) => {
    if (!file) return;
    try {
      const info = await api('backup.importFile', { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      setFromFile(info);
      setRestoring(true);
    } catch (err) {
      showError(err, 'Không dùng được tệp này');
    }
  };
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Card withBorder shadow="sm" maw={720} w="100%" p="xl" role="alert" aria-label="Dữ liệu bị hỏng">
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <IconAlertTriangle size={36} color="var(--mantine-color-red-7)" />
            <Title order={2} fz={22}>
              Dữ liệu bị hỏng, cần phục hồi
            </Title>
          </Group>
          <Text>{status.message}</Text>
          {b ? (
            <Alert color="blue" variant="light" title="Bản sao lưu tốt gần nhất">
              <Text size="sm">
                Lúc <b>{formatDateTime(b.createdAt)}</b> — {b.reasonLabel.toLowerCase()}, {formatNumber(b.totalRecords)} bản ghi,{' '}
                {formatBytes(b.sizeBytes)}.
              </Text>
              <Text size="sm" mt={4}>
                Những gì nhập sau thời điểm này sẽ không có trong dữ liệu phục hồi; hãy nhập bổ sung sau khi phục hồi.
              </Text>
            </Alert>
          ) : null}
          <Group>
            {b && (
              <Button color="blue" size="md" leftSection={<IconRestore size={18} />} onClick={() => setRestoring(true)}>
                Phục hồi bản sao lưu này…
              </Button>
            )}
            <FileButton onChange={(f) => void openFile(f)} accept=".sqlite,application/octet-stream">
              {(props) => (
                <Button variant="default" size="md" leftSection={<IconDatabaseImport size={18} />} {...props}>
                  Dùng tệp sao lưu khác…
                </Button>
              )}
            </FileButton>
            <Button variant="subtle" color="gray" onClick={() => setShowDetail((v) => !v)}>
              {showDetail ? 'Ẩn chi tiết kỹ thuật' : 'Chi tiết kỹ thuật'}
            </Button>
          </Group>
          {showDetail && (
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                Thư mục dữ liệu:
              </Text>
              <Code block>{status.dataDir}</Code>
              <Text size="xs" c="dimmed">
                Kết quả kiểm tra:
              </Text>
              <Code block>{status.detail.slice(0, 2000)}</Code>
            </Stack>
          )}
        </Stack>
      </Card>
      {restoring && b && <RestorePreview backup={b} current={null} onClose={() => setRestoring(false)} {...(onRestored ? { onRestored } : {})} />}
    </Center>
  );
}
