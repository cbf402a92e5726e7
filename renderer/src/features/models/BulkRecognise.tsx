import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useApiQuery } from '../../lib/query';
import { api, ApiError } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { showError, showSuccess } from '../../components/notify';

/** Marks the selected yearly records recognised under one decision (number, date, level). */
export function BulkRecognise({
  ids,
  opened,
  onClose,
  onDone,
}: {
  ids: string[];
  opened: boolean;
  onClose: () => void;
  /** `operationId`: for undoing the change (models.bulkUndo). */
  onDone: (done: { updated: number; operationId: string; decisionNo: string }) => void;
}) {
  const options = useApiQuery('models.options', {}, { enabled: opened });
  const [decisionNo, setDecisionNo] = useState('');
  const [date, setDate] = useState('');
  const [levelId, setLevelId] = useState<string | null>(null);
  const [typical, setTypical] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // Confirmation is a second step inside this dialog (a stacked modal would sit under it).
  const [confirming, setConfirming] = useState(false);
  // Each use starts empty: the last decision number left in the box made typing append to it
  // ("125-QĐ/HU125-QĐ/HU").
  useEffect(() => {
    if (!opened) return;
    setDecisionNo('');
    setDate('');
    setLevelId(null);
    setTypical(false);
    setFields({});
    setConfirming(false);
  }, [opened]);

  const submit = async () => {
    setConfirming(false);
    setBusy(true);
    setFields({});
    try {
      const r = await api('models.bulkUpdateStatus', {
        ids,
        status: 'recognised',
        recognitionDecisionNo: decisionNo,
        recognitionDate: date,
        recognitionLevelId: levelId,
        ...(typical ? { typical: true } : {}),
      });
      showSuccess(`Đã công nhận ${formatNumber(r.updated)} mô hình.`);
      onDone({ updated: r.updated, operationId: r.operationId, decisionNo });
      onClose();
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fields);
      setConfirming(false);
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Công nhận ${formatNumber(ids.length)} mô hình đã chọn`} centered>
      <Stack>
        <Text size="sm" c="dimmed">
          Ghi kết quả họp xét: cùng một quyết định công nhận cho tất cả các mô hình đã chọn.
        </Text>
        <TextInput label="Số quyết định" placeholder="Ví dụ: 125-QĐ/HU" value={decisionNo} onChange={(e) => setDecisionNo(e.currentTarget.value)} error={fields.recognitionDecisionNo} required data-autofocus />
        <DateInput label="Ngày quyết định" value={date || null} onChange={(v) => setDate(v ?? '')} error={fields.recognitionDate} required />
        <Select
          label="Cấp công nhận"
          data={(options.data?.recognitionLevels ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={levelId}
          onChange={setLevelId}
          clearable
          error={fields.recognitionLevelId}
        />
        <Checkbox label="Đồng thời chọn là mô hình điển hình" checked={typical} onChange={(e) => setTypical(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button onClick={() => setConfirming(true)} loading={busy} disabled={confirming}>
            Công nhận
          </Button>
        </Group>
        {confirming && (
          <Stack gap="xs" p="sm" role="alertdialog" aria-label="Xác nhận công nhận" style={{ border: '1px solid var(--mantine-color-yellow-5)', borderRadius: 6, background: 'var(--mantine-color-yellow-0)' }}>
            <Text fw={600}>Công nhận các mô hình đã chọn?</Text>
            <Text size="sm">
              {formatNumber(ids.length)} mô hình sẽ được ghi là “Được công nhận” theo quyết định số {decisionNo || '…'}
              {date ? ` ngày ${formatDate(date)}` : ''}. Mỗi thay đổi được ghi vào nhật ký.
            </Text>
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                Quay lại
              </Button>
              <Button size="xs" color="green" onClick={() => void submit()}>
                Xác nhận công nhận
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
