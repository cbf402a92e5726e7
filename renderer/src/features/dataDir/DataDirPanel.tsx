import { Alert, Button, Code, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFolderOpen, IconFolderShare, IconInfoCircle } from '@tabler/icons-react';
import { api } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { formatBytes, formatNumber } from '../../lib/format';
import { useJob } from '../../components/JobProgress';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRefreshAll } from '../backup/BackupsPanel';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

export function DataDirPanel() {
  const info = useApiQuery('dataDir.info', {});
  const job = useJob();
  const confirm = useConfirm();
  const refreshAll = useRefreshAll();
  const d = info.data;
  const open = async () => {
    try {
      await api('dataDir.open', {});
    } catch (err) {
      showError(err);
    }
  };
  const move = async () => {
    const ok = await confirm({
      title: 'Chuyển thư mục dữ liệu?',
      message:
        'Bạn sẽ chọn một thư mục mới (ví dụ trên ổ D:). Phần mềm sao lưu trước, chép toàn bộ dữ liệu, tệp đính kèm và bản sao lưu sang đó, kiểm tra lại rồi mới chuyển sang dùng thư mục mới. Thư mục cũ được giữ nguyên cho tới khi bạn tự xóa.',
      confirmLabel: 'Chọn thư mục mới…',
    });
    if (!ok) return;
    try {
      const r = await job.run('Đang chuyển dữ liệu', (jobId) => api('dataDir.move', { jobId }));
      if (r.moved) {
        showSuccess(`Dữ liệu đang ở ${r.to ?? ''}. Thư mục cũ vẫn được giữ lại.`, 'Đã chuyển thư mục dữ liệu');
        await refreshAll();
      }
    } catch (err) {
      showError(err, 'Chưa chuyển được');
    }
  };
  return (
    <Stack gap="md">
      <ErrorAlert error={info.error} onRetry={() => void info.refetch()} />
      {d && (
        <>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Text fw={600}>Dữ liệu của bạn nằm ở</Text>
              <Code block fz="sm">
                {d.root}
              </Code>
              <Text size="sm" c="dimmed">
                Trong thư mục này: tệp dữ liệu <Code>qcdc.sqlite</Code>, thư mục <Code>backups</Code> (bản sao lưu),{' '}
                <Code>attachments</Code> (tệp đính kèm), <Code>exports</Code> và <Code>logs</Code> (nhật ký kỹ thuật). Đừng chép hay
                xóa riêng tệp <Code>qcdc.sqlite</Code> khi phần mềm đang chạy; hãy dùng chức năng sao lưu.
              </Text>
              <Group>
                {d.canChooseFolder && (
                  <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={open}>
                    Mở thư mục
                  </Button>
                )}
                {d.canChooseFolder && (
                  <Button leftSection={<IconFolderShare size={16} />} onClick={move}>
                    Chuyển sang thư mục khác…
                  </Button>
                )}
              </Group>
              {!d.canChooseFolder && (
                <Alert variant="light" color="gray" icon={<IconInfoCircle size={16} />}>
                  Mở và chuyển thư mục chỉ làm được trong ứng dụng trên máy tính. Ở chế độ trình duyệt, thư mục dữ liệu được chọn bằng
                  biến môi trường QCDC_DATA_DIR.
                </Alert>
              )}
            </Stack>
          </Paper>
          <SimpleGrid cols={3}>
            <Stat label="Dung lượng tệp dữ liệu" value={formatBytes(d.databaseBytes)} />
            <Stat label="Số bản sao lưu" value={formatNumber(d.backupCount)} />
            <Stat label="Dung lượng các bản sao lưu" value={formatBytes(d.backupsBytes)} />
          </SimpleGrid>
          {d.previousRoots.length > 0 && (
            <Paper withBorder p="md">
              <Text fw={600} mb={4}>
                Thư mục cũ (đã chuyển đi, vẫn giữ làm dự phòng)
              </Text>
              <List size="sm">
                {d.previousRoots.map((r) => (
                  <List.Item key={r}>
                    <Code>{r}</Code>
                  </List.Item>
                ))}
              </List>
              <Text size="xs" c="dimmed" mt={4}>
                Khi đã yên tâm dữ liệu ở thư mục mới đầy đủ, bạn có thể tự xóa các thư mục cũ này.
              </Text>
            </Paper>
          )}
        </>
      )}
      {job.element}
    </Stack>
  );
}
