/** The meeting's files: documents presented (attachments) and the two papers it issues. */
import { ActionIcon, Alert, Button, FileButton, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconInfoCircle, IconTrash, IconUpload } from '@tabler/icons-react';
import { PrintPreview } from '../../components/PrintPreview';
import { printHtml } from '../../components/print';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showInfo, showSuccess } from '../../components/notify';
import { api, currentTransport } from '../../lib/api';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { Meeting } from '../../../../shared/schemas/meetings';
import { downloadFile } from '../../components/fileOut';

function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

/** The desktop app opens the file with its program (Word, PowerPoint…); the browser downloads it. */
async function download(id: string) {
  try {
    if (currentTransport() === 'electron') {
      const result = await api('meetings.attachments.open', { id });
      if (result.opened) return;
      // A program or script: not opened, shown in its folder; say why.
      if (result.warning) return showInfo('Không mở tệp này', result.warning);
    }
  } catch (err) {
    showError(err);
    return;
  }
  await downloadFile(() => api('meetings.attachments.get', { id }));
}

export function AttachmentsPanel({ meeting }: { meeting: Meeting }) {
  const confirm = useConfirm();
  const add = useApiMutation('meetings.attachments.add', { invalidate: ['meetings.get'] });
  const remove = useApiMutation('meetings.attachments.delete', { invalidate: ['meetings.get'] });
  const locked = meeting.status === 'finalized';

  const onFiles = async (files: File[]) => {
    for (const file of files) {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        await add.mutateAsync({ meetingId: meeting.id, fileName: file.name, bytes });
        showSuccess(`Đã lưu tệp «${file.name}» vào thư mục dữ liệu.`);
      } catch (err) {
        showError(err, `Không lưu được tệp «${file.name}»`);
      }
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Báo cáo, tài liệu trình bày tại hội nghị được lưu trong thư mục dữ liệu cùng mã băm SHA-256 để kiểm tra tính toàn vẹn.
        </Text>
        <FileButton onChange={(f) => void onFiles(f)} multiple>
          {(props) => (
            <Button {...props} leftSection={<IconUpload size={16} />} loading={add.isPending} disabled={locked}>
              Thêm tệp
            </Button>
          )}
        </FileButton>
      </Group>
      {meeting.issuedPdf && (
        <Alert color="green" icon={<IconInfoCircle size={18} />} title="Bản biên bản đã phát hành">
          <Group justify="space-between">
            <Text size="sm">
              {meeting.issuedPdf.fileName} · {sizeLabel(meeting.issuedPdf.size)} · lưu lúc {formatDateTime(meeting.issuedPdf.createdAt)}
            </Text>
            <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} onClick={() => void download(meeting.issuedPdf!.id)}>
              Tải về
            </Button>
          </Group>
        </Alert>
      )}
      {meeting.attachments.length === 0 ? (
        <Text c="dimmed">Chưa có tệp đính kèm.</Text>
      ) : (
        <Table withTableBorder aria-label="Tệp đính kèm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tên tệp</Table.Th>
              <Table.Th w={100}>Dung lượng</Table.Th>
              <Table.Th w={160}>Thời điểm lưu</Table.Th>
              <Table.Th w={160}>SHA-256</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meeting.attachments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.fileName}</Table.Td>
                <Table.Td>{sizeLabel(a.size)}</Table.Td>
                <Table.Td>{formatDateTime(a.createdAt)}</Table.Td>
                <Table.Td>
                  <Tooltip label={a.sha256}>
                    <Text size="xs" ff="monospace">
                      {a.sha256.slice(0, 16)}…
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Mở ${a.fileName}`} onClick={() => void download(a.id)}>
                      <IconDownload size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      disabled={locked}
                      aria-label={`Xóa ${a.fileName}`}
                      onClick={async () => {
                        if (!(await confirm({ title: 'Xóa tệp đính kèm?', message: `«${a.fileName}» sẽ được chuyển vào thùng rác.`, confirmLabel: 'Xóa', danger: true }))) return;
                        remove.mutate({ id: a.id }, { onError: (err) => showError(err) });
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function DocumentPanel({ meeting, document, dirty }: { meeting: Meeting; document: 'minutes' | 'conclusions'; dirty: boolean }) {
  const preview = useApiQuery('meetings.preview', { id: meeting.id, document }, { staleTime: 0 });
  const channel = document === 'minutes' ? 'meetings.exportMinutes' : 'meetings.exportConclusions';
  const save = (format: 'pdf' | 'docx') => downloadFile(() => api(channel, { id: meeting.id, format }));
  const title = document === 'minutes' ? 'Biên bản hội nghị' : 'Thông báo kết luận';
  return (
    <Stack gap="sm">
      {dirty && (
        <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
          Có thay đổi chưa lưu: bản in dưới đây là nội dung đã lưu. Bấm «Lưu» để cập nhật.
        </Alert>
      )}
      {document === 'minutes' && meeting.status === 'finalized' && (
        <Alert color="green" icon={<IconInfoCircle size={18} />}>
          Biên bản đã hoàn tất: «Lưu PDF» trả về đúng bản đã phát hành lúc {formatDateTime(meeting.finalizedAt)}.
        </Alert>
      )}
      {document === 'conclusions' && meeting.conclusions.length === 0 && (
        <Alert color="gray" icon={<IconInfoCircle size={18} />}>
          Hội nghị chưa có kết luận nên thông báo kết luận còn trống.
        </Alert>
      )}
      <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
      <PrintPreview
        html={preview.data?.html ?? null}
        title={`${title}: ${meeting.title}`}
        height="calc(100vh - 330px)"
        onPrint={() => (preview.data ? printHtml(preview.data.html) : undefined)}
        onSavePdf={() => save('pdf')}
        onSaveDocx={() => save('docx')}
      />
    </Stack>
  );
}
