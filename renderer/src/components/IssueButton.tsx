/** "Ban hành" for a paper issued whole (plan, inspection conclusion): v1 asks to confirm, v2+ asks why. */
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { showError, showSuccess } from './notify';

export function IssueButton({ issuedCount, what, onIssue, size }: { issuedCount: number; what: string; onIssue: (reason?: string) => Promise<unknown>; size?: 'xs' | 'sm' }) {
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  // The channel refuses a re-issue without a reason of at least 5 characters; say so before sending.
  const again = issuedCount > 0;
  const ready = !again || reason.trim().length >= 5;
  const run = async () => {
    setBusy(true);
    try {
      await onIssue(again ? reason.trim() : undefined);
      showSuccess(`Đã ban hành ${what} (bản ${issuedCount + 1}).`);
      setOpened(false);
      setReason('');
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size={size} variant="default" leftSection={<IconGavel size={16} />} onClick={() => setOpened(true)}>
        {again ? 'Ban hành lại' : 'Ban hành'}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={again ? `Ban hành lại ${what}?` : `Ban hành ${what}?`} centered>
        <Stack gap="md">
          <Text size="sm">
            Tệp PDF và Word được lưu lại thành bản {issuedCount + 1}, không thay đổi về sau; «Lưu PDF», «Lưu Word» sẽ trả đúng bản đã ban hành.
          </Text>
          {again && <Textarea label="Lý do ban hành lại" required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setOpened(false)} data-autofocus>
              Hủy
            </Button>
            <Button onClick={() => void run()} loading={busy} disabled={!ready}>
              Ban hành
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
