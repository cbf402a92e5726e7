import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCalendarOff, IconPlus, IconTrash } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showError, showSuccess } from '../../components/notify';
import { useConfirm } from '../../components/ConfirmAction';
import { ApiError } from '../../lib/api';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { useToday } from '../../lib/useToday';

type Day = { date: string | null; name: string };
const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
const weekdayOf = (iso: string | null) => (iso ? WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] : '');

/**
 * "Ngày nghỉ lễ, Tết": the days that do not count as working days (report deadlines of inspections
 * count working days back from the visit). The core proposes the Labour Code days with the lunar
 * Tết and Giỗ Tổ and the compensating days; the officer corrects them from the year's announcement.
 */
export function HolidaysCard() {
  const today = useToday();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const query = useApiQuery('holidays.get', { year });
  const save = useApiMutation('holidays.set', { invalidate: ['holidays.get', 'inspections.get'] });
  const confirm = useConfirm();
  const [draft, setDraft] = useState<{ year: number; days: Day[] } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Edits belong to the year they were made in: switching years starts from that year's saved list.
  const days: Day[] = draft?.year === year ? draft.days : (query.data?.days ?? []);
  const dirty = draft?.year === year;
  const change = (next: Day[]) => setDraft({ year, days: next });

  const submit = async () => {
    setErrors({});
    try {
      await save.mutateAsync({ year, days: days.map((d) => ({ date: d.date ?? '', name: d.name })) });
      setDraft(null);
      showSuccess(`Đã lưu ngày nghỉ lễ, Tết năm ${year}.`);
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      showError(e);
    }
  };
  const reset = async () => {
    const ok = await confirm({
      title: 'Dùng lại ngày nghỉ mặc định',
      message: `Bỏ danh sách đã sửa của năm ${year} và dùng lại các ngày nghỉ theo Bộ luật Lao động (kèm nghỉ bù)?`,
      confirmLabel: 'Dùng mặc định',
    });
    if (!ok) return;
    try {
      await save.mutateAsync({ year, days: null });
      setDraft(null);
      setErrors({});
      showSuccess(`Năm ${year} dùng ngày nghỉ mặc định.`);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Card withBorder padding="md" data-testid="holidays-card">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap={6}>
          <IconCalendarOff size={18} stroke={1.6} />
          <Title order={4} fz="md">
            Ngày nghỉ lễ, Tết
          </Title>
          {query.data && (
            <Badge variant="light" color={query.data.customised ? 'blue' : 'gray'}>
              {query.data.customised ? 'Đã sửa theo thông báo' : 'Mặc định theo Bộ luật Lao động'}
            </Badge>
          )}
        </Group>
        <NumberInput aria-label="Năm" value={year} onChange={(v) => setYear(Number(v) || year)} min={1990} max={2100} w={100} />
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Những ngày này không tính là ngày làm việc khi tính hạn (ví dụ: hạn đơn vị gửi báo cáo trước buổi làm việc với đoàn kiểm tra). Tết Nguyên đán và Giỗ Tổ
        Hùng Vương tính theo âm lịch; ngày lễ trùng thứ Bảy, Chủ nhật được nghỉ bù. Hãy sửa theo thông báo nghỉ lễ, Tết hằng năm.
      </Text>
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      <Stack gap="xs">
        <Table withTableBorder verticalSpacing={4} aria-label={`Ngày nghỉ lễ, Tết năm ${year}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>Ngày</Table.Th>
              <Table.Th w={90}>Thứ</Table.Th>
              <Table.Th>Tên ngày nghỉ</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {days.map((d, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <DateInput
                    aria-label={`Ngày nghỉ thứ ${i + 1}`}
                    value={d.date}
                    onChange={(v) => change(days.map((x, j) => (j === i ? { ...x, date: v } : x)))}
                    valueFormat="DD/MM/YYYY"
                    size="xs"
                    error={errors[`days.${i}.date`]}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{weekdayOf(d.date)}</Text>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Tên ngày nghỉ thứ ${i + 1}`}
                    value={d.name}
                    onChange={(e) => {
                      const name = e.currentTarget.value;
                      change(days.map((x, j) => (j === i ? { ...x, name } : x)));
                    }}
                    size="xs"
                    error={errors[`days.${i}.name`]}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={`Bỏ ngày nghỉ thứ ${i + 1}`} onClick={() => change(days.filter((_, j) => j !== i))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between">
          <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} onClick={() => change([...days, { date: null, name: 'Nghỉ theo thông báo' }])}>
            Thêm ngày nghỉ
          </Button>
          <Group gap="xs">
            {query.data?.customised && (
              <Button variant="subtle" size="xs" onClick={() => void reset()}>
                Dùng lại mặc định
              </Button>
            )}
            <Button size="xs" onClick={() => void submit()} disabled={!dirty} loading={save.isPending}>
              Lưu ngày nghỉ
            </Button>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
