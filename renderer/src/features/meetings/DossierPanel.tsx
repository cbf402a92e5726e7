/**
 * "Hồ sơ hội nghị" (issue #17): the papers besides the BB and TB — before the meeting the giấy
 * mời (numbered GM from the register when issued, then frozen) and the chương trình; after it a
 * trích thông báo kết luận per lead unit; and the "kiểm điểm việc thực hiện kết luận" item listing
 * the open tasks of earlier meetings of the same kind.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, MultiSelect, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { PrintPreview } from '../../components/PrintPreview';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showError, showSuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { saveBytes } from '../../lib/files';
import { useQueryClient } from '@tanstack/react-query';
import { useApiQuery } from '../../lib/query';
import { formatDate } from '../../lib/format';
import type { Meeting } from '../../../../shared/schemas/meetings';
import { printHtml } from '../../components/print';

type Paper = 'invitation' | 'agenda' | 'extract' | 'review';

const PAPERS: { value: Paper; label: string }[] = [
  { value: 'invitation', label: 'Giấy mời' },
  { value: 'agenda', label: 'Chương trình' },
  { value: 'extract', label: 'Trích thông báo' },
  { value: 'review', label: 'Kiểm điểm kết luận' },
];

export function DossierPanel({ meeting }: { meeting: Meeting }) {
  const [paper, setPaper] = useState<Paper>('invitation');
  const [invitedUnits, setInvitedUnits] = useState<string[]>([]);
  const dossier = useApiQuery('meetings.dossier', { id: meeting.id });
  const lookups = useApiQuery('meetings.lookups', {});
  const leads = dossier.data?.leads ?? [];
  const [leadKey, setLeadKey] = useState<string | null>(null);
  const lead = leadKey ?? leads[0]?.key ?? null;
  const request = {
    id: meeting.id,
    document: paper,
    ...(paper === 'extract' && lead ? { leadKey: lead } : {}),
    ...(paper === 'invitation' ? { invitedUnits } : {}),
  };
  const enabled = paper !== 'extract' || lead !== null;
  const preview = useApiQuery('meetings.dossierPreview', request, { enabled, staleTime: 0 });
  const queryClient = useQueryClient();
  const [issuing, setIssuing] = useState(false);

  const save = async (format: 'pdf' | 'docx', issue = false) => {
    try {
      const file = await api('meetings.dossierExport', { ...request, format, ...(issue ? { issue: true } : {}) });
      await saveBytes(file.fileName, file.bytes, file.mimeType);
      showSuccess(issue ? `Đã ban hành và lưu «${file.fileName}».` : `Đã xuất «${file.fileName}».`);
      await Promise.all(['meetings.dossier', 'meetings.dossierPreview', 'docNumbers.list', 'issued.list'].map((c) => queryClient.invalidateQueries({ queryKey: [c] })));
    } catch (err) {
      showError(err);
    }
  };
  const issueInvitation = async () => {
    setIssuing(true);
    await save('pdf', true);
    setIssuing(false);
  };

  const invitation = dossier.data?.invitation ?? null;
  const issuedExtract = (key: string) => dossier.data?.extracts.find((e) => e.key === key) ?? null;

  return (
    <Stack gap="sm">
      <SegmentedControl data={PAPERS} value={paper} onChange={(v) => setPaper(v as Paper)} aria-label="Văn bản của hồ sơ hội nghị" />
      <ErrorAlert error={dossier.error} onRetry={() => void dossier.refetch()} />

      {paper === 'invitation' && (
        <>
          {invitation ? (
            <Alert color="green" icon={<IconInfoCircle size={18} />}>
              Giấy mời số {invitation.numberText} đã ban hành (bản {invitation.version}): «Lưu PDF», «Lưu Word» là đúng bản đã ban hành.
            </Alert>
          ) : (
            <Group align="flex-end">
              <MultiSelect
                label="Đơn vị được mời"
                placeholder="Chọn đơn vị"
                searchable
                style={{ flex: 1 }}
                data={(lookups.data?.units ?? []).map((u) => u.name)}
                value={invitedUnits}
                onChange={setInvitedUnits}
              />
              <Button onClick={issueInvitation} loading={issuing}>
                Ban hành giấy mời (lấy số)
              </Button>
            </Group>
          )}
        </>
      )}

      {paper === 'extract' &&
        (leads.length === 0 ? (
          <Alert color="gray" icon={<IconInfoCircle size={18} />}>
            Kết luận chưa giao nhiệm vụ cho đơn vị nào.
          </Alert>
        ) : (
          <>
            <SegmentedControl
              aria-label="Đơn vị chủ trì"
              data={leads.map((l) => ({ value: l.key, label: `${l.label} (${l.taskCount})` }))}
              value={lead ?? ''}
              onChange={setLeadKey}
            />
            {meeting.status !== 'finalized' ? (
              <Text size="sm" c="dimmed">
                Bản dự thảo: trích thông báo được ban hành theo số thông báo khi hoàn tất biên bản.
              </Text>
            ) : lead && issuedExtract(lead) ? (
              <Badge color="green" variant="light" tt="none">
                Đã ban hành theo Thông báo số {issuedExtract(lead)!.numberText}
              </Badge>
            ) : null}
          </>
        ))}

      {paper === 'review' && (
        <>
          {(dossier.data?.review.length ?? 0) === 0 ? (
            <Text size="sm" c="dimmed">
              Không còn nhiệm vụ nào chưa hoàn thành theo kết luận các hội nghị trước cùng loại.
            </Text>
          ) : (
            <Table striped aria-label="Nhiệm vụ chưa hoàn thành của các hội nghị trước">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Nhiệm vụ</Table.Th>
                  <Table.Th>Hội nghị</Table.Th>
                  <Table.Th>Chủ trì</Table.Th>
                  <Table.Th>Tiến độ</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dossier.data!.review.map((r) => (
                  <Table.Tr key={r.task.id}>
                    <Table.Td>{r.task.title}</Table.Td>
                    <Table.Td>{formatDate(r.meetingDate)}</Table.Td>
                    <Table.Td>{r.task.ownerLabel}</Table.Td>
                    <Table.Td>
                      {r.task.progress}%{r.lastNote ? ` – ${r.lastNote}` : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}

      <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
      {enabled && (
        <PrintPreview
          html={preview.data?.html ?? null}
          title={`${PAPERS.find((p) => p.value === paper)!.label}: ${meeting.title}`}
          height="calc(100vh - 420px)"
          onPrint={() => (preview.data ? printHtml(preview.data.html) : undefined)}
          onSavePdf={() => save('pdf')}
          onSaveDocx={() => save('docx')}
        />
      )}
    </Stack>
  );
}
