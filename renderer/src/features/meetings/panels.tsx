/** The meeting's files: documents presented (attachments) and the two papers it issues. */
import { ActionIcon, Alert, Badge, Button, FileButton, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
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

/** Saves (or, in the desktop app, hands to the OS) one issued file: exactly the bytes issued. */
async function openIssued(id: string, format: 'pdf' | 'docx') {
  await downloadFile(() => api('issued.get', { id, format }));
}

/**
 * Every version of this paper issued so far (v1 at finalisation, v2 after a reopen…), each with
 * its reason and the exact PDF and Word files issued; a reopened meeting keeps them all.
 */
export function IssuedVersions({ meetingId, document, ownerType = 'meeting' }: { meetingId: string; document: string; ownerType?: string }) {
  // ownerType: plans show the same table for their own issued versions (ownerType 'plan').
  const versions = useApiQuery('issued.list', { ownerType, ownerId: meetingId, docType: document }, { staleTime: 0 });
  if (versions.error) return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  const list = versions.data ?? [];
  if (list.length === 0) return null;
  const newest = list[list.length - 1]!;
  return (
    <Table withTableBorder aria-label="Các bản đã ban hành">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={160}>Bản</Table.Th>
          <Table.Th w={130}>Số</Table.Th>
          <Table.Th w={160}>Ban hành lúc</Table.Th>
          <Table.Th>Lý do</Table.Th>
          <Table.Th w={170}>Tệp đã ban hành</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...list].reverse().map((v) => (
          <Table.Tr key={v.id}>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  Bản {v.version}
                </Text>
                {v.id === newest.id && (
                  <Badge size="xs" variant="light" color="green">
                    hiện hành
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>{v.numberText ?? '—'}</Table.Td>
            <Table.Td>
              {formatDateTime(v.issuedAt)}
              <Text size="xs" c="dimmed">
                {v.issuedBy}
              </Text>
            </Table.Td>
            <Table.Td>{v.reason}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                {v.files.map((f) => (
                  <Tooltip key={f.format} label={`${f.fileName} · ${sizeLabel(f.size)} · SHA-256 ${f.sha256.slice(0, 16)}…`}>
                    <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} onClick={() => void openIssued(v.id, f.format)} aria-label={`Mở bản ${v.version} (${f.format === 'pdf' ? 'PDF' : 'Word'})`}>
                      {f.format === 'pdf' ? 'PDF' : 'Word'}
                    </Button>
                  </Tooltip>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
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
      {meeting.status === 'finalized' ? (
        <Alert color="green" icon={<IconInfoCircle size={18} />}>
          Đã ban hành lúc {formatDateTime(meeting.finalizedAt)}: bản xem, «Lưu PDF» và «Lưu Word» là đúng bản đã ban hành; sửa cài đặt, nhiệm vụ hay
          thành viên sau đó không làm thay đổi văn bản này.
        </Alert>
      ) : (
        <Alert color="gray" icon={<IconInfoCircle size={18} />}>
          Bản dự thảo (in chữ «DỰ THẢO»), lấy theo dữ liệu hiện tại. Văn bản được ban hành khi hoàn tất biên bản.
        </Alert>
      )}
      <IssuedVersions meetingId={meeting.id} document={document} />
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
