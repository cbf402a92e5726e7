import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Box, Button, Group, NumberInput, Paper, SegmentedControl, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconInfoCircle, IconPlus, IconTemplate, IconTrash } from '@tabler/icons-react';
import { CATALOGS, CATALOG_LABELS, type CatalogItem, type CatalogItemInput, type CatalogName } from '../../../../shared/schemas/catalogs';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { ApiError } from '../../lib/api';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';

type Row = CatalogItemInput & { key: string };

const HINTS: Record<CatalogName, string> = {
  field: 'Lĩnh vực của mô hình «Dân vận khéo». Có thể giới hạn theo giai đoạn (từ năm – đến năm). Mục ngừng dùng vẫn giữ cho dữ liệu cũ.',
  recognitionLevel: 'Cấp công nhận mô hình, điển hình.',
  awardForm: 'Hình thức biểu dương, khen thưởng.',
  meetingKind: 'Loại hội nghị, cuộc họp khi ghi biên bản.',
  documentKind: 'Ký hiệu dùng trong số văn bản, ví dụ «05-BB/BCĐ». Mỗi loại được đánh số liên tục trong nhiệm kỳ.',
};

const toRow = (i: CatalogItem): Row => ({
  key: i.id,
  id: i.id,
  code: i.code,
  name: i.name,
  periodLabel: i.periodLabel,
  validFromYear: i.validFromYear,
  validToYear: i.validToYear,
  active: i.active,
});

