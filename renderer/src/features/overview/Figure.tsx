import type { ReactNode } from 'react';
import { Paper, Text, UnstyledButton } from '@mantine/core';
import { formatNumber } from '../../lib/format';
import classes from './Figure.module.css';

/** "+256 so với năm 2021" / "bằng năm 2021". */
export function deltaText(now: number, before: number, beforeYear: number): { text: string; color: string } {
  const d = now - before;
  if (d === 0) return { text: `bằng năm ${beforeYear}`, color: 'dimmed' };
  return { text: `${d > 0 ? '+' : '−'}${formatNumber(Math.abs(d))} so với năm ${beforeYear}`, color: d > 0 ? 'green.8' : 'red.8' };
}

/**
 * One figure of the overview. Clicking it opens the list behind it, so the label says what the
 * number counts and the button's accessible name carries both ("1.106 Công nhận").
 */
export function Figure({
  label,
  value,
  hint,
  delta,
  onClick,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  delta?: { text: string; color: string } | null;
  onClick?: () => void;
  testId?: string;
}) {
  const body = (
    <Paper withBorder p="sm" radius="md" className={onClick ? classes.clickable : undefined} h="100%">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={700} fz={26} lh={1.25} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      {delta && (
        <Text size="xs" c={delta.color}>
          {delta.text}
        </Text>
      )}
    </Paper>
  );
  if (!onClick) return body;
  return (
    <UnstyledButton onClick={onClick} title="Bấm để xem danh sách" h="100%" display="block">
      {body}
    </UnstyledButton>
  );
}
