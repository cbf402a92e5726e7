import { useRef } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { QCDC_TYPES, QCDC_TYPE_LABELS, QCDC_TYPE_OF_KIND, guessUnitKind, UNIT_KINDS, UNIT_KIND_LABELS, unitCreateSchema, type UnitFieldsInput, type UnitListItem } from '../../../../shared/schemas/units';
import { useApiMutation } from '../../lib/query';
import { applyServerErrors, parseForm, zodResolver } from '../../lib/zodForm';
import { showError, showSuccess } from '../../components/notify';

export const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));
export const QCDC_OPTIONS = QCDC_TYPES.map((k) => ({ value: k, label: QCDC_TYPE_LABELS[k] }));

const EMPTY: UnitFieldsInput = { name: '', shortName: '', kind: 'dang_bo', qcdcType: null, validFrom: null, validTo: null, note: '' };

/** Add a unit (top level or under `parent`) or edit one. Enter saves. */
export function UnitFormModal({
  opened,
  onClose,
  unit,
  parent,
}: {
  opened: boolean;
  onClose: () => void;
  /** Editing this unit; absent = creating. */
  unit?: UnitListItem | null;
  parent?: UnitListItem | null;
}) {
  const title = unit ? `Sửa đơn vị: ${unit.name}` : parent ? `Thêm đơn vị trực thuộc ${parent.name}` : 'Thêm đơn vị trực thuộc Ban Chỉ đạo';
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      {/* Mounted per opening and per unit, so the form starts from that unit's (or parent's) values. */}
      {opened && <UnitForm key={`${unit?.id ?? 'new'}|${parent?.id ?? ''}`} onClose={onClose} unit={unit ?? null} parent={parent ?? null} />}
    </Modal>
  );
}

function initialValues(unit: UnitListItem | null, parent: UnitListItem | null): UnitFieldsInput {
  return unit
    ? { name: unit.name, shortName: unit.shortName ?? '', kind: unit.kind, qcdcType: unit.qcdcType, validFrom: unit.validFrom, validTo: unit.validTo, note: unit.note ?? '' }
    : { ...EMPTY, parentId: parent?.id ?? null, kind: parent ? 'khac' : 'dang_bo', qcdcType: parent?.qcdcType ?? null };
}

function UnitForm({ onClose, unit, parent }: { onClose: () => void; unit: UnitListItem | null; parent: UnitListItem | null }) {
  const form = useForm<UnitFieldsInput>({ mode: 'controlled', initialValues: initialValues(unit, parent), validate: zodResolver(unitCreateSchema) });
  // Once the officer picks a kind or type, the name stops suggesting one.
  const kindTouched = useRef(false);
  const create = useApiMutation('units.create', { invalidate: ['units.list'] });
  const update = useApiMutation('units.update', { invalidate: ['units.list', 'members.list', 'assignments.list'] });

  const submit = form.onSubmit(async (values) => {
    try {
      const parsed = parseForm(unitCreateSchema, values);
      if (unit) {
        const { parentId: _ignored, ...patch } = parsed;
        void _ignored;
        await update.mutateAsync({ id: unit.id, ...patch });
        showSuccess(`Đã lưu đơn vị «${parsed.name}».`);
      } else {
        await create.mutateAsync(parsed);
        showSuccess(`Đã thêm đơn vị «${parsed.name}».`);
      }
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error)) showError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Tên đơn vị"
          required
          data-autofocus
          placeholder="Ví dụ: Đảng bộ xã Yên Đĩnh"
          {...form.getInputProps('name')}
          onChange={(e) => {
            const name = e.currentTarget.value;
            form.setFieldValue('name', name);
            // Suggest the kind (and QCDC type) from the name until the officer picks one.
            if (!unit && !kindTouched.current) {
              const kind = guessUnitKind(name, Boolean(parent));
              form.setFieldValue('kind', kind);
              form.setFieldValue('qcdcType', QCDC_TYPE_OF_KIND[kind] ?? parent?.qcdcType ?? null);
            }
          }}
        />
        <SimpleGrid cols={2}>
          <TextInput label="Tên viết tắt" placeholder="Ví dụ: ĐB Yên Đĩnh" {...form.getInputProps('shortName')} value={form.values.shortName ?? ''} />
          <Select
            label="Loại đơn vị"
            data={KIND_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('kind')}
            onChange={(v) => {
              kindTouched.current = true;
              form.setFieldValue('kind', (v ?? 'khac') as UnitFieldsInput['kind']);
            }}
          />
        </SimpleGrid>
        <Select
          label="Loại hình thực hiện dân chủ ở cơ sở"
          description="Theo Luật Thực hiện dân chủ ở cơ sở (10/2022/QH15) và lực lượng vũ trang"
          data={QCDC_OPTIONS}
          clearable
          placeholder="(chưa xác định)"
          {...form.getInputProps('qcdcType')}
          onChange={(v) => {
            kindTouched.current = true;
            form.setFieldValue('qcdcType', v as UnitFieldsInput['qcdcType']);
          }}
        />
        <SimpleGrid cols={2}>
          <DateInput label="Hiệu lực từ ngày" {...form.getInputProps('validFrom')} value={form.values.validFrom ?? null} />
          <DateInput label="Hiệu lực đến ngày" placeholder="đang hoạt động" {...form.getInputProps('validTo')} value={form.values.validTo ?? null} />
        </SimpleGrid>
        <Textarea label="Ghi chú" autosize minRows={2} {...form.getInputProps('note')} value={form.values.note ?? ''} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {unit ? 'Lưu thay đổi' : 'Thêm đơn vị'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
