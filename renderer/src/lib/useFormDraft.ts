import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';

const PREFIX = 'qcdc.draft.';

interface StoredDraft<V> {
  values: V;
  savedAt: string;
}

function readDraft<V>(storageKey: string): StoredDraft<V> | null {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft<V>>;
    return parsed && typeof parsed === 'object' && 'values' in parsed && parsed.values !== undefined
      ? { values: parsed.values, savedAt: String(parsed.savedAt ?? '') }
      : null;
  } catch {
    return null; // a corrupt draft is dropped rather than breaking the form
  }
}

function writeDraft(storageKey: string, values: unknown): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify({ values, savedAt: new Date().toISOString() }));
  } catch {
    // storage full or disabled: the form keeps working, only the safety net is missing
  }
}

function removeDraft(storageKey: string): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // ignore
  }
}

export interface FormDraft {
  /** When a draft was put back into the form (ISO time it was last typed), else null. */
  restoredAt: string | null;
  /** Forget the draft: call after a successful save. */
  clear(): void;
  /** Throw the draft away and put the form back to its initial (saved) values. */
  discard(): void;
}

/**
 * Drafts are never lost: persists a @mantine/form's values to localStorage as the user types and
 * puts them back after a crash, a reload or leaving the page. The form must be in the default
 * `controlled` mode (it re-renders on every change, which is what lets this hook see the values).
 *
 *   const form = useForm({ initialValues, validate: zodResolver(schema) });
 *   const draft = useFormDraft('meetings.edit.' + id, form, { enabled: loaded });
 *   // after `form.initialize(serverValues)`; on save success: draft.clear()
 *
 * `enabled` waits for the server values: the draft is restored once, when it turns true, on top
 * of what the form then holds. A form equal to its initial values stores no draft.
 */
export function useFormDraft<V extends Record<string, unknown>>(
  key: string,
  form: UseFormReturnType<V>,
  options: { enabled?: boolean } = {},
): FormDraft {
  const { enabled = true } = options;
  const storageKey = PREFIX + key;
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const restored = useRef(false);
  const skipNextSave = useRef(false);
  // The form object changes identity between renders; effects read it through a ref.
  const formRef = useRef(form);
  formRef.current = form;

  useEffect(() => {
    if (!enabled || restored.current) return;
    restored.current = true;
    const draft = readDraft<V>(storageKey);
    if (!draft) return;
    // The values below land on the next render: don't judge (and delete) the draft on the old ones.
    if (JSON.stringify(draft.values) !== JSON.stringify(formRef.current.values)) skipNextSave.current = true;
    formRef.current.setValues(draft.values);
    setRestoredAt(draft.savedAt || new Date().toISOString());
  }, [enabled, storageKey]);

  const serialized = JSON.stringify(form.values);
  useEffect(() => {
    if (!enabled || !restored.current) return;
    if (skipNextSave.current) {
      skipNextSave.current = false;
      return;
    }
    if (formRef.current.isDirty()) writeDraft(storageKey, JSON.parse(serialized));
    else removeDraft(storageKey);
  }, [serialized, enabled, storageKey]);

  const clear = useCallback(() => {
    removeDraft(storageKey);
    setRestoredAt(null);
  }, [storageKey]);

  const discard = useCallback(() => {
    removeDraft(storageKey);
    setRestoredAt(null);
    formRef.current.reset();
  }, [storageKey]);

  return { restoredAt, clear, discard };
}

/** Whether a draft is waiting under `key` (e.g. to mark a list row "có bản nháp"). */
export function hasFormDraft(key: string): boolean {
  return readDraft(PREFIX + key) !== null;
}
