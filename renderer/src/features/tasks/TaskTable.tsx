/** A plain table of tasks (lists here are hundreds of rows at most, so no virtualisation needed). */
import { Table, Text } from '@mantine/core';
import { TASK_SOURCE_LABELS, type Task } from '../../../../shared/schemas/tasks';
import { DueBadge, DueDate, ProgressCell, StatusBadge } from './badges';

export function TaskTable({ tasks, onOpen, showSource = true }: { tasks: readonly Task[]; onOpen: (id: string) => void; showSource?: boolean }) {
  return (
    <Table striped highlightOnHover verticalSpacing="xs" aria-label="Danh sách nhiệm vụ">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>TT</Table.Th>
          <Table.Th>Nhiệm vụ</Table.Th>
          <Table.Th w={180}>Chủ trì</Table.Th>
          <Table.Th w={130}>Thời hạn</Table.Th>
          <Table.Th w={110}>Tiến độ</Table.Th>
          <Table.Th w={140}>Trạng thái</Table.Th>
          <Table.Th w={150}>Tình trạng</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tasks.map((t, i) => (
          <Table.Tr key={t.id} onClick={() => onOpen(t.id)} style={{ cursor: 'pointer' }} data-task-id={t.id}>
            <Table.Td>{i + 1}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={500}>
                {t.title}
              </Text>
              {showSource && (
                <Text size="xs" c="dimmed">
                  {t.sourceLabel ?? TASK_SOURCE_LABELS[t.sourceType]}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t.ownerLabel}</Text>
            </Table.Td>
            <Table.Td>
              <DueDate task={t} />
            </Table.Td>
            <Table.Td>
              <ProgressCell value={t.progress} />
            </Table.Td>
            <Table.Td>
              <StatusBadge status={t.status} />
            </Table.Td>
            <Table.Td>
              <DueBadge task={t} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
