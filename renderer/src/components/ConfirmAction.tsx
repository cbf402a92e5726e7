import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';

export interface ConfirmOptions {
  title: string;
  /** What will happen, in plain words ("Hội nghị sẽ được chuyển vào thùng rác; có thể khôi phục."). */
  message: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** Red confirm button for destructive actions (delete, restore over current data). */
  danger?: boolean;
}

type Confirm = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Confirm | null>(null);

interface Pending extends ConfirmOptions {
  resolve: (ok: boolean) => void;
}

/**
 * Hosts the one confirmation dialog of the app (mounted by the app providers). Features ask
 * through `useConfirm()`; the dialog focuses the safe choice ("Hủy") so Enter never deletes by
 * accident, and Escape cancels.
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const pendingRef = useRef<Pending | null>(null);

  const confirm = useCallback<Confirm>(
    (options) =>
      new Promise<boolean>((resolve) => {
        pendingRef.current?.resolve(false); // a second question replaces the first
        const next = { ...options, resolve };
        pendingRef.current = next;
        setPending(next);
      }),
    [],
  );

  const answer = (ok: boolean) => {
    pendingRef.current?.resolve(ok);
    pendingRef.current = null;
    setPending(null);
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {/* Above other dialogs (Mantine modals share z-index 200 and this one's portal may sit earlier
          in the page): a question asked from inside a dialog must not open behind it. */}
      <Modal opened={pending !== null} onClose={() => answer(false)} title={pending?.title} centered size="md" zIndex={250}>
        <Stack gap="lg">
          {typeof pending?.message === 'string' ? <Text size="sm">{pending.message}</Text> : pending?.message}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => answer(false)} data-autofocus>
              {pending?.cancelLabel ?? 'Hủy'}
            </Button>
            <Button color={pending?.danger ? 'red' : undefined} onClick={() => answer(true)}>
              {pending?.confirmLabel ?? 'Đồng ý'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </ConfirmContext.Provider>
  );
}

/**
 * Asks before a destructive or irreversible action; resolves true only when the user agrees.
 *
 *   const confirm = useConfirm();
 *   if (await confirm({ title: 'Xóa hội nghị?', message: '…', confirmLabel: 'Xóa', danger: true })) remove.mutate({ id });
 */
export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error('useConfirm() cần <ConfirmProvider> (có sẵn trong AppProviders).');
  return confirm;
}
