import { lazy, Suspense, type ComponentProps } from 'react';
import { Skeleton } from '@mantine/core';
import type { BarChart } from '@mantine/charts';

// The charts library (recharts under @mantine/charts) is ~1.1 MB of JavaScript: loaded on its own, after
// the figures of the first screen are drawn and clickable, not before them.
const BarChartNow = lazy(() => import('@mantine/charts').then((m) => ({ default: m.BarChart })));

/** Mantine's BarChart, loaded when first shown; a placeholder of the same height meanwhile. */
export function LazyBarChart(props: ComponentProps<typeof BarChart>) {
  return (
    <Suspense fallback={<Skeleton h={props.h ?? 230} radius="sm" aria-label="Đang tải biểu đồ" />}>
      <BarChartNow {...props} />
    </Suspense>
  );
}
