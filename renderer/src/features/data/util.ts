import { formatNumber } from '../../lib/format';

/** 1.234.567 bytes → "1,2 MB" (Vietnamese decimal comma). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
  return `${formatNumber(bytes / 1024 / 1024 / 1024, 2)} GB`;
}
