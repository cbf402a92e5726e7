import { Button, Divider, Drawer, Group, Loader, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { MODEL_KIND_LABELS, MODEL_STATUSES, MODEL_STATUS_LABELS, REGISTRATION_LABELS, type ModelStatus, type ModelYearRow } from '../../../../shared/schemas/models';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { formatDate } from '../../lib/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';
import { StatusBadges } from './RegisterTable';
import { ModelForm, YearRecordForm } from './EditForms';

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value || '—'}
      </Text>
    </div>
  );
}

/** One model with its yearly records (lượt); the status of a year changes here, one record at a time. */
export function ModelDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const detail = useApiQuery('models.get', { id: id ?? '' }, { enabled: Boolean(id) });
  const update = useApiMutation('models.update', { invalidate: ['models.get', 'models.stats'] });
  const remove = useApiMutation('models.delete', { invalidate: ['models.get', 'models.stats'] });
  const carry = useApiMutation('models.addYear', { invalidate: ['models.get', 'models.stats', 'models.years'] });
  const confirm = useConfirm();
  const m = detail.data?.model;

  const [editing, setEditing] = useState<{ record: ModelYearRow; status?: ModelStatus } | null>(null);
  const [editingModel, setEditingModel] = useState(false);

  const setStatus = async (record: ModelYearRow, status: ModelStatus) => {
    // Recognition carries its decision (number, date, level): the record's form opens with the status set.
    if (status === 'recognised') {
      setEditing({ record, status });
      return;
    }
    const yearId = record.id;
    try {
      await update.mutateAsync({ id: yearId, year: { status } });
      onChanged();
      showSuccess('Đã đổi trạng thái.');
    } catch (e) {
      showError(e);
    }
  };

  const del = async (yearId: string, year: number) => {
    const ok = await confirm({
      title: 'Xóa bản ghi năm?',
      message: `Bản ghi năm ${year} của mô hình sẽ được chuyển vào thùng rác (có thể khôi phục).`,
      confirmLabel: 'Xóa',
      danger: true,
    });
    if (!ok) return;
    try {
      await remove.mutateAsync({ id: yearId });
      onChanged();
      onClose();
      showSuccess('Đã xóa; có thể khôi phục trong thùng rác.');
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Drawer opened={Boolean(id)} onClose={onClose} position="right" size="xl" title="Chi tiết mô hình">
      <ErrorAlert error={detail.error} />
      {detail.isPending && id && <Loader aria-label="Đang tải" />}
      {m && detail.data && (
        <Stack gap="sm">
          <Group justify="space-between" wrap="nowrap">
            <Title order={4}>{m.name}</Title>
            {detail.data.years[0] && (
              <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setEditingModel(true)}>
                Sửa mô hình
              </Button>
            )}
          </Group>
          <SimpleGrid cols={2} spacing="sm">
            <Field label="Đơn vị đăng ký" value={m.unitName} />
            <Field label="Loại" value={MODEL_KIND_LABELS[m.kind]} />
            <Field label="Lĩnh vực" value={m.fieldName} />
            <Field label="Người, tập thể thực hiện" value={m.performer} />
            <Field label="Thời gian thực hiện" value={m.timing} />
            <Field label="Năm đăng ký đầu tiên" value={String(m.firstYear)} />
          </SimpleGrid>
          <Field label="Thực trạng, lý do" value={m.situation} />
          <Field label="Mục tiêu, tiêu chí" value={m.goals} />
          <Field label="Nội dung, cách thức thực hiện" value={m.content} />
          <SimpleGrid cols={2} spacing="sm">
            <Field label="Địa bàn, đối tượng" value={m.area} />
            <Field label="Nguồn lực" value={m.resources} />
            <Field label="Lực lượng chủ trì" value={m.leadForce} />
            <Field label="Lực lượng phối hợp" value={m.coopForce} />
          </SimpleGrid>
          <Field label="Sản phẩm, kết quả" value={m.expectedResults} />
          <Field label="Khả năng nhân rộng" value={m.replicability} />
          <Divider label="Các năm (lượt)" labelPosition="left" />
          <Table withTableBorder verticalSpacing={6} aria-label="Các năm của mô hình">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Năm</Table.Th>
                <Table.Th>Đăng ký</Table.Th>
                <Table.Th>Trạng thái</Table.Th>
                <Table.Th>Quyết định</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.data.years.map((y) => (
                <Table.Tr key={y.id}>
                  <Table.Td>{y.year}</Table.Td>
                  <Table.Td>{REGISTRATION_LABELS[y.registration]}</Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <StatusBadges row={y} />
                      <Select
                        size="xs"
                        aria-label={`Trạng thái năm ${y.year}`}
                        data={MODEL_STATUSES.map((s) => ({ value: s, label: MODEL_STATUS_LABELS[s] }))}
                        value={y.status}
                        onChange={(v) => v && v !== y.status && void setStatus(y, v as ModelStatus)}
                        allowDeselect={false}
                      />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {[y.recognitionDecisionNo, formatDate(y.recognitionDate), y.recognitionLevelName].filter(Boolean).join(' – ') || '—'}
                    </Text>
                    {y.awardFormName && <Text size="xs">Khen thưởng: {[y.awardFormName, y.awardBy, y.awardDecisionNo].filter(Boolean).join(' – ')}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing({ record: y })} aria-label={`Sửa năm ${y.year}`}>
                        Sửa
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => void del(y.id, y.year)}>
                        Xóa
                      </Button>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            {detail.data.years.length > 0 && (
              <Button
                variant="light"
                loading={carry.isPending}
                onClick={async () => {
                  const next = Math.max(...detail.data.years.map((y) => y.year)) + 1;
                  try {
                    await carry.mutateAsync({ modelId: m.id, year: next, registration: 'carried' });
                    onChanged();
                    showSuccess(`Đã đăng ký duy trì mô hình sang năm ${next}.`);
                  } catch (e) {
                    showError(e);
                  }
                }}
              >
                Duy trì sang năm {Math.max(...detail.data.years.map((y) => y.year)) + 1}
              </Button>
            )}
            <Button variant="default" onClick={onClose}>
              Đóng
            </Button>
          </Group>
        </Stack>
      )}
      {editing && (
        <YearRecordForm
          key={`${editing.record.id}-${editing.status ?? ''}`}
          record={editing.record}
          initialStatus={editing.status}
          onClose={() => setEditing(null)}
          onSaved={onChanged}
        />
      )}
      {editingModel && m && detail.data?.years[0] && <ModelForm model={m} recordId={detail.data.years[0].id} onClose={() => setEditingModel(false)} onSaved={onChanged} />}
    </Drawer>
  );
}
