import { useState } from 'react';
import { Modal } from '@mantine/core';
import { PrintPreview } from './PrintPreview';
import { printHtml } from './print';
import { showError } from './notify';

/**
 * A document preview in a modal, with In / Lưu PDF / Lưu Word buttons.
 *
 *   const print = usePrintState();
 *   print.open('Kế hoạch năm 2025', () => api('plans.printHtml', { id }));
 *   <PrintModal opened={!!print.state} onClose={print.close} title={print.state?.title ?? ''} html={print.state?.html ?? null} onSavePdf={…} />
 */
export function PrintModal({
  opened,
  onClose,
  title,
  html,
  landscape,
  onSaveDocx,
  onSavePdf,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  html: string | null;
  landscape?: boolean;
  onSaveDocx?: () => Promise<unknown>;
  onSavePdf?: () => Promise<unknown>;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={landscape ? '90%' : 'xl'}>
      <PrintPreview
        html={html}
        title={title}
        landscape={landscape ?? false}
        onPrint={() => (html ? printHtml(html) : undefined)}
        {...(onSavePdf ? { onSavePdf } : {})}
        {...(onSaveDocx ? { onSaveDocx } : {})}
      />
    </Modal>
  );
}

/** Which document the `PrintModal` shows: opened with a title, then filled when the HTML arrives. */
export function usePrintState() {
  const [state, setState] = useState<{ title: string; html: string | null; landscape?: boolean } | null>(null);
  return {
    state,
    close: () => setState(null),
    async open(title: string, load: () => Promise<{ html: string }>, landscape = false) {
      setState({ title, html: null, landscape });
      try {
        const r = await load();
        setState({ title, html: r.html, landscape });
      } catch (err) {
        setState(null);
        showError(err);
      }
    },
  };
}
