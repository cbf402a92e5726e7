/**
 * The bar above a small register (dialogues, supervisions, trainings…): a diacritic-free search box,
 * the trash switch, and the add button. The filtering itself is `useFoldedFilter` on the rows.
 *
 *   <RegisterBar search={q} onSearch={setQ} trash={trash} onTrash={setTrash} addLabel="Thêm hội nghị" onAdd={…} />
 */
import type { ReactNode } from 'react';
import { Button, Group, Switch, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';

export function RegisterBar({
  search,
  onSearch,
  trash,
  onTrash,
  addLabel,
  onAdd,
  placeholder = 'Tìm (gõ không dấu được)',
  children,
}: {
  search: string;
  onSearch: (q: string) => void;
  trash: boolean;
  onTrash: (v: boolean) => void;
  addLabel: string;
  onAdd: () => void;
  placeholder?: string;
  /** Filters placed between the search box and the trash switch (year…). */
  children?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end">
      <Group gap="sm" align="flex-end">
        <TextInput aria-label="Tìm kiếm" placeholder={placeholder} leftSection={<IconSearch size={14} />} w={300} value={search} onChange={(e) => onSearch(e.currentTarget.value)} />
        {children}
        <Switch label="Thùng rác" checked={trash} onChange={(e) => onTrash(e.currentTarget.checked)} mb={8} />
      </Group>
      <Button leftSection={<IconPlus size={16} />} onClick={onAdd} disabled={trash}>
        {addLabel}
      </Button>
    </Group>
  );
}