/** Edit one catalogue as a list: rename, add, reorder, deactivate, remove; saved in one go. */
export function CatalogsPanel() {
  const [catalog, setCatalog] = useState<CatalogName>('field');
  const query = useApiQuery('catalogs.list', { catalog, includeInactive: true });
  const save = useApiMutation('catalogs.update', { invalidate: ['catalogs.list'] });
  const preset = useApiMutation('catalogs.applyPreset', { invalidate: ['catalogs.list'] });
  const confirm = useConfirm();
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (query.data) {
      setRows(query.data.items.map(toRow));
      setDirty(false);
      setErrors({});
    }
  }, [query.data]);

  const patch = (i: number, change: Partial<Row>) => {
    setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...change } : r)));
    setDirty(true);
  };
  const swap = (i: number, j: number) => {
    if (j < 0 || j >= rows.length) return;
    setRows((prev) => {
      const next = [...prev];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
    setDirty(true);
  };

  const submit = async () => {
    try {
      await save.mutateAsync({ catalog, items: rows.map(({ key: _key, ...r }) => r) });
      showSuccess(`Đã lưu danh mục ${CATALOG_LABELS[catalog].toLowerCase()}.`);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields);
      showError(error);
    }
  };

  const applyBacKan = async () => {
    const ok = await confirm({
      title: 'Dùng 4 nhóm lĩnh vực của tỉnh Bắc Kạn?',
      message: 'Thêm 4 nhóm lĩnh vực theo cách phân loại của tỉnh Bắc Kạn; các lĩnh vực khác chuyển sang «ngừng dùng» (vẫn giữ cho dữ liệu cũ).',
      confirmLabel: 'Áp dụng',
    });
    if (!ok) return;
    try {
      await preset.mutateAsync({ preset: 'bacKanFields' });
      showSuccess('Đã áp dụng danh mục lĩnh vực của tỉnh Bắc Kạn.');
    } catch (error) {
      showError(error);
    }
  };

  const changeCatalog = async (next: string) => {
    if (dirty && !(await confirm({ title: 'Bỏ các thay đổi chưa lưu?', message: 'Danh mục đang sửa chưa được lưu.', confirmLabel: 'Bỏ thay đổi', danger: true }))) return;
    setCatalog(next as CatalogName);
  };

  const err = (i: number, field: string) => errors[`items.${i}.${field}`];
  const withCode = catalog === 'documentKind' || catalog === 'recognitionLevel' || catalog === 'field';
  const withPeriod = catalog === 'field';

  return (
    <Box>
      <Group justify="space-between" mb="sm">
        <SegmentedControl value={catalog} onChange={changeCatalog} data={CATALOGS.map((c) => ({ value: c, label: CATALOG_LABELS[c] }))} />
        <Group gap="xs">
          {catalog === 'field' && (
            <Button variant="default" leftSection={<IconTemplate size={16} />} onClick={applyBacKan} loading={preset.isPending}>
              Dùng mẫu tỉnh Bắc Kạn (4 nhóm)
            </Button>
          )}
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={submit} loading={save.isPending} disabled={!dirty}>
            Lưu danh mục
          </Button>
        </Group>
      </Group>
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} mb="sm" py={8}>
        <Text size="sm">{HINTS[catalog]}</Text>
      </Alert>
      <Paper withBorder>
        <Table verticalSpacing={4} fz="sm" aria-label={`Danh mục ${CATALOG_LABELS[catalog]}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>TT</Table.Th>
              {withCode && <Table.Th w={110}>Ký hiệu</Table.Th>}
              <Table.Th>Tên</Table.Th>
              {withPeriod && (
                <>
                  <Table.Th w={120}>Giai đoạn</Table.Th>
                  <Table.Th w={100}>Từ năm</Table.Th>
                  <Table.Th w={100}>Đến năm</Table.Th>
                </>
              )}
              <Table.Th w={110}>Đang dùng</Table.Th>
              <Table.Th w={110} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.key} style={r.active === false ? { opacity: 0.6 } : undefined}>
                <Table.Td>{i + 1}</Table.Td>
                {withCode && (
                  <Table.Td>
                    <TextInput size="xs" aria-label={`Ký hiệu dòng ${i + 1}`} value={r.code ?? ''} onChange={(e) => patch(i, { code: e.currentTarget.value || null })} error={err(i, 'code')} />
                  </Table.Td>
                )}
                <Table.Td>
                  <TextInput size="xs" aria-label={`Tên dòng ${i + 1}`} value={r.name} onChange={(e) => patch(i, { name: e.currentTarget.value })} error={err(i, 'name')} />
                </Table.Td>
                {withPeriod && (
                  <>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`Giai đoạn dòng ${i + 1}`} placeholder="VD: 2021–2025" value={r.periodLabel ?? ''} onChange={(e) => patch(i, { periodLabel: e.currentTarget.value || null })} />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput size="xs" aria-label={`Từ năm dòng ${i + 1}`} hideControls thousandSeparator="" value={r.validFromYear ?? ''} onChange={(v) => patch(i, { validFromYear: typeof v === 'number' ? v : null })} error={err(i, 'validFromYear')} />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput size="xs" aria-label={`Đến năm dòng ${i + 1}`} hideControls thousandSeparator="" value={r.validToYear ?? ''} onChange={(v) => patch(i, { validToYear: typeof v === 'number' ? v : null })} error={err(i, 'validToYear')} />
                    </Table.Td>
                  </>
                )}
                <Table.Td>
                  <Switch aria-label={`Đang dùng dòng ${i + 1}`} checked={r.active !== false} onChange={(e) => patch(i, { active: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" color="gray" onClick={() => swap(i, i - 1)} aria-label={`Đưa dòng ${i + 1} lên`}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="gray" onClick={() => swap(i, i + 1)} aria-label={`Đưa dòng ${i + 1} xuống`}>
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Xóa dòng ${i + 1}`}
                      onClick={() => {
                        setRows((prev) => prev.filter((_, j) => j !== i));
                        setDirty(true);
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
        <Group p="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => {
              setRows((prev) => [...prev, { key: `new-${Date.now()}`, name: '', code: null, active: true }]);
              setDirty(true);
            }}
          >
            Thêm dòng
          </Button>
          {dirty && (
            <Text size="xs" c="orange.8">
              Có thay đổi chưa lưu. Mục bị xóa khỏi danh sách sẽ vào thùng rác khi lưu.
            </Text>
          )}
        </Group>
      </Paper>
    </Box>
  );
}
