import type { ReactNode } from 'react';
import { Button, EmptyState as MantineEmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';

/**
 * What a list or page shows when there is nothing yet: says what to do next and offers the
 * action. Keep `description` practical ("Bấm «Thêm hội nghị» để ghi hội nghị đầu tiên.").
 *
 *   <EmptyState title="Chưa có hội nghị nào" description="…" actionLabel="Thêm hội nghị" onAction={open} />
 */
export function EmptyState({
  title,
  description,
  icon,
  actionLabel,
  onAction,
  actionIcon,
  children,
}: {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  actionLabel?: string;
  onAction?: () => void;
  actionIcon?: ReactNode;
  /** Extra actions (e.g. "Nhập từ Excel") rendered next to the main one. */
  children?: ReactNode;
}) {
  return (
    <MantineEmptyState
      py="xl"
      variant="light"
      color="blue"
      icon={icon ?? <IconInbox size={28} stroke={1.5} />}
      title={title}
      description={description}
    >
      {(actionLabel || children) && (
        <MantineEmptyState.Actions>
          {actionLabel && onAction && (
            <Button onClick={onAction} leftSection={actionIcon}>
              {actionLabel}
            </Button>
          )}
          {children}
        </MantineEmptyState.Actions>
      )}
    </MantineEmptyState>
  );
}
