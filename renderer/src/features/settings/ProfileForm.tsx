import { useEffect, useRef } from 'react';
import { Alert, Badge, Button, Card, Grid, Group, NumberInput, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy, IconHistory, IconArrowBackUp } from '@tabler/icons-react';
import {
  DEFAULT_MARGINS,
  SIGNING_MODES,
  SIGNING_MODE_LABELS,
  profileSchema,
  type ProfileInput,
  type SettingsState,
} from '../../../../shared/schemas/settings';
import { showError, showSuccess } from '../../components/notify';
import { formatDateTime } from '../../lib/format';
import { useToday } from '../../lib/useToday';
import { useApiMutation } from '../../lib/query';
import { useFormDraft } from '../../lib/useFormDraft';
import { applyServerErrors, parseForm, zodResolver } from '../../lib/zodForm';
import { PartyHeaderPreview } from './PartyHeaderPreview';

/** The stored profile as form values (same shape; a copy so the form never mutates the cache). */
function toFormValues(state: SettingsState): ProfileInput {
  return { ...state.profile, margins: { ...state.profile.margins } };
}

/** "Nơi nhận" lines as typed in a Textarea (one per line); empty lines are dropped when saving. */
const linesOf = (text: string) => text.split('\n');
const withoutEmptyLines = (values: ProfileInput): ProfileInput => ({
  ...values,
  reportTo: (values.reportTo ?? []).map((l) => l.trim()).filter(Boolean),
});
const validateProfile = zodResolver(profileSchema);

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="md" mb={description ? 2 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text size="xs" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}

/**
 * The organisation profile: validated while typing by the same zod schema as the main process,
 * saved with Enter or "Lưu thay đổi", kept as a draft until saved, with a live document preview.
 */
