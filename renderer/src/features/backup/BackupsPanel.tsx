import { useState } from 'react';
import { ActionIcon, Badge, Button, FileButton, Group, Menu, Modal, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDatabaseExport, IconDatabaseImport, IconDots, IconDownload, IconRestore, IconShieldCheck, IconTrash, IconUsb } from '@tabler/icons-react';
import type { BackupInfo } from '../../../../shared/schemas/backup';
import { api } from '../../lib/api';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format';
import { useJob } from '../../components/JobProgress';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyState } from '../../components/EmptyState';
import { useQueryClient } from '@tanstack/react-query';
import { downloadFile } from '../../components/fileOut';

const INTERVALS = [
  { value: '0', label: 'Tắt' },
  { value: '1', label: 'Mỗi giờ' },
  { value: '2', label: 'Mỗi 2 giờ' },
  { value: '4', label: 'Mỗi 4 giờ' },
  { value: '8', label: 'Mỗi 8 giờ' },
  { value: '24', label: 'Mỗi ngày' },
];

/** Invalidate everything after a restore: every screen's data has changed. */
export function useRefreshAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

export function RestorePreview({
  backup,
  current,
  onClose,
  onRestored,
}: {
  backup: BackupInfo | null;
  current: { counts: BackupInfo['counts']; totalRecords: number } | null;
  onClose: () => void;
  onRestored?: () => void;
}) {
  const job = useJob();
  const refreshAll = useRefreshAll();
  const [busy, setBusy] = useState(false);
  if (!backup) return job.element;
  const currentByTable = new Map((current?.counts ?? []).map((c) => [c.table, c.count]));
  const rows = backup.counts.filter((c) => c.count > 0 || (currentByTable.get(c.table) ?? 0) > 0);
  const restore = async () => {
    setBusy(true);
    try {
      const result = await job.run('Đang phục hồi dữ liệu', (jobId) => api('backup.restore', { fileName: backup.fileName, jobId }));
      showSuccess(
        `Đã phục hồi dữ liệu ngày ${formatDateTime(result.restoredFrom.createdAt)} (${formatNumber(result.totalRecords)} bản ghi). ` +
          (result.safetyBackup ? 'Dữ liệu trước khi phục hồi đã được lưu thành một bản sao lưu an toàn.' : ''),
        'Phục hồi thành công',
      );
      await refreshAll();
      onRestored?.();
      onClose();
    } catch (err) {
      showError(err, 'Chưa phục hồi được');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Modal opened onClose={onClose} title="Phục hồi dữ liệu từ bản sao lưu" size="lg" centered>
        <Stack gap="sm">
          <Text size="sm">
            Bản sao lưu lúc <b>{formatDateTime(backup.createdAt)}</b> ({backup.reasonLabel.toLowerCase()}), {formatBytes(backup.sizeBytes)}.
          </Text>
          <Table withTableBorder striped fz="sm" aria-label="So sánh số bản ghi">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Loại dữ liệu</Table.Th>
                <Table.Th ta="right">Trong bản sao lưu</Table.Th>
                <Table.Th ta="right">Hiện tại</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.table}>
                  <Table.Td>{c.label}</Table.Td>
                  <Table.Td ta="right">{formatNumber(c.count)}</Table.Td>
                  <Table.Td ta="right">{current ? formatNumber(currentByTable.get(c.table) ?? 0) : '—'}</Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text size="sm" c="dimmed">
                      Bản sao lưu này chưa có bản ghi nào.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Text size="sm">
            Dữ liệu hiện tại sẽ được thay bằng dữ liệu của bản sao lưu này. Trước khi thay, phần mềm tự lưu dữ liệu hiện tại thành
            một bản sao lưu an toàn để bạn có thể quay lại.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              Hủy
            </Button>
            <Button color="red" leftSection={<IconRestore size={16} />} loading={busy} onClick={restore}>
              Phục hồi bản này
            </Button>
          </Group>
        </Stack>
      </Modal>
      {job.element}
    </>
  );
}

