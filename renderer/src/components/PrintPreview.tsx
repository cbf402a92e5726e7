import { useState } from 'react';
import { Box, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconFileTypeDocx, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';

type Action = () => void | Promise<unknown>;

export interface PrintPreviewProps {
  /** Print HTML from the core (`renderPartyDocument`), or null while it loads. */
  html: string | null;
  /** Accessible name of the preview frame, e.g. "Biên bản hội nghị ngày 16/12/2022". */
  title: string;
  landscape?: boolean;
  /** Height of the scrollable preview (CSS length). */
  height?: number | string;
  onPrint?: Action;
  onSavePdf?: Action;
  onSaveDocx?: Action;
  /** Shown instead of the preview when the document cannot be built yet (e.g. missing profile). */
  emptyMessage?: string;
}

/**
 * Shows print HTML exactly as it will be printed, in an iframe with `sandbox=""` (no scripts,
 * no forms, no same-origin access) fed through `srcDoc`, so document text can never run code
 * in the app even if escaping failed. The page itself draws the A4 sheet(s) on a grey desk
 * (its `@media screen` rules); buttons call what the feature passes and show a spinner while
 * their promise runs.
 */
export function PrintPreview({ html, title, landscape = false, height = '70vh', onPrint, onSavePdf, onSaveDocx, emptyMessage }: PrintPreviewProps) {
  const [running, setRunning] = useState<'print' | 'pdf' | 'docx' | null>(null);
  const { ref, width } = useElementSize();
  // The page draws a 210 mm (or 297 mm) sheet plus a small desk margin; shrink it to fit a narrow
  // panel instead of scrolling sideways (CSS px: 96 per inch).
  const sheetPx = ((landscape ? 297 : 210) / 25.4) * 96 + 32;
  const scale = width > 0 && width < sheetPx ? Math.max(0.4, width / sheetPx) : 1;

  const run = (key: 'print' | 'pdf' | 'docx', action: Action | undefined) => async () => {
    if (!action || running) return;
    setRunning(key);
    try {
      await action();
    } finally {
      setRunning(null);
    }
  };

  return (
    <Stack gap="sm">
      <Group gap="xs" justify="flex-end">
        {onPrint && (
          <Button variant="default" leftSection={<IconPrinter size={16} />} loading={running === 'print'} disabled={!html || (running !== null && running !== 'print')} onClick={run('print', onPrint)}>
            In
          </Button>
        )}
        {onSavePdf && (
          <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={running === 'pdf'} disabled={!html || (running !== null && running !== 'pdf')} onClick={run('pdf', onSavePdf)}>
            Lưu PDF
          </Button>
        )}
        {onSaveDocx && (
          <Button variant="default" leftSection={<IconFileTypeDocx size={16} />} loading={running === 'docx'} disabled={!html || (running !== null && running !== 'docx')} onClick={run('docx', onSaveDocx)}>
            Lưu Word
          </Button>
        )}
      </Group>
      <Paper ref={ref} withBorder radius="sm" style={{ overflow: 'hidden', background: '#e9ecef', height }}>
        {html ? (
          <iframe
            title={title}
            sandbox=""
            srcDoc={html}
            data-orientation={landscape ? 'landscape' : 'portrait'}
            style={{
              display: 'block',
              width: `${100 / scale}%`,
              height: `calc(${typeof height === 'number' ? `${height}px` : height} / ${scale})`,
              border: 0,
              background: '#e9ecef',
              transform: scale === 1 ? undefined : `scale(${scale})`,
              transformOrigin: 'top left',
            }}
          />
        ) : (
          <Box h={height} style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
            {emptyMessage ? <Text c="dimmed">{emptyMessage}</Text> : <Loader aria-label="Đang tạo bản xem trước" />}
          </Box>
        )}
      </Paper>
    </Stack>
  );
}
