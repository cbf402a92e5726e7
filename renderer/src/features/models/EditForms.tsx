import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import type { z } from 'zod';
import {
  MODEL_KIND_LABELS,
  MODEL_STATUSES,
  MODEL_STATUS_LABELS,
  REGISTRATION_LABELS,
  modelFieldsSchema,
  yearFieldsSchema,
  type ModelKind,
  type ModelStatus,
  type ModelYearRow,
  type Registration,
} from '../../../../shared/schemas/models';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { applyServerErrors, parseForm, zodResolver } from '../../lib/zodForm';
import { useFormDraft } from '../../lib/useFormDraft';
import { showError, showSuccess } from '../../components/notify';

/*
 * Every lifecycle step of a model on screen: its registration (the form units fill in) and, per
 * year, status, level, decision, điển hình, khen thưởng and nhân rộng — validated in the form by the
 * same zod schemas the main process applies (shared/schemas/models.ts), drafts kept while typing.
 */

type YearValues = z.input<typeof yearFieldsSchema>;
type ModelValues = z.input<typeof modelFieldsSchema>;

/** Enter in a dropdown picks or closes it; it must never submit the form around it. */
const noEnterSubmit = {
  onKeyDown: (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') e.preventDefault();
  },
};

function yearValues(y: ModelYearRow, status?: ModelStatus): YearValues {
  return {
    registration: y.registration,
    status: status ?? y.status,
    recognitionLevelId: y.recognitionLevelId,
    recognitionDecisionNo: y.recognitionDecisionNo ?? '',
    recognitionDate: y.recognitionDate,
    typical: y.typical,
    awardFormId: y.awardFormId,
    awardBy: y.awardBy ?? '',
    awardDecisionNo: y.awardDecisionNo ?? '',
    awardDate: y.awardDate,
    replicatedTo: y.replicatedTo ?? '',
    result: y.result ?? '',
    note: y.note ?? '',
  };
}

/** Empty text boxes are "not given" (null), as the register stores them. */
function blanksToNull<V extends Record<string, unknown>>(v: V): V {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' ? null : x])) as V;
}

