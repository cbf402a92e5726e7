import { useState } from 'react';
import { Group, Modal } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { PrintPreview } from '../../components/PrintPreview';
import { printHtml } from '../../components/print';
import { useApiQuery } from '../../lib/query';
import { api } from '../../lib/api';
import { saveBytes } from '../../lib/files';
import { useToday } from '../../lib/useToday';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showError } from '../../components/notify';

/** Print preview of the assignment list (Party format) with "Lưu PDF" and "In". */
export function AssignmentPrintModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const today = useToday();
  const [date, setDate] = useState<string | null>(today);
  const preview = useApiQuery('assignments.printHtml', { date: date ?? undefined }, { enabled: opened });
  const savePdf = async () => {
    try {
      const file = await api('assignments.printPdf', { date: date ?? undefined });
      await saveBytes(file.fileName, file.bytes, file.mimeType);
    } catch (error) {
      showError(error);
    }
  };
  const saveDocx = async () => {
    try {
      const file = await api('assignments.printDocx', { date: date ?? undefined });
      await saveBytes(file.fileName, file.bytes, file.mimeType);
    } catch (error) {
      showError(error);
    }
  };
  const print = () => (preview.data ? printHtml(preview.data.html) : undefined);
  return (
    <Modal opened={opened} onClose={onClose} title="Danh sách phân công thành viên phụ trách đơn vị" size={980}>
      <Group mb="sm">
        <DateInput label="Ngày ký" value={date} onChange={setDate} w={180} clearable={false} />
      </Group>
      <ErrorAlert error={preview.error} />
      <PrintPreview html={preview.data?.html ?? null} title="Danh sách phân công phụ trách" height="62vh" onSavePdf={savePdf} onSaveDocx={saveDocx} onPrint={print} />
    </Modal>
  );
}
