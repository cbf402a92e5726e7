import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Modal, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { IconArrowLeft, IconDeviceFloppy, IconHistory, IconLock, IconLockOpen } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';
import { useApiMutation, useApiQuery, apiKey } from '../../lib/query';
import { useFormDraft } from '../../lib/useFormDraft';
import { applyServerErrors } from '../../lib/zodForm';
import { formatDate, formatDateTime } from '../../lib/format';
import { useToday } from '../../lib/useToday';
import type { Meeting, MeetingLookups } from '../../../../shared/schemas/meetings';
import { FormConversionError, newMeetingValues, toMeetingInput, valuesFromInput, valuesFromMeeting, type MeetingFormValues } from './formModel';
import { AttendanceSection, ConclusionsSection, GeneralSection, NoticeSigningSection, OpinionsSection } from './sections';
import { AttachmentsPanel, DocumentPanel } from './panels';
import { DossierPanel } from './DossierPanel';
import { StatusBadge } from './MeetingList';

type Tab = 'chung' | 'thanh-phan' | 'y-kien' | 'ket-luan' | 'tep' | 'bien-ban' | 'thong-bao' | 'ho-so';

/** Route /hoi-nghi/moi (optionally ?tu=<id> to start from a previous meeting) and /hoi-nghi/:id. */
export function MeetingEditor() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const fromId = search.get('tu');
  const isNew = !id || id === 'moi';
  const lookups = useApiQuery('meetings.lookups', {});
  const meeting = useApiQuery('meetings.get', { id: id ?? '' }, { enabled: !isNew });
  const prefill = useApiQuery('meetings.prefillFrom', { id: fromId ?? '' }, { enabled: isNew && !!fromId });
  const [tab, setTab] = useState<Tab>('chung');
  const today = useToday();

  const error = lookups.error ?? (isNew ? prefill.error : meeting.error);
  if (error) return <ErrorAlert error={error} />;
  if (!lookups.data || (!isNew && !meeting.data) || (isNew && fromId && !prefill.data)) {
    return (
      <Center h={240}>
        <Loader aria-label="Đang tải" />
      </Center>
    );
  }
  const current = isNew ? null : meeting.data!;
  const initial = current
    ? valuesFromMeeting(current, lookups.data)
    : prefill.data
      ? valuesFromInput(prefill.data, lookups.data)
      : newMeetingValues(lookups.data, today);
  // A saved meeting remounts the form with the server's values (new conclusion and task ids).
  return (
    <MeetingForm
      key={current ? `${current.id}:${current.updatedAt}:${current.status}` : `new:${fromId ?? ''}`}
      meeting={current}
      lookups={lookups.data}
      initial={initial}
      draftKey={current ? `meetings.${current.id}` : `meetings.new${fromId ? `.${fromId}` : ''}`}
      tab={tab}
      onTab={setTab}
    />
  );
}

