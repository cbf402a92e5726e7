import { useState } from 'react';
import { useForm } from '@mantine/form';
import { Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { MODEL_KIND_LABELS, modelCreateSchema, REGISTRATION_LABELS, type ModelKind, type Registration } from '../../../../shared/schemas/models';
import { api, ApiError } from '../../lib/api';
import { applyServerErrors, inputErrors } from '../../lib/zodForm';
import { useApiQuery } from '../../lib/query';
import { showError, showInfo, showSuccess } from '../../components/notify';
import { useConfirm } from '../../components/ConfirmAction';
import { foldedFilter } from '../../components/pickers';

interface CreateValues extends Record<string, unknown> {
  unitId: string | null;
  /** null = the register's year (what the dialog opens on). */
  year: number | string | null;
  name: string;
  kind: ModelKind;
  fieldId: string | null;
  registration: Registration;
  performer: string;
  timing: string;
  content: string;
}

/**
 * Registers one model for a year by hand (the registration form's main fields). The form stays
 * mounted between openings on purpose: the unit, kind, field and timing carry over to the next
 * model of the same unit; only the year goes back to the register's on closing.
 */
export function CreateModel({ opened, year, onClose, onDone }: { opened: boolean; year: number; onClose: () => void; onDone: (id: string) => void }) {
  const options = useApiQuery('models.options', {}, { enabled: opened });
  const toInput = (v: CreateValues) => ({
    unitId: v.unitId ?? '',
    year: v.year === null ? year : typeof v.year === 'number' ? v.year : Number(v.year),
    name: v.name,
    kind: v.kind,
    fieldId: v.fieldId,
    registration: v.registration,
    performer: v.performer || null,
    timing: v.timing || null,
    content: v.content || null,
  });
  const form = useForm<CreateValues>({
    mode: 'controlled',
    initialValues: { unitId: null, year: null, name: '', kind: 'collective', fieldId: null, registration: 'new', performer: '', timing: '', content: '' },
    // The channel's schema, with the one message it cannot give: which unit registers.
    validate: (v) => ({ ...inputErrors(modelCreateSchema, toInput(v)), ...(v.unitId ? {} : { unitId: 'Hãy chọn đơn vị đăng ký.' }) }),
  });
  const [busy, setBusy] = useState(false);
  const close = () => {
    form.setFieldValue('year', null);
    onClose();
  };
  const v = form.values;

  const confirm = useConfirm();
  const submit = async (separate = false) => {
    if (form.validate().hasErrors) return;
    setBusy(true);
    try {
      const d = await api('models.create', { ...toInput(form.getValues()), ...(separate ? { separate } : {}) });
      showSuccess(`Đã thêm mô hình “${d.model.name}”.`);
      if (d.warning) showInfo('Mô hình trùng tên', d.warning);
      onDone(d.years[0]!.id);
      form.setValues({ name: '', performer: '', content: '' });
      close();
    } catch (e) {
      // Same name in the same unit and year: the officer may keep it as a model of its own.
      if (e instanceof ApiError && e.code === 'CONFLICT' && !separate) {
        setBusy(false);
        const keep = await confirm({
          title: 'Đơn vị đã có mô hình cùng tên trong năm này',
          message: `${e.message} Giữ mô hình vừa nhập là mô hình riêng?`,
          confirmLabel: 'Giữ là mô hình riêng',
        });
        if (keep) await submit(true);
        return;
      }
      applyServerErrors(form, e);
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Thêm mô hình" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Select
              label="Đơn vị đăng ký"
              withAsterisk
              searchable
              filter={foldedFilter}
              data={(options.data?.units ?? []).filter((u) => !u.closed).map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }))}
              {...form.getInputProps('unitId')}
              nothingFoundMessage="Không có đơn vị"
            />
            <NumberInput label="Năm" withAsterisk min={2000} max={2100} {...form.getInputProps('year')} value={v.year ?? year} />
          </SimpleGrid>
          <TextInput label="Tên mô hình" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={2}>
            <SegmentedControl
              aria-label="Loại mô hình"
              data={Object.entries(MODEL_KIND_LABELS).map(([value, label]) => ({ value, label }))}
              {...form.getInputProps('kind')}
            />
            <SegmentedControl
              aria-label="Hình thức đăng ký"
              data={Object.entries(REGISTRATION_LABELS).map(([value, label]) => ({ value, label }))}
              {...form.getInputProps('registration')}
            />
          </SimpleGrid>
          <Select
            label="Lĩnh vực"
            clearable
            data={(options.data?.fields ?? []).map((f) => ({ value: f.id, label: f.name }))}
            {...form.getInputProps('fieldId')}
          />
          <SimpleGrid cols={2}>
            <TextInput label="Người, tập thể thực hiện" {...form.getInputProps('performer')} />
            <TextInput label="Thời gian thực hiện" {...form.getInputProps('timing')} />
          </SimpleGrid>
          <Textarea label="Nội dung, cách thức thực hiện" autosize minRows={2} {...form.getInputProps('content')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Hủy
            </Button>
            <Button type="submit" loading={busy}>
              Lưu
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
