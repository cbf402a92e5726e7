/** Month calendar of plan items and tasks falling due, meetings and inspection visits. */
import { useEffect, useState } from 'react';
import { ActionIcon, Badge, Box, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useApiQuery } from '../../lib/query';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { CalendarEvent } from '../../../../shared/schemas/calendar';
import { DUE_COLORS } from '../tasks/badges';

const WEEKDAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
const KIND_COLORS: Record<CalendarEvent['kind'], string> = { holiday: 'red', meeting: 'grape', inspection: 'teal', task: 'blue' };
const KIND_LABELS: Record<CalendarEvent['kind'], string> = { holiday: 'Nghỉ lễ, Tết', meeting: 'Hội nghị', inspection: 'Kiểm tra', task: 'Hạn nhiệm vụ' };

export function CalendarView({ today, onOpenTask }: { today: string; onOpenTask: (id: string) => void }) {
  const [ym, setYm] = useState<{ year: number; month: number } | null>(null);
  useEffect(() => {
    if (!ym && today) setYm({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
  }, [today, ym]);
  const cur = ym ?? { year: 2023, month: 1 };
  const data = useApiQuery('calendar.month', cur, { enabled: !!ym });
  const move = (d: number) => {
    const m = cur.month + d;
    setYm({ year: cur.year + Math.floor((m - 1) / 12), month: ((((m - 1) % 12) + 12) % 12) + 1 });
  };
  const first = new Date(Date.UTC(cur.year, cur.month - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(cur.year, cur.month, 0)).getUTCDate();
  const cells = Array.from({ length: Math.ceil((offset + days) / 7) * 7 }, (_, i) => i - offset + 1);
  const iso = (d: number) => `${cur.year}-${String(cur.month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const events = data.data?.events ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <ActionIcon variant="default" onClick={() => move(-1)} aria-label="Tháng trước">
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Title order={4} w={170} ta="center">
            Tháng {cur.month}/{cur.year}
          </Title>
          <ActionIcon variant="default" onClick={() => move(1)} aria-label="Tháng sau">
            <IconChevronRight size={16} />
          </ActionIcon>
        </Group>
        <Group gap="xs">
          {(Object.keys(KIND_LABELS) as CalendarEvent['kind'][]).map((k) => (
            <Badge tt="none" key={k} color={KIND_COLORS[k]} variant="light">
              {KIND_LABELS[k]}
            </Badge>
          ))}
        </Group>
      </Group>
      <ErrorAlert error={data.error} />
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
        {WEEKDAYS.map((w) => (
          <Text key={w} size="xs" fw={600} ta="center" c="dimmed">
            {w}
          </Text>
        ))}
        {cells.map((d, i) => {
          const inMonth = d >= 1 && d <= days;
          const dayEvents = inMonth ? events.filter((e) => e.date === iso(d)) : [];
          const isToday = inMonth && iso(d) === today;
          return (
            <Paper key={i} withBorder={inMonth} p={4} mih={92} radius="sm" bg={isToday ? 'blue.0' : inMonth ? undefined : 'gray.0'}>
              {inMonth && (
                <Stack gap={2}>
                  <Text size="xs" fw={isToday ? 700 : 500} c={isToday ? 'blue' : undefined}>
                    {d}
                  </Text>
                  {dayEvents.map((e) => (
                    <Tooltip key={`${e.kind}-${e.refId}`} label={[e.title, e.detail].filter(Boolean).join(' — ')} multiline w={280}>
                      <Box
                        px={4}
                        py={1}
                        style={{ borderRadius: 4, cursor: e.kind === 'task' ? 'pointer' : 'default', borderLeft: `3px solid var(--mantine-color-${e.dueState ? DUE_COLORS[e.dueState] : KIND_COLORS[e.kind]}-6)` }}
                        bg={`${KIND_COLORS[e.kind]}.0`}
                        onClick={() => e.kind === 'task' && onOpenTask(e.refId)}
                      >
                        <Text size="11px" lineClamp={2} lh={1.25}>
                          {e.title}
                        </Text>
                      </Box>
                    </Tooltip>
                  ))}
                </Stack>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
