/** Timing of a plan item or task: a date, a month, a quarter, "thường xuyên" or none. */
import { Group, NumberInput, Select } from '@mantine/core';
import { DateInput, MonthPickerInput } from '@mantine/dates';
import { TIMING_KINDS, TIMING_KIND_LABELS, type TimingKind } from '../../../../shared/schemas/tasks';

export interface TimingValue {
  kind: TimingKind;
  value: string | null;
}

const QUARTERS = [
  { value: '1', label: 'Quý I' },
  { value: '2', label: 'Quý II' },
  { value: '3', label: 'Quý III' },
  { value: '4', label: 'Quý IV' },
];

export function TimingInput({ value, onChange, defaultYear, error }: { value: TimingValue; onChange: (v: TimingValue) => void; defaultYear: number; error?: string | undefined }) {
  const setKind = (kind: TimingKind) => {
    const initial: Record<TimingKind, string | null> = {
      date: null,
      month: null,
      quarter: `${defaultYear}-Q1`,
      recurring: 'quarter',
      none: null,
    };
    onChange({ kind, value: initial[kind] });
  };
  const q = /^(\d{4})-Q([1-4])$/.exec(value.value ?? '');
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Select
        aria-label="Loại thời hạn"
        w={165}
        value={value.kind}
        allowDeselect={false}
        onChange={(k) => setKind((k ?? 'none') as TimingKind)}
        data={TIMING_KINDS.map((k) => ({ value: k, label: TIMING_KIND_LABELS[k] }))}
      />
      {value.kind === 'date' && <DateInput aria-label="Ngày" w={150} value={value.value} onChange={(v) => onChange({ kind: 'date', value: v })} error={error} />}
      {value.kind === 'month' && (
        <MonthPickerInput
          aria-label="Tháng"
          w={130}
          placeholder="mm/yyyy"
          value={value.value ? `${value.value}-01` : null}
          onChange={(v) => onChange({ kind: 'month', value: v ? String(v).slice(0, 7) : null })}
          error={error}
        />
      )}
      {value.kind === 'quarter' && (
        <>
          <Select
            aria-label="Quý"
            w={100}
            value={q?.[2] ?? '1'}
            allowDeselect={false}
            data={QUARTERS}
            onChange={(v) => onChange({ kind: 'quarter', value: `${q?.[1] ?? defaultYear}-Q${v ?? '1'}` })}
            error={error}
          />
          <NumberInput aria-label="Năm" w={90} value={Number(q?.[1] ?? defaultYear)} min={1990} max={2100} onChange={(y) => onChange({ kind: 'quarter', value: `${y}-Q${q?.[2] ?? '1'}` })} />
        </>
      )}
      {value.kind === 'recurring' && (
        <Select
          aria-label="Mốc báo cáo"
          w={190}
          value={value.value ?? 'quarter'}
          allowDeselect={false}
          data={[
            { value: 'quarter', label: 'Báo cáo hằng quý' },
            { value: 'month', label: 'Báo cáo hằng tháng' },
          ]}
          onChange={(v) => onChange({ kind: 'recurring', value: v ?? 'quarter' })}
        />
      )}
    </Group>
  );
}
