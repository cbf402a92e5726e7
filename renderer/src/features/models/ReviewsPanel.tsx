import { Badge, Checkbox, Paper, Table, Text, TextInput } from '@mantine/core';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showError } from '../../components/notify';

/** Họp xét: which subordinate organisations held their review meeting this year. */
export function ReviewsPanel({ year }: { year: number }) {
  const reviews = useApiQuery('models.reviews', { year });
  const set = useApiMutation('models.setReview', { invalidate: ['models.reviews', 'models.stats'] });
  const save = async (unitId: string, reviewed: boolean, meetingDate: string | null) => {
    try {
      await set.mutateAsync({ year, unitId, reviewed, meetingDate: meetingDate || null });
    } catch (e) {
      showError(e);
    }
  };
  const rows = reviews.data ?? [];
  return (
    <Paper withBorder p="sm" radius="md">
      <ErrorAlert error={reviews.error} />
      <Text mb="sm">
        Năm {year}: {`${rows.filter((r) => r.reviewed).length}/${rows.length} đảng bộ, chi bộ trực thuộc đã họp xét`}. Nhập kết quả công nhận từ Excel cũng được tính là đã họp xét khi chưa có ngày họp.
      </Text>
      <Table withTableBorder striped verticalSpacing={4} aria-label="Họp xét">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Đơn vị</Table.Th>
            <Table.Th ta="right">Số mô hình</Table.Th>
            <Table.Th>Đã họp xét</Table.Th>
            <Table.Th>Ngày họp</Table.Th>
            <Table.Th>Nguồn</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.unitId}>
              <Table.Td>{r.unitName}</Table.Td>
              <Table.Td ta="right">{formatNumber(r.modelCount)}</Table.Td>
              <Table.Td>
                <Checkbox aria-label={`${r.unitName} đã họp xét`} checked={r.reviewed} onChange={(e) => void save(r.unitId, e.currentTarget.checked, r.meetingDate)} />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  type="date"
                  aria-label={`Ngày họp xét của ${r.unitName}`}
                  defaultValue={r.meetingDate ?? ''}
                  onBlur={(e) => e.currentTarget.value !== (r.meetingDate ?? '') && void save(r.unitId, true, e.currentTarget.value)}
                  w={160}
                />
              </Table.Td>
              <Table.Td>{r.source === 'import' ? <Badge variant="light">Theo kết quả nhập</Badge> : r.source === 'meeting' ? <Badge variant="light" color="green">Họp xét</Badge> : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && (
        <Text c="dimmed" mt="sm">
          Chưa có đơn vị trực thuộc nào. Hãy khai báo đơn vị ở mục «Đơn vị, thành viên» hoặc nhập danh sách mô hình từ Excel.
        </Text>
      )}
    </Paper>
  );
}