function MeetingForm({
  meeting,
  lookups,
  initial,
  draftKey,
  tab,
  onTab,
}: {
  meeting: Meeting | null;
  lookups: MeetingLookups;
  initial: MeetingFormValues;
  draftKey: string;
  tab: Tab;
  onTab: (t: Tab) => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const form = useForm<MeetingFormValues>({ mode: 'controlled', initialValues: initial });
  const locked = meeting?.status === 'finalized';
  const draft = useFormDraft(draftKey, form, { enabled: !locked });
  const [saveError, setSaveError] = useState<unknown>(null);
  const [reopenOpen, setReopenOpen] = useState(false);
  const [reason, setReason] = useState('');

  const create = useApiMutation('meetings.create', { invalidate: ['meetings.list'] });
  const update = useApiMutation('meetings.update', { invalidate: ['meetings.list', 'meetings.preview'] });
  const finalize = useApiMutation('meetings.finalize', { invalidate: ['meetings.list', 'meetings.preview'] });
  const reopen = useApiMutation('meetings.reopen', { invalidate: ['meetings.list', 'meetings.preview'] });

  const stored = (m: Meeting) => queryClient.setQueryData(apiKey('meetings.get', { id: m.id }), m);

  const save = async (): Promise<Meeting | null> => {
    if (locked) return null;
    setSaveError(null);
    let input;
    try {
      input = toMeetingInput(form.values, lookups);
    } catch (err) {
      if (err instanceof FormConversionError) {
        form.setErrors(err.fields);
        setSaveError(new Error(err.message));
        return null;
      }
      throw err;
    }
    try {
      const saved = meeting ? await update.mutateAsync({ id: meeting.id, meeting: input }) : await create.mutateAsync({ meeting: input });
      draft.clear();
      stored(saved);
      showSuccess(meeting ? 'Đã lưu hội nghị.' : 'Đã tạo hội nghị; các nhiệm vụ trong kết luận đã được đưa vào theo dõi.');
      if (!meeting) navigate(`/hoi-nghi/${saved.id}`, { replace: true });
      return saved;
    } catch (err) {
      applyServerErrors(form, err, 'meeting');
      setSaveError(err);
      return null;
    }
  };

  useHotkeys([['mod+S', () => void save()]], []);

  const onFinalize = async () => {
    if (!meeting) return;
    if (form.isDirty() && !(await save())) return;
    const ok = await confirm({
      title: 'Hoàn tất biên bản?',
      message:
        'Biên bản sẽ được cấp số (nếu chưa có), khóa lại và lưu đúng bản PDF phát hành. Sau đó muốn sửa phải mở lại và ghi rõ lý do.',
      confirmLabel: 'Hoàn tất',
    });
    if (!ok) return;
    try {
      const m = await finalize.mutateAsync({ id: meeting.id });
      stored(m);
      showSuccess(`Đã hoàn tất biên bản số ${m.numberText ?? ''}.`);
    } catch (err) {
      setSaveError(err);
      showError(err);
    }
  };

  const onReopen = async () => {
    if (!meeting) return;
    try {
      const m = await reopen.mutateAsync({ id: meeting.id, reason });
      setReopenOpen(false);
      setReason('');
      stored(m);
      showSuccess('Đã mở lại biên bản; lý do đã được ghi vào nhật ký.');
    } catch (err) {
      showError(err);
    }
  };

  const saving = create.isPending || update.isPending;
  const dirty = form.isDirty();
  const title = meeting ? meeting.title : 'Hội nghị mới';
  const counts = {
    opinions: form.values.opinions.length,
    conclusions: form.values.conclusions.length,
    tasks: form.values.conclusions.reduce((n, c) => n + c.tasks.length, 0),
  };

  return (
    <Stack gap="sm">
      <Anchor component="button" type="button" size="sm" onClick={() => navigate('/hoi-nghi')} w="fit-content">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Danh sách hội nghị
        </Group>
      </Anchor>
      <PageHeader
        title={title}
        description={
          meeting
            ? [formatDate(meeting.date), meeting.place, meeting.numberText && `Biên bản số ${meeting.numberText}`].filter(Boolean).join(' · ')
            : 'Nhập thông tin chung, điểm danh, ý kiến và kết luận. Nội dung đang gõ được tự động giữ lại nếu máy tắt đột ngột.'
        }
        badge={meeting ? <StatusBadge status={meeting.status} /> : undefined}
        actions={
          locked ? (
            <Button variant="light" color="orange" leftSection={<IconLockOpen size={16} />} onClick={() => setReopenOpen(true)}>
              Mở lại để sửa
            </Button>
          ) : (
            <>
              {meeting && (
                <Button variant="light" color="green" leftSection={<IconLock size={16} />} loading={finalize.isPending} disabled={saving} onClick={() => void onFinalize()}>
                  Hoàn tất biên bản
                </Button>
              )}
              <Button leftSection={<IconDeviceFloppy size={16} />} loading={saving} onClick={() => void save()}>
                Lưu
              </Button>
            </>
          )
        }
      />

      {draft.restoredAt && (
        <Alert color="blue" icon={<IconHistory size={18} />} title="Đã khôi phục nội dung chưa lưu">
          <Group justify="space-between">
            <Text size="sm">Nội dung gõ lúc {formatDateTime(draft.restoredAt)} chưa được lưu đã được đưa trở lại biểu mẫu.</Text>
            <Button size="xs" variant="subtle" color="gray" onClick={draft.discard}>
              Bỏ bản nháp này
            </Button>
          </Group>
        </Alert>
      )}
      {locked && meeting && (
        <Alert color="green" icon={<IconLock size={18} />} title={`Biên bản đã hoàn tất – số ${meeting.numberText ?? ''}`}>
          Hoàn tất lúc {formatDateTime(meeting.finalizedAt)}; nội dung đã khóa. Muốn sửa, bấm «Mở lại để sửa» và ghi rõ lý do.
        </Alert>
      )}
      {meeting && meeting.reopenings.length > 0 && !locked && (
        <Text size="xs" c="dimmed">
          Đã mở lại {meeting.reopenings.length} lần; lần gần nhất lúc {formatDateTime(meeting.reopenings.at(-1)!.at)}: «{meeting.reopenings.at(-1)!.reason}».
        </Text>
      )}
      <ErrorAlert error={saveError} showFields />

      <Tabs value={tab} onChange={(v) => onTab((v as Tab) ?? 'chung')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="chung">Thông tin chung</Tabs.Tab>
          <Tabs.Tab value="thanh-phan">Thành phần ({form.values.attendees.length})</Tabs.Tab>
          <Tabs.Tab value="y-kien">Ý kiến phát biểu ({counts.opinions})</Tabs.Tab>
          <Tabs.Tab value="ket-luan">
            Kết luận, nhiệm vụ ({counts.conclusions}/{counts.tasks})
          </Tabs.Tab>
          <Tabs.Tab value="tep" disabled={!meeting}>
            Tệp đính kèm{meeting ? ` (${meeting.attachments.length})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="bien-ban" disabled={!meeting}>
            Biên bản
          </Tabs.Tab>
          <Tabs.Tab value="thong-bao" disabled={!meeting}>
            Thông báo kết luận
          </Tabs.Tab>
          <Tabs.Tab value="ho-so" disabled={!meeting}>
            Hồ sơ hội nghị
          </Tabs.Tab>
        </Tabs.List>
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Tabs.Panel value="chung" pt="md">
            <GeneralSection form={form} lookups={lookups} numberText={meeting?.numberText ?? null} />
          </Tabs.Panel>
          <Tabs.Panel value="thanh-phan" pt="md">
            <AttendanceSection form={form} lookups={lookups} />
          </Tabs.Panel>
          <Tabs.Panel value="y-kien" pt="md">
            <OpinionsSection form={form} lookups={lookups} />
          </Tabs.Panel>
          <Tabs.Panel value="ket-luan" pt="md">
            <ConclusionsSection form={form} lookups={lookups} meeting={meeting} />
            <NoticeSigningSection form={form} meeting={meeting} />
          </Tabs.Panel>
        </fieldset>
        {meeting && (
          <>
            <Tabs.Panel value="tep" pt="md">
              <AttachmentsPanel meeting={meeting} />
            </Tabs.Panel>
            <Tabs.Panel value="bien-ban" pt="md">
              <DocumentPanel meeting={meeting} document="minutes" dirty={dirty} />
            </Tabs.Panel>
            <Tabs.Panel value="thong-bao" pt="md">
              <DocumentPanel meeting={meeting} document="conclusions" dirty={dirty} />
            </Tabs.Panel>
            <Tabs.Panel value="ho-so" pt="md">
              <DossierPanel meeting={meeting} />
            </Tabs.Panel>
          </>
        )}
      </Tabs>

      {!locked && (tab === 'chung' || tab === 'thanh-phan' || tab === 'y-kien' || tab === 'ket-luan') && (
        <Group justify="flex-end" pt="xs">
          {dirty && (
            <Badge color="yellow" variant="light">
              Có thay đổi chưa lưu
            </Badge>
          )}
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={saving} onClick={() => void save()}>
            Lưu (Ctrl+S)
          </Button>
        </Group>
      )}

      <Modal opened={reopenOpen} onClose={() => setReopenOpen(false)} title="Mở lại biên bản đã hoàn tất">
        <Stack>
          <Text size="sm">Biên bản đã ký chỉ được mở lại khi có lý do chính đáng. Lý do được lưu vào nhật ký cùng tên người mở.</Text>
          <Textarea label="Lý do mở lại" withAsterisk autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReopenOpen(false)}>
              Hủy
            </Button>
            <Button color="orange" loading={reopen.isPending} disabled={reason.trim().length < 5} onClick={() => void onReopen()}>
              Mở lại
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
