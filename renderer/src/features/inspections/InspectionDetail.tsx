/** One inspection: teams, and per visited unit its report, findings and recommendations tracked to closure. */
import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconArrowLeft, IconEdit, IconFileText, IconPlus, IconPrinter, IconTrash } from '@tabler/icons-react';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { api, ApiError } from '../../lib/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';
import { formatDate } from '../../lib/format';
import { INSPECTION_KIND_LABELS, TEAM_ROLE_LABELS, type InspectionTarget } from '../../../../shared/schemas/inspections';
import { downloadFile, DueBadge, PrintModal, StatusBadge, usePrintState } from '../plans/shared';
import { InspectionEditor } from './InspectionEditor';

const REPORT_BADGE: Record<InspectionTarget['reportState'], { color: string; label: string }> = {
  onTime: { color: 'green', label: 'Báo cáo đúng hạn' },
  late: { color: 'orange', label: 'Báo cáo chậm' },
  missing: { color: 'red', label: 'Chưa gửi báo cáo' },
  pending: { color: 'gray', label: 'Chưa đến hạn báo cáo' },
  noDate: { color: 'gray', label: 'Chưa định ngày' },
};

const READS = ['inspections.get', 'inspections.list', 'tasks.list', 'calendar.month'] as const;

export function InspectionDetail({ id, today, onBack, onOpenTask }: { id: string; today: string; onBack: () => void; onOpenTask: (id: string) => void }) {
  const q = useApiQuery('inspections.get', { id });
  const [editing, setEditing] = useState(false);
  const [visit, setVisit] = useState<InspectionTarget | null>(null);
  const [recFor, setRecFor] = useState<InspectionTarget | null>(null);
  const printing = usePrintState();
  const [printed, setPrinted] = useState<{ document: 'plan' | 'conclusion'; targetId?: string } | null>(null);
  const confirm = useConfirm();
  const remove = useApiMutation('inspections.delete', { invalidate: [...READS] });
  const i = q.data;

  const del = async () => {
    if (!i || !(await confirm({ title: 'Xóa đợt kiểm tra?', message: 'Đợt kiểm tra và các kiến nghị của nó sẽ được chuyển vào thùng rác; có thể khôi phục.', confirmLabel: 'Xóa', danger: true }))) return;
    try {
      await remove.mutateAsync({ id: i.id });
      showSuccess('Đã chuyển đợt kiểm tra vào thùng rác.');
      onBack();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
          Danh sách đợt kiểm tra
        </Button>
        {i && (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
              Sửa
            </Button>
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => {
                setPrinted({ document: 'plan' });
                void printing.open('Kế hoạch kiểm tra', () => api('inspections.print', { id: i.id, document: 'plan' }));
              }}>
              In kế hoạch kiểm tra
            </Button>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={del}>
              Xóa
            </Button>
          </Group>
        )}
      </Group>
      <ErrorAlert error={q.error} />
      {i && (
        <>
          <Paper withBorder p="md" radius="md">
            <Text size="sm" c="dimmed">
              {INSPECTION_KIND_LABELS[i.kind]} năm {i.year} — {i.numberText ? `Kế hoạch số ${i.numberText}, ` : ''}ngày {formatDate(i.date)}
            </Text>
            <Title order={3}>{i.topic}</Title>
            <Text size="sm">
              {i.startDate ? `Từ ${formatDate(i.startDate)}` : ''}
              {i.endDate ? ` đến ${formatDate(i.endDate)}` : ''} · Đơn vị gửi báo cáo trước {i.reportBeforeDays} ngày làm việc · {i.recommendationCount} kiến nghị, còn {i.openRecommendationCount} chưa hoàn thành
            </Text>
            <Group mt="xs" gap="lg" align="flex-start">
              {i.teams.map((t) => (
                <div key={t.id}>
                  <Text fw={600} size="sm">
                    {t.name}
                  </Text>
                  {t.members.map((m, n) => (
                    <Text key={n} size="xs">
                      {m.fullName} — {TEAM_ROLE_LABELS[m.role]}
                    </Text>
                  ))}
                </div>
              ))}
            </Group>
          </Paper>
          {i.targets.map((t) => (
            <Card key={t.id} withBorder radius="md" data-target={t.unitName}>
              <Group justify="space-between" align="flex-start">
                <div>
                  <Text fw={600}>{t.unitName}</Text>
                  <Text size="xs" c="dimmed">
                    {t.qcdcTypeLabel}
                    {t.teamName ? ` · ${t.teamName}` : ''}
                    {t.visitDate ? ` · làm việc ngày ${formatDate(t.visitDate)}` : ''}
                    {t.reportDueDate ? ` · hạn gửi báo cáo ${formatDate(t.reportDueDate)}` : ''}
                    {t.reportReceivedDate ? ` · nhận ${formatDate(t.reportReceivedDate)}` : ''}
                  </Text>
                </div>
                <Group gap="xs">
                  <Badge tt="none" color={REPORT_BADGE[t.reportState].color} variant="light">
                    {REPORT_BADGE[t.reportState].label}
                  </Badge>
                  <Button size="xs" variant="default" onClick={() => setVisit(t)}>
                    Ghi kết quả làm việc
                  </Button>
                  <Button size="xs" variant="default" leftSection={<IconFileText size={14} />} onClick={() => {
                      setPrinted({ document: 'conclusion', targetId: t.id });
                      void printing.open(`Thông báo kết luận — ${t.unitName}`, () => api('inspections.print', { id: i.id, document: 'conclusion', targetId: t.id }));
                    }}>
                    Thông báo kết luận
                  </Button>
                </Group>
              </Group>
              {(t.strengths || t.shortcomings || t.conclusions) && (
                <Stack gap={2} mt="xs">
                  {t.strengths && <Text size="sm"><b>Ưu điểm:</b> {t.strengths}</Text>}
                  {t.shortcomings && <Text size="sm"><b>Hạn chế:</b> {t.shortcomings}</Text>}
                  {t.conclusions && <Text size="sm"><b>Kết luận:</b> {t.conclusions}</Text>}
                </Stack>
              )}
              <Group justify="space-between" mt="sm">
                <Text fw={500} size="sm">
                  Kiến nghị ({t.recommendations.length})
                </Text>
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRecFor(t)}>
                  Thêm kiến nghị
                </Button>
              </Group>
              {t.recommendations.length > 0 && (
                <Table verticalSpacing={4} highlightOnHover mt={4}>
                  <Table.Tbody>
                    {t.recommendations.map((r, n) => (
                      <Table.Tr key={r.id} onClick={() => onOpenTask(r.id)} style={{ cursor: 'pointer' }} data-recommendation={r.title}>
                        <Table.Td w={30}>{n + 1}</Table.Td>
                        <Table.Td>{r.title}</Table.Td>
                        <Table.Td w={120}>{r.deadline ? formatDate(r.deadline) : ''}</Table.Td>
                        <Table.Td w={60}>{r.progress}%</Table.Td>
                        <Table.Td w={130}>
                          <StatusBadge status={r.status} />
                        </Table.Td>
                        <Table.Td w={140}>
                          <DueBadge task={r} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
          ))}
          <InspectionEditor opened={editing} inspection={i} today={today} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
          <VisitModal target={visit} onClose={() => setVisit(null)} />
          <RecommendationModal target={recFor} onClose={() => setRecFor(null)} />
        </>
      )}
      <PrintModal
        opened={!!printing.state}
        onClose={printing.close}
        title={printing.state?.title ?? ''}
        html={printing.state?.html ?? null}
        onSaveDocx={() => downloadFile(() => api('inspections.export', { id, document: printed?.document ?? 'plan', ...(printed?.targetId ? { targetId: printed.targetId } : {}), format: 'docx' }))}
        onSavePdf={() => downloadFile(() => api('inspections.export', { id, document: printed?.document ?? 'plan', ...(printed?.targetId ? { targetId: printed.targetId } : {}), format: 'pdf' }))}
      />
    </Stack>
  );
}

function VisitModal({ target, onClose }: { target: InspectionTarget | null; onClose: () => void }) {
  const [received, setReceived] = useState<string | null>(null);
  const [visitDate, setVisitDate] = useState<string | null>(null);
  const [strengths, setStrengths] = useState('');
  const [shortcomings, setShortcomings] = useState('');
  const [conclusions, setConclusions] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const save = useApiMutation('inspections.recordVisit', { invalidate: [...READS] });
  if (target && loadedFor !== target.id) {
    setLoadedFor(target.id);
    setReceived(target.reportReceivedDate);
    setVisitDate(target.visitDate);
    setStrengths(target.strengths ?? '');
    setShortcomings(target.shortcomings ?? '');
    setConclusions(target.conclusions ?? '');
    setErrors({});
  }
  const submit = async () => {
    if (!target) return;
    try {
      await save.mutateAsync({ targetId: target.id, visitDate, reportReceivedDate: received, strengths, shortcomings, conclusions });
      showSuccess('Đã lưu kết quả làm việc.');
      setLoadedFor(null);
      onClose();
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      showError(e);
    }
  };
  return (
    <Modal opened={!!target} onClose={() => { setLoadedFor(null); onClose(); }} title={`Kết quả làm việc — ${target?.unitName ?? ''}`} size="lg">
      <Stack gap="sm">
        <Group grow>
          <DateInput label="Ngày làm việc" value={visitDate} onChange={setVisitDate} clearable />
          <DateInput label="Ngày nhận báo cáo của đơn vị" value={received} onChange={setReceived} clearable error={errors.reportReceivedDate} />
        </Group>
        <Textarea label="Ưu điểm" autosize minRows={2} value={strengths} onChange={(e) => setStrengths(e.currentTarget.value)} />
        <Textarea label="Hạn chế" autosize minRows={2} value={shortcomings} onChange={(e) => setShortcomings(e.currentTarget.value)} />
        <Textarea label="Kết luận" autosize minRows={2} value={conclusions} onChange={(e) => setConclusions(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending}>
            Lưu
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RecommendationModal({ target, onClose }: { target: InspectionTarget | null; onClose: () => void }) {
  const [content, setContent] = useState('');
  const [deadline, setDeadline] = useState<string | null>(null);
  const [leadText, setLeadText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useApiMutation('inspections.addRecommendation', { invalidate: [...READS] });
  const submit = async () => {
    if (!target) return;
    setErrors({});
    try {
      await add.mutateAsync({ targetId: target.id, content, deadline, leadText: leadText || null });
      showSuccess('Đã thêm kiến nghị.');
      setContent('');
      setDeadline(null);
      setLeadText('');
      onClose();
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      showError(e);
    }
  };
  return (
    <Modal opened={!!target} onClose={onClose} title={`Kiến nghị đối với ${target?.unitName ?? ''}`}>
      <Stack gap="sm">
        <Textarea label="Nội dung kiến nghị" autosize minRows={2} value={content} onChange={(e) => setContent(e.currentTarget.value)} error={errors.content} required data-autofocus />
        <DateInput label="Hạn thực hiện" value={deadline} onChange={setDeadline} clearable error={errors.deadline} />
        <TextInput label="Đơn vị thực hiện (nếu không phải đơn vị được kiểm tra)" value={leadText} onChange={(e) => setLeadText(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button onClick={submit} loading={add.isPending}>
            Thêm
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
