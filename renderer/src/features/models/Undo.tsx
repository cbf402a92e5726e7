/**
 * Taking back changes made to the register in bulk: the recent Excel imports, each with "Hoàn tác"
 * while it can still be undone, and the undo of a bulk status change.
 */
import { Badge, Button, ScrollArea, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { ImportHistoryEntry } from '../../../../shared/schemas/models';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Everything an undo changes on screen. */
const AFTER_UNDO = ['models.importHistory', 'models.list', 'models.count', 'models.stats', 'models.years', 'models.reviews', 'models.options', 'overview.get', 'trash.list'] as const;

/**
 * The one way an undo runs on screen: ask first (the safe choice focused), say it is working (a
 * backup comes first, then possibly thousands of records), then say what happened or why not.
 */
async function confirmAndUndo<R>(
  confirm: ReturnType<typeof useConfirm>,
  ask: { title: string; message: string },
  working: string,
  run: () => Promise<R>,
  done: (result: R) => { title: string; message: string },
  onUndone: () => void,
): Promise<void> {
  if (!(await confirm({ ...ask, confirmLabel: 'Hoàn tác', danger: true }))) return;
  const id = notifications.show({ loading: true, title: working, message: 'Đang sao lưu dữ liệu, rồi hoàn tác…', autoClose: false, withCloseButton: false });
  try {
    const said = done(await run());
    showSuccess(said.message, said.title);
    onUndone();
  } catch (e) {
    showError(e, 'Chưa hoàn tác được');
  } finally {
    notifications.hide(id);
  }
}

export function useUndoImport(onUndone: () => void): (entry: Pick<ImportHistoryEntry, 'importId' | 'fileName' | 'created' | 'updated'>) => Promise<void> {
  const confirm = useConfirm();
  const undo = useApiMutation('models.importUndo', { invalidate: [...AFTER_UNDO] });
  return (entry) =>
    confirmAndUndo(
      confirm,
      {
        title: 'Hoàn tác lần nhập?',
        message: `Các bản ghi do tệp "${entry.fileName}" thêm mới (${formatNumber(entry.created)}) sẽ được chuyển vào thùng rác, các bản ghi tệp này đã cập nhật (${formatNumber(entry.updated)}) trở lại như trước khi nhập. Dữ liệu được sao lưu trước khi hoàn tác.`,
      },
      `Đang hoàn tác lần nhập tệp ${entry.fileName}`,
      () => undo.mutateAsync({ importId: entry.importId }),
      (r) => ({
        title: `Đã hoàn tác lần nhập tệp ${r.fileName}`,
        message:
          `${formatNumber(r.recordsRemoved)} bản ghi đã chuyển vào thùng rác, ${formatNumber(r.recordsRestored + r.modelsRestored)} bản ghi trở lại như trước khi nhập.` +
          (r.unitsKept ? ` Giữ lại ${formatNumber(r.unitsKept)} đơn vị đã được dùng sau khi nhập.` : ''),
      }),
      onUndone,
    );
}

/** Undo of a bulk status change (the register's "Hoàn tác" after "Công nhận … mô hình đã chọn"). */
export function useUndoBulk(onUndone: () => void): (done: { updated: number; operationId: string }) => Promise<void> {
  const confirm = useConfirm();
  const undo = useApiMutation('models.bulkUndo', { invalidate: [...AFTER_UNDO] });
  return (bulk) =>
    confirmAndUndo(
      confirm,
      {
        title: 'Hoàn tác thao tác hàng loạt?',
        message: `${formatNumber(bulk.updated)} mô hình sẽ trở lại đúng trạng thái, quyết định và khen thưởng trước khi công nhận hàng loạt. Dữ liệu được sao lưu trước khi hoàn tác.`,
      },
      'Đang hoàn tác thao tác hàng loạt',
      () => undo.mutateAsync({ operationId: bulk.operationId }),
      (r) => ({ title: 'Đã hoàn tác', message: `${formatNumber(r.restored)} mô hình đã trở lại như trước.` }),
      onUndone,
    );
}

export function ImportHistory({ onUndone }: { onUndone: () => void }) {
  const history = useApiQuery('models.importHistory', {});
  const undo = useUndoImport(onUndone);
  if (history.error) return <ErrorAlert error={history.error} />;
  const rows = history.data ?? [];
  if (!rows.length) return null;
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        Các lần nhập gần đây
      </Text>
      <ScrollArea.Autosize mah={240}>
        <Table withTableBorder verticalSpacing={4} aria-label="Các lần nhập gần đây">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Thời điểm</Table.Th>
              <Table.Th>Tệp</Table.Th>
              <Table.Th w={90} ta="right">
                Thêm mới
              </Table.Th>
              <Table.Th w={90} ta="right">
                Cập nhật
              </Table.Th>
              <Table.Th w={280}>Hoàn tác</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((h) => (
              <Table.Tr key={h.importId}>
                <Table.Td>{formatDateTime(h.at)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{h.fileName}</Table.Td>
                <Table.Td ta="right">{formatNumber(h.created)}</Table.Td>
                <Table.Td ta="right">{formatNumber(h.updated)}</Table.Td>
                <Table.Td>
                  {h.undoneAt ? (
                    <Badge variant="light" color="gray" tt="none">
                      Đã hoàn tác {formatDateTime(h.undoneAt)}
                    </Badge>
                  ) : h.canUndo ? (
                    <Button size="compact-sm" variant="light" color="red" leftSection={<IconArrowBackUp size={14} />} onClick={() => void undo(h)}>
                      Hoàn tác
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {h.cannotUndoReason}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </div>
  );
}