export function ProfileForm({
  state,
  preview = true,
  aside,
}: {
  state: SettingsState;
  /** Show the live document preview in a right-hand column (off in narrow places such as a wizard step). */
  preview?: boolean;
  /** Extra content under the preview (the settings page puts the system information there). */
  aside?: React.ReactNode;
}) {
  const today = useToday();
  const form = useForm<ProfileInput>({
    mode: 'controlled',
    initialValues: toFormValues(state),
    // Empty "Nơi nhận" lines are only the officer pressing Enter: validate what will be saved.
    validate: (values) => validateProfile(withoutEmptyLines(values)),
    validateInputOnBlur: true,
    // The term's name follows its years while it still reads "<start> - <end>" (the usual form),
    // so changing 2025 → 2030 does not leave a stale "2025 - 2030" behind.
    onValuesChange: (values, previous) => {
      if (previous.termStartYear === values.termStartYear && previous.termEndYear === values.termEndYear) return;
      const usual = (a: unknown, b: unknown) => `${String(a)} - ${String(b)}`;
      const valid = (y: unknown) => typeof y === 'number' && y >= 1990 && y <= 2100;
      if (values.termLabel.trim() === usual(previous.termStartYear, previous.termEndYear) && valid(values.termStartYear) && valid(values.termEndYear)) {
        form.setFieldValue('termLabel', usual(values.termStartYear, values.termEndYear));
      }
    },
  });
  const draft = useFormDraft('settings.profile', form);

  const save = useApiMutation('settings.update', { invalidate: ['settings.get'] });

  // Another window or the wizard saved new settings: take them, unless the officer is editing.
  const savedAt = state.updatedAt;
  useEffect(() => {
    if (!form.isDirty()) {
      const values = toFormValues(state);
      form.setInitialValues(values);
      form.setValues(values);
    }
    // only when the saved version changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedAt]);


  const formRef = useRef<HTMLFormElement>(null);
  /** Puts the cursor in the first field with an error, so the officer sees and fixes it at once. */
  const focusFirstError = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const onSubmit = form.onSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync({ profile: parseForm(profileSchema, withoutEmptyLines(values)) });
      const next = toFormValues(saved);
      form.setInitialValues(next);
      form.setValues(next);
      form.resetDirty(next);
      draft.clear();
      showSuccess('Đã lưu thông tin cơ quan. Các văn bản in từ nay dùng thông tin này.');
    } catch (error) {
      // Field errors go under their inputs; anything else (disk full, locked file…) as a toast.
      if (applyServerErrors(form, error, 'profile')) focusFirstError();
      else showError(error, 'Chưa lưu được');
    }
  }, focusFirstError);

  const dirty = form.isDirty();
  const values = form.values;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Thông tin cơ quan">
      <Grid gap="md" align="flex-start">
        <Grid.Col span={preview ? 7 : 12}>
          <Stack gap="md">
            {draft.restoredAt && (
              <Alert color="yellow" icon={<IconHistory size={18} />} title="Đã khôi phục nội dung nhập dở">
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm">
                    Nội dung bạn nhập lúc {formatDateTime(draft.restoredAt)} chưa được lưu. Kiểm tra rồi bấm «Lưu thay đổi».
                  </Text>
                  <Button size="xs" variant="default" onClick={draft.discard} style={{ flexShrink: 0 }}>
                    Bỏ nội dung nhập dở
                  </Button>
                </Group>
              </Alert>
            )}

            <Section title="Cơ quan ban hành văn bản" description="In ở góc trên bên trái mọi văn bản, theo Hướng dẫn 36-HD/VPTW.">
              <Stack gap="sm">
                <TextInput
                  label="Tên cơ quan cấp trên"
                  placeholder="Ví dụ: ĐẢNG BỘ TỈNH BẮC KẠN"
                  withAsterisk
                  {...form.getInputProps('parentBody')}
                />
                {/* Enter is a line break here: the officer chooses where the printed name breaks. */}
                <Textarea
                  label="Tên Ban Chỉ đạo"
                  description="Xuống dòng (Enter) ở đâu thì văn bản in xuống dòng ở đó."
                  withAsterisk
                  autosize
                  minRows={3}
                  maxRows={5}
                  {...form.getInputProps('committeeName')}
                />
                <Grid gap="sm">
                  <Grid.Col span={4}>
                    <TextInput
                      label="Ký hiệu viết tắt"
                      description="Dùng trong số văn bản"
                      placeholder="BCĐ"
                      withAsterisk
                      {...form.getInputProps('committeeCode')}
                    />
                  </Grid.Col>
                  <Grid.Col span={8}>
                    <TextInput
                      label="Địa danh ghi ngày tháng"
                      description="Ví dụ: Bắc Kạn → «Bắc Kạn, ngày … tháng … năm …»"
                      placeholder="Bắc Kạn"
                      withAsterisk
                      {...form.getInputProps('placeName')}
                    />
                  </Grid.Col>
                </Grid>
                <TextInput
                  label="Cơ quan thường trực"
                  placeholder="Ví dụ: Ban Dân vận Tỉnh ủy"
                  {...form.getInputProps('standingAgency')}
                />
              </Stack>
            </Section>

            <Section title="Nhiệm kỳ" description="Số văn bản được đánh liên tục từ 01 trong cả nhiệm kỳ.">
              <Grid gap="sm">
                <Grid.Col span={4}>
                  <TextInput label="Tên nhiệm kỳ" placeholder="2025 - 2030" withAsterisk {...form.getInputProps('termLabel')} />
                </Grid.Col>
                <Grid.Col span={4}>
                  <NumberInput label="Năm bắt đầu" withAsterisk hideControls allowDecimal={false} {...form.getInputProps('termStartYear')} />
                </Grid.Col>
                <Grid.Col span={4}>
                  <NumberInput label="Năm kết thúc" withAsterisk hideControls allowDecimal={false} {...form.getInputProps('termEndYear')} />
                </Grid.Col>
              </Grid>
            </Section>

            <Section title="Ký văn bản">
              <Stack gap="sm">
                <Radio.Group label="Cách ký" {...form.getInputProps('signingMode')}>
                  <Stack gap={6} mt={6}>
                    {SIGNING_MODES.map((mode) => (
                      <Radio key={mode} value={mode} label={SIGNING_MODE_LABELS[mode]} />
                    ))}
                  </Stack>
                </Radio.Group>
                <TextInput label="Họ tên Trưởng ban" placeholder="Ví dụ: Nguyễn Văn An" {...form.getInputProps('headName')} />
                <Grid gap="sm">
                  <Grid.Col span={6}>
                    <TextInput label="Phó Trưởng ban ký thay (K/T)" placeholder="Họ tên" {...form.getInputProps('deputyName')} />
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <TextInput label="Chức vụ in dưới K/T" placeholder="PHÓ TRƯỞNG BAN" {...form.getInputProps('deputyTitle')} />
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <TextInput label="Người ký thừa lệnh (TL.)" placeholder="Họ tên" {...form.getInputProps('byOrderName')} />
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <TextInput label="Chức vụ in dưới TL." placeholder="CHÁNH VĂN PHÒNG" {...form.getInputProps('byOrderTitle')} />
                  </Grid.Col>
                </Grid>
                <Text size="xs" c="dimmed">
                  Đây là cách ký mặc định; từng văn bản (ví dụ thông báo kết luận) có thể chọn cách ký khác.
                </Text>
              </Stack>
            </Section>

            <Section title="Nơi nhận" description="Dòng đầu và dòng «Lưu» của mục Nơi nhận trên mọi văn bản; từng văn bản vẫn sửa được.">
              <Stack gap="sm">
                <Textarea
                  label="Gửi để báo cáo (mỗi dòng một nơi)"
                  placeholder="Thường trực Tỉnh ủy (b/c)"
                  autosize
                  minRows={2}
                  maxRows={6}
                  value={(values.reportTo ?? []).join('\n')}
                  onChange={(e) => form.setFieldValue('reportTo', linesOf(e.currentTarget.value))}
                  error={form.errors['reportTo'] ?? Object.entries(form.errors).find(([k]) => k.startsWith('reportTo.'))?.[1]}
                />
                <TextInput
                  label="Dòng «Lưu»"
                  description={`Để trống: «Lưu ${values.standingAgency.trim() || 'Cơ quan thường trực'}».`}
                  placeholder="Lưu VT, Ban Dân vận Tỉnh ủy"
                  {...form.getInputProps('archiveLine')}
                />
              </Stack>
            </Section>

            <Section title="Lề trang in (mm)" description="Thường dùng: trên 20, dưới 20, trái 30, phải 15.">
              <Group gap="sm" align="flex-end" wrap="nowrap">
                {(['top', 'bottom', 'left', 'right'] as const).map((side) => (
                  <NumberInput
                    key={side}
                    w={100}
                    label={{ top: 'Trên', bottom: 'Dưới', left: 'Trái', right: 'Phải' }[side]}
                    min={5}
                    max={60}
                    allowDecimal={false}
                    suffix=" mm"
                    {...form.getInputProps(`margins.${side}`)}
                  />
                ))}
                <Button variant="subtle" size="xs" mb={4} onClick={() => form.setFieldValue('margins', { ...DEFAULT_MARGINS })}>
                  Dùng lề thường dùng
                </Button>
              </Group>
            </Section>

            <Group
              justify="space-between"
              wrap="nowrap"
              py="sm"
              px="md"
              style={{
                // Always reachable on a 768-px screen: the save bar sticks to the bottom edge.
                position: 'sticky',
                bottom: 0,
                zIndex: 3,
                background: 'var(--mantine-color-white)',
                border: '1px solid var(--mantine-color-gray-3)',
                borderRadius: 'var(--mantine-radius-sm)',
                boxShadow: '0 -2px 8px rgba(0,0,0,0.06)',
              }}
            >
              <Text size="sm" c="dimmed">
                {state.updatedAt ? `Lưu lần cuối: ${formatDateTime(state.updatedAt)}` : 'Chưa lưu lần nào.'}
              </Text>
              <Group gap="xs" wrap="nowrap">
                {dirty && (
                  <Badge color="orange" variant="light">
                    Chưa lưu
                  </Badge>
                )}
                <Button
                  variant="default"
                  leftSection={<IconArrowBackUp size={16} />}
                  disabled={!dirty || save.isPending}
                  onClick={draft.discard}
                >
                  Hoàn tác
                </Button>
                <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending}>
                  Lưu thay đổi
                </Button>
              </Group>
            </Group>
          </Stack>
        </Grid.Col>
        {preview && (
          <Grid.Col span={5} style={{ position: 'sticky', top: 72 }}>
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                Văn bản sẽ trình bày như sau
              </Text>
              <PartyHeaderPreview profile={values} todayIso={today} />
              <Text size="xs" c="dimmed">
                Mẫu cập nhật ngay khi bạn gõ; số và ngày chỉ là ví dụ.
              </Text>
              {aside && <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>{aside}</div>}
            </Stack>
          </Grid.Col>
        )}
      </Grid>
    </form>
  );
}
