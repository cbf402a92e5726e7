import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import type { JobProgress as JobProgressEvent } from '../../../shared/contract';
import { api, newJobId, onEvent } from '../lib/api';
import { formatNumber } from '../lib/format';

/**
 * A modal that follows one long job (import, export, backup…): the phase the core reports, a
 * progress bar with "1.200 / 10.000", and "Hủy" which calls `jobs.cancel` (the job then rolls
 * back and its call rejects with a CANCELLED `ApiError`). It cannot be dismissed otherwise, so
 * the officer never loses track of work still running. Usually driven by `useJob()`.
 */
export function JobProgress({ jobId, title }: { jobId: string | null; title: string }) {
  const [progress, setProgress] = useState<JobProgressEvent | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    setProgress(null);
    setCancelling(false);
    if (!jobId) return;
    return onEvent('job.progress', (event) => {
      if (event.jobId === jobId) setProgress(event);
    });
  }, [jobId]);

  const cancel = async () => {
    if (!jobId) return;
    setCancelling(true);
    try {
      await api('jobs.cancel', { jobId });
    } catch {
      setCancelling(false);
    }
  };

  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const percent = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  return (
    <Modal
      opened={jobId !== null}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      title={title}
    >
      <Stack gap="sm" aria-live="polite">
        <Text size="sm">{cancelling ? 'Đang hủy, dữ liệu sẽ giữ nguyên như trước…' : (progress?.phase ?? 'Đang bắt đầu…')}</Text>
        <Progress
          value={total > 0 ? percent : 100}
          animated={total === 0 || cancelling}
          striped={total === 0}
          size="lg"
          aria-label="Tiến độ"
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {total > 0 ? `${formatNumber(done)} / ${formatNumber(total)} (${formatNumber(percent, 0)}%)` : ' '}
            {progress?.message ? ` · ${progress.message}` : ''}
          </Text>
          <Button variant="default" color="red" size="xs" onClick={cancel} disabled={!jobId || cancelling}>
            Hủy
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Runs a long job with its progress modal:
 *
 *   const job = useJob();
 *   const result = await job.run('Đang nhập sổ mô hình', (jobId) => api('models.import', { bytes, jobId }));
 *   return <>{…}{job.element}</>;
 *
 * `run` rejects like the call does (a cancel gives an ApiError with code 'CANCELLED').
 */
export function useJob(): {
  run<T>(title: string, work: (jobId: string) => Promise<T>): Promise<T>;
  running: boolean;
  element: ReactNode;
} {
  const [state, setState] = useState<{ jobId: string; title: string } | null>(null);
  const active = useRef(0);
  const run = useCallback(async <T,>(title: string, work: (jobId: string) => Promise<T>): Promise<T> => {
    const jobId = newJobId();
    const token = ++active.current;
    setState({ jobId, title });
    try {
      return await work(jobId);
    } finally {
      if (active.current === token) setState(null);
    }
  }, []);
  return {
    run,
    running: state !== null,
    element: <JobProgress jobId={state?.jobId ?? null} title={state?.title ?? ''} />,
  };
}
