import { useEffect, useState } from 'react';
import { Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { MODEL_KIND_LABELS, REGISTRATION_LABELS, type ModelKind, type Registration } from '../../../../shared/schemas/models';
import { api, ApiError } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { showError, showInfo, showSuccess } from '../../components/notify';
import { useConfirm } from '../../components/ConfirmAction';

/** Registers one model for a year by hand (the registration form's main fields). */
export function CreateModel({ opened, year, onClose, onDone }: { opened: boolean; year: number; onClose: () => void; onDone: (id: string) => void }) {
  const options = useApiQuery('models.options', {}, { enabled: opened });
  const [v, setV] = useState({ unitId: null as string | null, year: year as number | string, name: '', kind: 'collective' as ModelKind, fieldId: null as string | null, registration: 'new' as Registration, performer: '', timing: '', content: '' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // The register's year when the dialog opens.
  useEffect(() => {
    if (opened) setV((s) => ({ ...s, year }));
  }, [opened, year]);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((s) => ({ ...s, [k]: value }));

  const confirm = useConfirm();
  const submit = async (separate = false) => {
    if (!v.unitId) {
      setFields({ unitId: 'Hãy chọn đơn vị đăng ký.' });
      return;
    }
    setBusy(true);
    setFields({});
    try {
      const d = await api('models.create', {
        unitId: v.unitId,
        year: typeof v.year === 'number' ? v.year : Number(v.year),
        name: v.name,
        kind: v.kind,
        fieldId: v.fieldId,
        registration: v.registration,
        performer: v.performer || null,
        timing: v.timing || null,
        content: v.content || null,
        ...(separate ? { separate } : {}),
      });
      showSuccess(`Đã thêm mô hình “${d.model.name}”.`);
      if (d.warning) showInfo('Mô hình trùng tên', d.warning);
      onDone(d.years[0]!.id);
      setV((s) => ({ ...s, name: '', performer: '', content: '' }));
      onClose();
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
      if (e instanceof ApiError) setFields(e.fields);
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Thêm mô hình" size="lg">
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
              data={(options.data?.units ?? []).filter((u) => !u.closed).map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }))}
              value={v.unitId}
              onChange={(x) => set('unitId', x)}
              error={fields.unitId}
              nothingFoundMessage="Không có đơn vị"
            />
            <NumberInput label="Năm" withAsterisk min={2000} max={2100} value={v.year} onChange={(x) => set('year', x)} error={fields.year} />
          </SimpleGrid>
          <TextInput label="Tên mô hình" withAsterisk value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={fields.name} data-autofocus />
          <SimpleGrid cols={2}>
            <SegmentedControl
              aria-label="Loại mô hình"
              data={Object.entries(MODEL_KIND_LABELS).map(([value, label]) => ({ value, label }))}
              value={v.kind}
              onChange={(x) => set('kind', x as ModelKind)}
            />
            <SegmentedControl
              aria-label="Hình thức đăng ký"
              data={Object.entries(REGISTRATION_LABELS).map(([value, label]) => ({ value, label }))}
              value={v.registration}
              onChange={(x) => set('registration', x as Registration)}
            />
          </SimpleGrid>
          <Select
            label="Lĩnh vực"
            clearable
            data={(options.data?.fields ?? []).map((f) => ({ value: f.id, label: f.name }))}
            value={v.fieldId}
            onChange={(x) => set('fieldId', x)}
            error={fields.fieldId}
          />
          <SimpleGrid cols={2}>
            <TextInput label="Người, tập thể thực hiện" value={v.performer} onChange={(e) => set('performer', e.currentTarget.value)} error={fields.performer} />
            <TextInput label="Thời gian thực hiện" value={v.timing} onChange={(e) => set('timing', e.currentTarget.value)} error={fields.timing} />
          </SimpleGrid>
          <Textarea label="Nội dung, cách thức thực hiện" autosize minRows={2} value={v.content} onChange={(e) => set('content', e.currentTarget.value)} error={fields.content} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
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
