import { MultiSelect, Select, isOptionsGroup, type ComboboxParsedItem, type MultiSelectProps, type OptionsFilter, type SelectProps } from '@mantine/core';
import { matchesFolded } from '../../../shared/text';
import { useApiQuery } from '../lib/query';

/**
 * The option filter every unit / member picker uses: case, diacritics and đ are folded and every
 * typed word must appear, so "cho moi" finds "Chợ Mới" and "cong an" finds "Công an" (officers
 * often type without Telex). Mantine's default filter only lowercases. Pass it as `filter` to any
 * searchable Select / MultiSelect whose options are names.
 */
export const foldedFilter: OptionsFilter = ({ options, search, limit }) => {
  const found: ComboboxParsedItem[] = [];
  for (const item of options) {
    if (found.length >= limit) break;
    if (isOptionsGroup(item)) {
      const items = item.items.filter((o) => matchesFolded(o.label, search));
      if (items.length > 0) found.push({ ...item, items });
    } else if (matchesFolded(item.label, search)) found.push(item);
  }
  return found;
};

/** Unit options (tree order, indented by depth) for selects; closed units are left out. */
export function useUnitOptions() {
  const units = useApiQuery('units.list', { includeClosed: false });
  return (units.data?.items ?? []).map((u) => ({ value: u.id, label: `${'\u2003'.repeat(u.depth)}${u.name}` }));
}

/** Member options ("Họ tên — chức vụ"), in the committee's role order. */
export function useMemberOptions() {
  const members = useApiQuery('members.list', { order: 'role' });
  return (members.data?.items ?? []).map((m) => ({ value: m.id, label: m.position ? `${m.fullName} — ${m.position}` : m.fullName }));
}

// Every Select / MultiSelect prop but the options, so `form.getInputProps(…)` spreads straight in.
type SingleProps = Omit<SelectProps, 'data'>;
type MultiProps = Omit<MultiSelectProps, 'data'>;

/**
 * One unit, searched without diacritics.
 *
 *   <UnitSelect label="Đơn vị chủ trì" {...form.getInputProps('leadUnitId')} />
 */
export function UnitSelect(props: SingleProps) {
  const options = useUnitOptions();
  return <Select searchable clearable filter={foldedFilter} nothingFoundMessage="Không tìm thấy đơn vị" {...props} data={options} />;
}

/** Several units, searched without diacritics. */
export function UnitMultiSelect(props: MultiProps) {
  const options = useUnitOptions();
  return <MultiSelect searchable clearable filter={foldedFilter} nothingFoundMessage="Không tìm thấy đơn vị" {...props} data={options} />;
}

/** One committee member, searched without diacritics. */
export function MemberSelect(props: SingleProps) {
  const options = useMemberOptions();
  return <Select searchable clearable filter={foldedFilter} nothingFoundMessage="Không tìm thấy thành viên" {...props} data={options} />;
}
