import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { saveBytes } from '../lib/files';
import { showError, showSuccess } from './notify';

/** What every file-producing channel (`*.exportXlsx`, `*.printPdf`, `*.printDocx`…) answers. */
export interface ProducedFile {
  fileName: string;
  bytes: Uint8Array;
  mimeType: string;
}

/**
 * Runs a file-producing channel call and saves the result (OS save dialog in the desktop app,
 * a download in the browser). Failures become a Vietnamese toast; a cancelled dialog says nothing.
 * Resolves to whether the file was saved.
 *
 *   onSavePdf={() => downloadFile(() => api('plans.exportPdf', { id }))}
 */
export async function downloadFile(produce: () => Promise<ProducedFile>, errorTitle?: string): Promise<boolean> {
  try {
    const file = await produce();
    const saved = await saveBytes(file.fileName, file.bytes, file.mimeType);
    if (saved) showSuccess(`Đã lưu tệp ${file.fileName}.`);
    return saved;
  } catch (err) {
    showError(err, errorTitle);
    return false;
  }
}

/**
 * A button that produces a file and saves it, showing a spinner while the core builds it.
 *
 *   <FileOutButton produce={() => api('units.exportXlsx', {})} leftSection={<IconFileSpreadsheet size={16} />}>Xuất Excel</FileOutButton>
 */
export function FileOutButton({ produce, children, ...props }: { produce: () => Promise<ProducedFile>; children: ReactNode } & Omit<ButtonProps, 'loading' | 'children'>) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="default"
      {...props}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadFile(produce);
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Button>
  );
}
