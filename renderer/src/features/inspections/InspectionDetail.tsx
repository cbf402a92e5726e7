/** One inspection: teams, and per visited unit its report, findings and recommendations tracked to closure. */
import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconEdit, IconFileText, IconPlus, IconPrinter, IconTrash } from '@tabler/icons-react';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';
import { formatDate } from '../../lib/format';
import { inputErrors } from '../../lib/zodForm';
import { addRecommendationSchema, INSPECTION_KIND_LABELS, recordVisitSchema, TEAM_ROLE_LABELS, type InspectionTarget } from '../../../../shared/schemas/inspections';
import { downloadFile } from '../../components/fileOut';
import { DueBadge, StatusBadge } from '../tasks/badges';
import { PrintModal, usePrintState } from '../../components/PrintModal';
import { RequirementsInput, RequirementsList, type Findings } from './Requirements';
import { InspectionEditor } from './InspectionEditor';
import { submitForm } from '../../components/submitForm';

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
              {t.requirements && t.requirements.length > 0 && <RequirementsList requirements={t.requirements} />}
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
  return (
    <Modal opened={!!target} onClose={onClose} title={`Kết quả làm việc — ${target?.unitName ?? ''}`} size="lg">
      {/* Mounted per visit, so the form starts from what was recorded for that unit. */}
      {target && <VisitForm key={target.id} target={target} onClose={onClose} />}
    </Modal>
  );
}

interface VisitValues extends Record<string, unknown> {
  visitDate: string | null;
  reportReceivedDate: string | null;
  strengths: string;
  shortcomings: string;
  conclusions: string;
}

function VisitForm({ target, onClose }: { target: InspectionTarget; onClose: () => void }) {
  const toInput = (v: VisitValues) => ({ targetId: target.id, ...v });
  const form = useForm<VisitValues>({
    mode: 'controlled',
    initialValues: { visitDate: target.visitDate, reportReceivedDate: target.reportReceivedDate, strengths: target.strengths ?? '', shortcomings: target.shortcomings ?? '', conclusions: target.conclusions ?? '' },
    validate: (v) => inputErrors(recordVisitSchema, toInput(v)),
  });
  // The checklist answers live beside the form: they are one toggle per requirement, not validated text.
  const [findings, setFindings] = useState<Findings>(() => Object.fromEntries((target.requirements ?? []).map((r) => [r.indicatorId, r.met])));
  const save = useApiMutation('inspections.recordVisit', { invalidate: [...READS] });
  const submit = async () => {
    const saved = await submitForm(form, async () => {
      const requirementFindings = (target.requirements ?? []).map((r) => ({ indicatorId: r.indicatorId, met: findings[r.indicatorId] ?? null, note: r.note }));
      await save.mutateAsync({ ...toInput(form.getValues()), ...(requirementFindings.length ? { findings: requirementFindings } : {}) });
      return 'Đã lưu kết quả làm việc.';
    });
    if (saved) onClose();
  };
  return (
    <Stack gap="sm">
      <Group grow>
        <DateInput label="Ngày làm việc" clearable {...form.getInputProps('visitDate')} />
        <DateInput label="Ngày nhận báo cáo của đơn vị" clearable {...form.getInputProps('reportReceivedDate')} />
      </Group>
      <Textarea label="Ưu điểm" autosize minRows={2} {...form.getInputProps('strengths')} />
      <Textarea label="Hạn chế" autosize minRows={2} {...form.getInputProps('shortcomings')} />
      <Textarea label="Kết luận" autosize minRows={2} {...form.getInputProps('conclusions')} />
      {target.requirements && target.requirements.length > 0 && <RequirementsInput requirements={target.requirements} value={findings} onChange={setFindings} />}
      <Group justify="flex-end">
        <Button onClick={submit} loading={save.isPending}>
          Lưu
        </Button>
      </Group>
    </Stack>
  );
}

function RecommendationModal({ target, onClose }: { target: InspectionTarget | null; onClose: () => void }) {
  return (
    <Modal opened={!!target} onClose={onClose} title={`Kiến nghị đối với ${target?.unitName ?? ''}`}>
      {/* Mounted per opening: each recommendation starts empty. */}
      {target && <RecommendationForm key={target.id} target={target} onClose={onClose} />}
    </Modal>
  );
}

interface RecommendationValues extends Record<string, unknown> {
  content: string;
  deadline: string | null;
  leadText: string;
}

function RecommendationForm({ target, onClose }: { target: InspectionTarget; onClose: () => void }) {
  const toInput = (v: RecommendationValues) => ({ targetId: target.id, content: v.content, deadline: v.deadline, leadText: v.leadText || null });
  const form = useForm<RecommendationValues>({
    mode: 'controlled',
    initialValues: { content: '', deadline: null, leadText: '' },
    validate: (v) => inputErrors(addRecommendationSchema, toInput(v)),
  });
  const add = useApiMutation('inspections.addRecommendation', { invalidate: [...READS] });
  const submit = async () => {
    const saved = await submitForm(form, async () => {
      await add.mutateAsync(toInput(form.getValues()));
      return 'Đã thêm kiến nghị.';
    });
    if (saved) onClose();
  };
  return (
    <Stack gap="sm">
      <Textarea label="Nội dung kiến nghị" autosize minRows={2} required data-autofocus {...form.getInputProps('content')} />
      <DateInput label="Hạn thực hiện" clearable {...form.getInputProps('deadline')} />
      <TextInput label="Đơn vị thực hiện (nếu không phải đơn vị được kiểm tra)" {...form.getInputProps('leadText')} />
      <Group justify="flex-end">
        <Button onClick={submit} loading={add.isPending}>
          Thêm
        </Button>
      </Group>
    </Stack>
  );
}
