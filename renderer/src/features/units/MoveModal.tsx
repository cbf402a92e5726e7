import { useEffect, useMemo, useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import type { UnitListItem } from '../../../../shared/schemas/units';
import { useApiMutation } from '../../lib/query';
import { showError, showSuccess } from '../../components/notify';
import { descendants } from './MergeModal';
import { foldedFilter } from '../../components/pickers';

const TOP = '__top__';

/** Moves a unit, with everything under it, to another parent (or to the top level). */
export function MoveModal({ opened, onClose, unit, units }: { opened: boolean; onClose: () => void; unit: UnitListItem | null; units: UnitListItem[] }) {
  const [parent, setParent] = useState<string | null>(TOP);
  const move = useApiMutation('units.move', { invalidate: ['units.list'] });
  useEffect(() => {
    if (opened && unit) setParent(unit.parentId ?? TOP);
  }, [opened, unit]);
  const options = useMemo(() => {
    if (!unit) return [];
    const excluded = descendants(units, unit.id);
    return [
      { value: TOP, label: '(Trực thuộc Ban Chỉ đạo — cấp cao nhất)' },
      ...units.filter((u) => !excluded.has(u.id) && !u.mergedIntoId).map((u) => ({ value: u.id, label: [...u.path, u.name].join(' › ') })),
    ];
  }, [unit, units]);
  if (!unit) return null;
  const save = async () => {
    try {
      await move.mutateAsync({ id: unit.id, parentId: parent === TOP ? null : parent });
      showSuccess(`Đã chuyển «${unit.name}».`);
      onClose();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Chuyển đơn vị: ${unit.name}`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Đơn vị được chuyển cùng toàn bộ đơn vị trực thuộc của nó.
        </Text>
        <Select label="Đơn vị cấp trên mới" searchable filter={foldedFilter} data={options} value={parent} onChange={setParent} allowDeselect={false} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button onClick={save} loading={move.isPending}>
            Chuyển
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
