import { useState } from 'react';
import { Group, Modal } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { PrintPreview } from '../../components/PrintPreview';
import { printHtml } from '../../components/print';
import { useApiQuery } from '../../lib/query';
import { api } from '../../lib/api';
import { useToday } from '../../lib/useToday';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadFile } from '../../components/fileOut';

/** Print preview of the assignment list (Party format) with "Lưu PDF" and "In". */
export function AssignmentPrintModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const today = useToday();
  const [date, setDate] = useState<string | null>(today);
  const preview = useApiQuery('assignments.printHtml', { date: date ?? undefined }, { enabled: opened });
  const savePdf = () => downloadFile(() => api('assignments.printPdf', { date: date ?? undefined }));
  const saveDocx = () => downloadFile(() => api('assignments.printDocx', { date: date ?? undefined }));
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
