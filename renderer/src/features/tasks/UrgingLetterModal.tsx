/**
 * The urging letter's options (issue #17): a number taken from the register (then the letter is
 * issued and frozen) or typed, "Kính gửi", and "Nơi nhận" — empty means the one every document
 * uses (report-to lines, the addressees, the members and the settings' "Lưu" line).
 */
import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { api } from '../../lib/api';
import { downloadFile } from '../../components/fileOut';

export function UrgingLetterModal({ opened, onClose, days }: { opened: boolean; onClose: () => void; days: number }) {
  const [reserve, setReserve] = useState(true);
  const [numberText, setNumberText] = useState('');
  const [recipients, setRecipients] = useState('');
  const [distribution, setDistribution] = useState('');
  const save = (format: 'pdf' | 'docx') =>
    downloadFile(() =>
      api('tasks.urgingLetter', {
        dueWithinDays: days,
        format,
        reserveNumber: reserve && !numberText.trim(),
        ...(numberText.trim() ? { numberText: numberText.trim() } : {}),
        ...(recipients.trim() ? { recipients } : {}),
        ...(distribution.trim() ? { distribution } : {}),
      }),
    );
  return (
    <Modal opened={opened} onClose={onClose} title="Công văn đôn đốc" size="lg">
      <Stack gap="sm">
        <Checkbox label="Lấy số tiếp theo trong sổ đăng ký văn bản (ban hành và lưu bản chính thức)" checked={reserve} onChange={(e) => setReserve(e.currentTarget.checked)} />
        <TextInput label="Hoặc ghi số đã có" placeholder="Ví dụ: 15-CV/BCĐ" value={numberText} onChange={(e) => setNumberText(e.currentTarget.value)} />
        <Textarea label="Kính gửi (mỗi dòng một nơi)" placeholder="Để trống: các đơn vị, đồng chí chủ trì nhiệm vụ trong danh sách" autosize minRows={2} value={recipients} onChange={(e) => setRecipients(e.currentTarget.value)} />
        <Textarea label="Nơi nhận (mỗi dòng một nơi)" placeholder="Để trống: theo cài đặt chung (kèm dòng «Lưu»)" autosize minRows={2} value={distribution} onChange={(e) => setDistribution(e.currentTarget.value)} />
        <Text size="xs" c="dimmed">
          Không lấy số và không ghi số: bản dự thảo (in chữ «DỰ THẢO»), không được lưu làm văn bản đã ban hành.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void save('pdf')}>
            Lưu PDF
          </Button>
          <Button onClick={() => void save('docx')}>Lưu Word</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