export function BackupsPanel() {
  const list = useApiQuery('backup.list', {});
  const info = useApiQuery('dataDir.info', {});
  const job = useJob();
  const confirm = useConfirm();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const setSchedule = useApiMutation('backup.setSchedule', { invalidate: ['backup.list'], onError: showError });
  const remove = useApiMutation('backup.delete', { invalidate: ['backup.list', 'dataDir.info'], onError: showError });
  const refresh = () => Promise.all([list.refetch(), info.refetch()]);

  const backupNow = async () => {
    try {
      const b = await job.run('Đang sao lưu dữ liệu', (jobId) => api('backup.create', { jobId }));
      showSuccess(`Đã sao lưu ${formatNumber(b.totalRecords)} bản ghi, đã kiểm tra toàn vẹn.`, 'Sao lưu xong');
      await refresh();
    } catch (err) {
      showError(err, 'Chưa sao lưu được');
    }
  };
  const toFolder = async (fileName?: string) => {
    try {
      const r = await job.run('Đang chép bản sao lưu', (jobId) => api('backup.exportToFolder', fileName ? { fileName, jobId } : { jobId }));
      if (r.saved) showSuccess(`Đã chép bản sao lưu tới ${r.path ?? ''}.`);
      await refresh();
    } catch (err) {
      showError(err);
    }
  };
  const importFile = async (file: File | null) => {
    if (!file) return;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const b = await job.run('Đang kiểm tra tệp sao lưu', () => api('backup.importFile', { fileName: file.name, bytes }));
      showSuccess(`Đã thêm bản sao lưu ${formatNumber(b.totalRecords)} bản ghi vào danh sách; bấm «Phục hồi…» để dùng nó.`, 'Tệp sao lưu hợp lệ');
      await refresh();
    } catch (err) {
      showError(err, 'Không dùng được tệp này');
    }
  };
  const download = (b: BackupInfo) => downloadFile(() => api('backup.download', { fileName: b.fileName }));
  const verify = async (b: BackupInfo) => {
    try {
      const r = await job.run('Đang kiểm tra bản sao lưu', (jobId) => api('backup.verify', { fileName: b.fileName, jobId }));
      if (r.integrity === 'ok') showSuccess('Bản sao lưu nguyên vẹn, có thể dùng để phục hồi.', 'Kiểm tra xong');
      else showError(`Bản sao lưu bị hỏng: ${r.integrity}`, 'Bản sao lưu bị hỏng');
      await refresh();
    } catch (err) {
      showError(err);
    }
  };
  const del = async (b: BackupInfo) => {
    const ok = await confirm({
      title: 'Xóa bản sao lưu?',
      message: `Bản sao lưu lúc ${formatDateTime(b.createdAt)} sẽ bị xóa hẳn khỏi máy, không khôi phục được.`,
      confirmLabel: 'Xóa bản sao lưu',
      danger: true,
    });
    if (ok) remove.mutate({ fileName: b.fileName });
  };

  const backups = list.data?.backups ?? [];
  return (
    <Stack gap="md">
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Stack gap={4}>
            <Text fw={600}>Sao lưu tự động</Text>
            <Text size="sm" c="dimmed" maw={460}>
              Phần mềm tự sao lưu theo lịch (khi có thay đổi), khi thoát, và trước mỗi lần nhập dữ liệu, thao tác hàng loạt, phục
              hồi hay nâng cấp. Giữ {list.data?.schedule.keepRecent ?? 10} bản gần nhất, mỗi ngày một bản trong{' '}
              {list.data?.schedule.keepDailyDays ?? 31} ngày, mỗi tháng một bản. Bản sao lưu thủ công không bao giờ bị tự xóa.
            </Text>
            {list.data?.schedule.lastAutomaticAt && (
              <Text size="xs" c="dimmed">
                Lần sao lưu tự động gần nhất: {formatDateTime(list.data.schedule.lastAutomaticAt)}
              </Text>
            )}
          </Stack>
          <Group align="flex-end">
            <Select
              label="Chu kỳ"
              w={150}
              data={INTERVALS}
              allowDeselect={false}
              value={String(list.data?.schedule.intervalHours ?? 4)}
              onChange={(v) => v !== null && setSchedule.mutate({ intervalHours: Number(v) })}
            />
            {info.data?.canChooseFolder && (
              <Button variant="default" leftSection={<IconUsb size={16} />} onClick={() => void toFolder()}>
                Sao lưu ra USB
              </Button>
            )}
            <FileButton onChange={(f) => void importFile(f)} accept=".sqlite,application/vnd.sqlite3,application/octet-stream">
              {(props) => (
                <Button variant="default" style={{ flexShrink: 0 }} leftSection={<IconDatabaseImport size={16} />} {...props}>
                  Mở tệp sao lưu
                </Button>
              )}
            </FileButton>
            <Button style={{ flexShrink: 0 }} leftSection={<IconDatabaseExport size={16} />} onClick={backupNow}>
              Sao lưu ngay
            </Button>
          </Group>
        </Group>
      </Paper>

      {list.data && backups.length === 0 ? (
        <EmptyState
          title="Chưa có bản sao lưu nào"
          description="Bấm «Sao lưu ngay» để tạo bản sao lưu đầu tiên. Nên chép thêm một bản ra USB và cất nơi khác."
          actionLabel="Sao lưu ngay"
          onAction={backupNow}
        />
      ) : (
        <Table striped highlightOnHover withTableBorder verticalSpacing="xs" fz="sm" aria-label="Danh sách bản sao lưu">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Thời gian</Table.Th>
              <Table.Th>Loại</Table.Th>
              <Table.Th ta="right">Số bản ghi</Table.Th>
              <Table.Th>Chi tiết</Table.Th>
              <Table.Th ta="right">Dung lượng</Table.Th>
              <Table.Th>Kiểm tra</Table.Th>
              <Table.Th w={190} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((b) => (
              <Table.Tr key={b.fileName} data-testid="backup-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(b.createdAt)}</Table.Td>
                <Table.Td>
                  <Badge variant={b.pinned ? 'filled' : 'light'} color={b.pinned ? 'blue' : 'gray'} radius="sm" tt="none">
                    {b.reasonLabel}
                  </Badge>
                  {b.note && (
                    <Text size="xs" c="dimmed">
                      {b.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(b.totalRecords)}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {b.counts
                      .filter((c) => c.count > 0 && c.table !== 'audit_log')
                      .slice(0, 4)
                      .map((c) => `${c.label}: ${formatNumber(c.count)}`)
                      .join(' · ') || 'Chưa có dữ liệu'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatBytes(b.sizeBytes)}
                </Table.Td>
                <Table.Td>
                  {b.integrity === 'ok' ? (
                    <Badge color="green" variant="light" radius="sm" tt="none">
                      Nguyên vẹn
                    </Badge>
                  ) : b.integrity === 'chưa kiểm tra' ? (
                    <Badge color="gray" variant="light" radius="sm" tt="none">
                      Chưa kiểm tra
                    </Badge>
                  ) : (
                    <Tooltip label={b.integrity} multiline w={300}>
                      <Badge color="red" variant="light" radius="sm" tt="none">
                        Bị hỏng
                      </Badge>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      style={{ flexShrink: 0 }}
                      leftSection={<IconRestore size={14} />}
                      disabled={b.integrity !== 'ok' && b.integrity !== 'chưa kiểm tra'}
                      onClick={() => setRestoring(b)}
                    >
                      Phục hồi
                    </Button>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Thao tác khác với bản sao lưu ${formatDateTime(b.createdAt)}`}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconShieldCheck size={14} />} onClick={() => void verify(b)}>
                          Kiểm tra toàn vẹn
                        </Menu.Item>
                        {info.data?.canChooseFolder && (
                          <Menu.Item leftSection={<IconUsb size={14} />} onClick={() => void toFolder(b.fileName)}>
                            Chép ra thư mục khác…
                          </Menu.Item>
                        )}
                        <Menu.Item leftSection={<IconDownload size={14} />} onClick={() => void download(b)}>
                          Tải về
                        </Menu.Item>
                        <Menu.Divider />
                        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void del(b)}>
                          Xóa bản sao lưu
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data && (
        <Text size="xs" c="dimmed">
          {formatNumber(backups.length)} bản sao lưu trong thư mục {list.data.folder}
        </Text>
      )}
      <RestorePreview backup={restoring} current={list.data?.current ?? null} onClose={() => setRestoring(null)} />
      {job.element}
    </Stack>
  );
}
