import { Group, NumberInput, SegmentedControl, Select } from '@mantine/core';
import { QCDC_PERIOD_LABELS, QCDC_PERIODS, type QcdcPeriod } from '../../../../shared/schemas/qcdc';
import { QCDC_TYPES, QCDC_TYPE_SHORT_LABELS, type QcdcType } from '../../../../shared/schemas/units';
import { usePeriod } from './usePeriod';

/** Year, period and (optionally) loại hình pickers bound to the address (see usePeriod). */
export function PeriodControls({ withType = true, withPeriod = true }: { withType?: boolean; withPeriod?: boolean }) {
  const { year, period, qcdcType, set } = usePeriod();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NumberInput
        label="Năm"
        w={110}
        min={1990}
        max={2100}
        value={year}
        onChange={(v) => typeof v === 'number' && v >= 1990 && v <= 2100 && set({ year: v })}
        allowDecimal={false}
        thousandSeparator={false}
      />
      {withPeriod && (
        <Select
          label="Kỳ báo cáo"
          w={170}
          data={QCDC_PERIODS.map((p) => ({ value: p, label: QCDC_PERIOD_LABELS[p] }))}
          value={period}
          onChange={(v) => v && set({ period: v as QcdcPeriod })}
          allowDeselect={false}
        />
      )}
      {withType && (
        <SegmentedControl
          aria-label="Loại hình"
          data={QCDC_TYPES.map((t) => ({ value: t, label: QCDC_TYPE_SHORT_LABELS[t] }))}
          value={qcdcType}
          onChange={(v) => set({ qcdcType: v as QcdcType })}
        />
      )}
    </Group>
  );
}
