import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconInfoCircle } from '@tabler/icons-react';
import type { UnitListItem } from '../../../../shared/schemas/units';
import { useApiMutation } from '../../lib/query';
import { formatDate } from '../../lib/format';
import { showError, showSuccess } from '../../components/notify';
import { foldedFilter } from '../../components/pickers';

function descendants(units: UnitListItem[], id: string): Set<string> {
  const out = new Set([id]);
  for (const u of units) if (u.parentId && out.has(u.parentId)) out.add(u.id); // tree order: parents first
  return out;
}

/**
 * Close a unit: merge it into another (its later years roll up there; old years stay with it)
 * or simply dissolve it (giải thể) on a date. Always asks for confirmation, saying what happens.
 */
export function MergeModal({ opened, onClose, unit, units }: { opened: boolean; onClose: () => void; unit: UnitListItem | null; units: UnitListItem[] }) {
  const [mode, setMode] = useState<'merge' | 'close'>('merge');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [closeDate, setCloseDate] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<string | null>(null);
  const merge = useApiMutation('units.merge', { invalidate: ['units.list', 'members.list', 'assignments.list'] });
  const update = useApiMutation('units.update', { invalidate: ['units.list'] });

  useEffect(() => {
    if (opened) {
      setMode('merge');
      setTargetId(null);
      setCloseDate(null);
      setNote('');
      setErrors({});
      setConfirming(null);
    }
  }, [opened]);

  const options = useMemo(() => {
    if (!unit) return [];
    const excluded = descendants(units, unit.id);
    return units
      .filter((u) => !excluded.has(u.id) && !u.mergedIntoId && !u.deletedAt)
      .map((u) => ({ value: u.id, label: [...u.path, u.name].join(' › ') }));
  }, [unit, units]);

  if (!unit) return null;
  const target = units.find((u) => u.id === targetId);
  const year = closeDate ? Number(closeDate.slice(0, 4)) : null;

  // The confirmation is shown inside this dialog (not a second modal stacked over it).
  const review = () => {
    const next: Record<string, string> = {};
    if (!closeDate) next.closeDate = 'Chọn ngày kết thúc hoạt động.';
    if (mode === 'merge' && !targetId) next.targetId = 'Chọn đơn vị tiếp nhận.';
    setErrors(next);
    if (Object.keys(next).length) return;
    const message =
      mode === 'merge'
        ? `«${unit.name}» kết thúc hoạt động ngày ${formatDate(closeDate)} và sáp nhập vào «${target?.name}». Số liệu từ năm ${year! + 1} được cộng vào «${target?.name}»; số liệu năm ${year} trở về trước vẫn giữ ở «${unit.name}». Các đơn vị trực thuộc được chuyển sang đơn vị tiếp nhận.`
        : `«${unit.name}» kết thúc hoạt động (giải thể) ngày ${formatDate(closeDate)}. Dữ liệu cũ vẫn được giữ nguyên.`;
    setConfirming(message);
  };

  const submit = async () => {
    try {
      if (mode === 'merge') {
        await merge.mutateAsync({ sourceIds: [unit.id], targetId: targetId!, closeDate: closeDate!, note: note || null });
        showSuccess(`Đã sáp nhập «${unit.name}» vào «${target?.name}».`);
      } else {
        await update.mutateAsync({ id: unit.id, validTo: closeDate!, note: [unit.note, note].filter(Boolean).join('\n') || null });
        showSuccess(`Đã ghi nhận «${unit.name}» kết thúc hoạt động.`);
      }
      onClose();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Sáp nhập, giải thể: ${unit.name}`} size="lg">
      <Stack gap="sm">
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as 'merge' | 'close')}
          data={[
            { value: 'merge', label: 'Sáp nhập vào đơn vị khác' },
            { value: 'close', label: 'Giải thể (kết thúc hoạt động)' },
          ]}
        />
        {mode === 'merge' && (
          <Select label="Đơn vị tiếp nhận" searchable filter={foldedFilter} data={options} value={targetId} onChange={setTargetId} error={errors.targetId} nothingFoundMessage="Không có đơn vị phù hợp" required />
        )}
        <DateInput label="Ngày kết thúc hoạt động (ngày cuối cùng)" value={closeDate} onChange={setCloseDate} error={errors.closeDate} required />
        <Textarea label="Căn cứ, ghi chú" placeholder="Ví dụ: Nghị quyết số 1234/NQ-UBTVQH15" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        {mode === 'merge' && year && (
          <Alert icon={<IconInfoCircle size={18} />} color="blue">
            <Text size="sm">
              Thống kê năm {year + 1} trở đi tính cho đơn vị tiếp nhận; năm {year} trở về trước vẫn tính cho «{unit.name}».
            </Text>
          </Alert>
        )}
        {confirming ? (
          <Alert color="red" title={mode === 'merge' ? 'Xác nhận sáp nhập' : 'Xác nhận giải thể'} role="alertdialog">
            <Stack gap="sm">
              <Text size="sm">{confirming}</Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirming(null)}>
                  Quay lại
                </Button>
                <Button color="red" onClick={submit} loading={merge.isPending || update.isPending}>
                  {mode === 'merge' ? 'Xác nhận sáp nhập' : 'Xác nhận giải thể'}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button color="red" onClick={review}>
              {mode === 'merge' ? 'Sáp nhập…' : 'Giải thể…'}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

export { descendants };
