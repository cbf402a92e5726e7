/**
 * Pieces of a small register screen (dialogues, supervisions, trainings…): the bar above the list
 * (a diacritic-free search box, the trash switch, the add button — the filtering itself is
 * `useFoldedFilter` on the rows), and for its editor modal the save callbacks and the footer.
 *
 *   <RegisterBar search={q} onSearch={setQ} trash={trash} onTrash={setTrash} addLabel="Thêm hội nghị" onAdd={…} />
 *   create.mutate(data, saveCallbacks(form, draft, 'Đã thêm hội nghị.', onClose));
 *   <EditorFooter onCancel={onClose} busy={create.isPending} submitLabel="Thêm hội nghị" />
 */
import type { ReactNode } from 'react';
import { Button, Group, Switch, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import type { FormErrors } from '@mantine/form';
import type { FormDraft } from '../lib/useFormDraft';
import { applyServerErrors } from '../lib/zodForm';
import { showError, showSuccess } from './notify';

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

/** After a register record is saved: forget its draft, say so, close; a refusal lands under its fields (else a toast). */
export function saveCallbacks(form: { setErrors(errors: FormErrors): void }, draft: FormDraft, message: string, onClose: () => void) {
  return {
    onSuccess: () => {
      draft.clear();
      showSuccess(message);
      onClose();
    },
    onError: (e: unknown) => applyServerErrors(form, e) || showError(e),
  };
}

/** Hủy + the submit button of a register's editor form. */
export function EditorFooter({ onCancel, busy, submitLabel }: { onCancel: () => void; busy: boolean; submitLabel: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Hủy
      </Button>
      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Group>
  );
}