export function YearRecordForm({ record, initialStatus, onClose, onSaved }: { record: ModelYearRow; initialStatus?: ModelStatus | undefined; onClose: () => void; onSaved: () => void }) {
  const options = useApiQuery('models.options', {});
  const update = useApiMutation('models.update', { invalidate: ['models.get', 'models.stats', 'models.list'] });
  const form = useForm<YearValues>({ mode: 'controlled', initialValues: yearValues(record, initialStatus), validate: zodResolver(yearFieldsSchema) });
  const draft = useFormDraft(`model-year.${record.id}`, form);
  const recognised = form.values.status === 'recognised';

  const submit = form.onSubmit(async (values) => {
    try {
      await update.mutateAsync({ id: record.id, year: parseForm(yearFieldsSchema, blanksToNull(values)) });
      draft.clear();
      showSuccess(`Đã lưu bản ghi năm ${record.year}.`);
      onSaved();
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e, 'year')) showError(e);
    }
  });

  return (
    <Modal opened onClose={onClose} title={`Bản ghi năm ${record.year}: ${record.name}`} size="xl">
      <form onSubmit={submit} aria-label={`Sửa bản ghi năm ${record.year}`}>
        <Stack gap="sm">
          {draft.restoredAt && (
            <Alert color="blue" py={6}>
              Đã khôi phục bản nháp chưa lưu.{' '}
              <Button size="compact-xs" variant="subtle" onClick={draft.discard}>
                Bỏ bản nháp
              </Button>
            </Alert>
          )}
          <SimpleGrid cols={2}>
            <Select
              label="Trạng thái"
              data={MODEL_STATUSES.map((s) => ({ value: s, label: MODEL_STATUS_LABELS[s] }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
              {...noEnterSubmit}
            />
            <SegmentedControl
              aria-label="Hình thức đăng ký"
              data={Object.entries(REGISTRATION_LABELS).map(([value, label]) => ({ value, label }))}
              value={form.values.registration}
              onChange={(v) => form.setFieldValue('registration', v as Registration)}
            />
          </SimpleGrid>
          <Text fw={600} size="sm">
            Công nhận
          </Text>
          <SimpleGrid cols={3}>
            <Select
              label="Cấp công nhận"
              clearable
              nothingFoundMessage="Không có trong danh mục"
              data={(options.data?.recognitionLevels ?? []).map((i) => ({ value: i.id, label: i.name }))}
              {...form.getInputProps('recognitionLevelId')}
              {...noEnterSubmit}
            />
            <TextInput label="Số quyết định" placeholder="125-QĐ/HU" {...form.getInputProps('recognitionDecisionNo')} />
            <DateInput label="Ngày quyết định" clearable {...form.getInputProps('recognitionDate')} value={form.values.recognitionDate ?? null} />
          </SimpleGrid>
          <Checkbox label="Mô hình điển hình" disabled={!recognised} {...form.getInputProps('typical', { type: 'checkbox' })} />
          <Text fw={600} size="sm">
            Khen thưởng
          </Text>
          <SimpleGrid cols={2}>
            <Select
              label="Hình thức khen thưởng"
              clearable
              disabled={!recognised}
              nothingFoundMessage="Không có trong danh mục"
              data={(options.data?.awardForms ?? []).map((i) => ({ value: i.id, label: i.name }))}
              {...form.getInputProps('awardFormId')}
              {...noEnterSubmit}
            />
            <TextInput label="Cấp khen thưởng (ai khen)" disabled={!recognised} {...form.getInputProps('awardBy')} />
            <TextInput label="Số quyết định khen thưởng" disabled={!recognised} {...form.getInputProps('awardDecisionNo')} />
            <DateInput label="Ngày quyết định khen thưởng" clearable disabled={!recognised} {...form.getInputProps('awardDate')} value={form.values.awardDate ?? null} />
          </SimpleGrid>
          {!recognised && (
            <Text size="xs" c="dimmed">
              Điển hình và khen thưởng chỉ dành cho mô hình được công nhận: chọn trạng thái “{MODEL_STATUS_LABELS.recognised}”.
            </Text>
          )}
          <Textarea label="Nhân rộng tới đơn vị" autosize minRows={1} {...form.getInputProps('replicatedTo')} />
          <Textarea label="Kết quả năm" autosize minRows={2} {...form.getInputProps('result')} />
          <TextInput label="Ghi chú" {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button type="submit" loading={update.isPending}>
              Lưu
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export interface ModelDetailModel {
  id: string;
  unitId: string;
  name: string;
  kind: ModelKind;
  fieldId: string | null;
  performer: string | null;
  periodLabel: string | null;
  situation: string | null;
  goals: string | null;
  content: string | null;
  area: string | null;
  leadForce: string | null;
  coopForce: string | null;
  resources: string | null;
  timing: string | null;
  expectedResults: string | null;
  replicability: string | null;
}

/** The registration form of a model (shared by all its years); saved through one of its records. */
export function ModelForm({ model, recordId, onClose, onSaved }: { model: ModelDetailModel; recordId: string; onClose: () => void; onSaved: () => void }) {
  const options = useApiQuery('models.options', {});
  const update = useApiMutation('models.update', { invalidate: ['models.get', 'models.stats', 'models.list'] });
  const t = (v: string | null) => v ?? '';
  const form = useForm<ModelValues>({
    mode: 'controlled',
    initialValues: {
      unitId: model.unitId,
      name: model.name,
      kind: model.kind,
      fieldId: model.fieldId,
      performer: t(model.performer),
      periodLabel: t(model.periodLabel),
      situation: t(model.situation),
      goals: t(model.goals),
      content: t(model.content),
      area: t(model.area),
      leadForce: t(model.leadForce),
      coopForce: t(model.coopForce),
      resources: t(model.resources),
      timing: t(model.timing),
      expectedResults: t(model.expectedResults),
      replicability: t(model.replicability),
    },
    validate: zodResolver(modelFieldsSchema),
  });
  const draft = useFormDraft(`model.${model.id}`, form);
  const submit = form.onSubmit(async (values) => {
    try {
      await update.mutateAsync({ id: recordId, model: parseForm(modelFieldsSchema, blanksToNull(values)) });
      draft.clear();
      showSuccess('Đã lưu mô hình.');
      onSaved();
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e, 'model')) showError(e);
    }
  });
  const area = (key: keyof ModelValues, label: string) => <Textarea label={label} autosize minRows={1} maxRows={6} {...form.getInputProps(key)} />;
  return (
    <Modal opened onClose={onClose} title="Sửa mô hình" size="xl">
      <form onSubmit={submit} aria-label="Sửa mô hình">
        <Stack gap="sm">
          {draft.restoredAt && (
            <Alert color="blue" py={6}>
              Đã khôi phục bản nháp chưa lưu.{' '}
              <Button size="compact-xs" variant="subtle" onClick={draft.discard}>
                Bỏ bản nháp
              </Button>
            </Alert>
          )}
          <TextInput label="Tên mô hình" withAsterisk {...form.getInputProps('name')} />
          <SimpleGrid cols={2}>
            <Select
              label="Đơn vị đăng ký"
              searchable
              allowDeselect={false}
              nothingFoundMessage="Không có đơn vị"
              data={(options.data?.units ?? []).filter((u) => !u.closed || u.id === model.unitId).map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }))}
              {...form.getInputProps('unitId')}
              {...noEnterSubmit}
            />
            <Select
              label="Lĩnh vực"
              clearable
              nothingFoundMessage="Không có trong danh mục"
              data={(options.data?.fields ?? []).map((f) => ({ value: f.id, label: f.name }))}
              {...form.getInputProps('fieldId')}
              {...noEnterSubmit}
            />
          </SimpleGrid>
          <SegmentedControl
            aria-label="Loại mô hình"
            data={Object.entries(MODEL_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={form.values.kind}
            onChange={(v) => form.setFieldValue('kind', v as ModelKind)}
          />
          <SimpleGrid cols={2}>
            <TextInput label="Người, tập thể thực hiện" {...form.getInputProps('performer')} />
            <TextInput label="Thời gian thực hiện" {...form.getInputProps('timing')} />
          </SimpleGrid>
          {area('situation', 'Thực trạng, lý do')}
          {area('goals', 'Mục tiêu, tiêu chí')}
          {area('content', 'Nội dung, cách thức thực hiện')}
          <SimpleGrid cols={2}>
            {area('area', 'Địa bàn, đối tượng')}
            {area('resources', 'Nguồn lực')}
            <TextInput label="Lực lượng chủ trì" {...form.getInputProps('leadForce')} />
            <TextInput label="Lực lượng phối hợp" {...form.getInputProps('coopForce')} />
          </SimpleGrid>
          {area('expectedResults', 'Sản phẩm, kết quả')}
          {area('replicability', 'Khả năng nhân rộng')}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button type="submit" loading={update.isPending}>
              Lưu
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
