import type { FormErrors } from '@mantine/form';
import { ApiError } from '../lib/api';
import { remapErrors } from '../lib/zodForm';
import { showError, showSuccess } from './notify';

interface SubmittableForm {
  validate(): { hasErrors: boolean };
  setErrors(errors: FormErrors): void;
}

/**
 * What every dialog form does on "Lưu": check the values with the form's zod schema (nothing is
 * sent while a message shows), send, confirm with the Vietnamese message `send` returns; a
 * VALIDATION envelope's messages go under their fields (through `fieldOf` when rows were dropped)
 * and every failure is also a toast. Resolves to whether it was saved (close the dialog then).
 *
 *   if (await submitForm(form, async () => { await save.mutateAsync(toInput(form.getValues())); return 'Đã lưu.'; })) onClose();
 */
export async function submitForm(form: SubmittableForm, send: () => Promise<string>, fieldOf?: (path: string) => string | null): Promise<boolean> {
  if (form.validate().hasErrors) return false;
  try {
    showSuccess(await send());
    return true;
  } catch (error) {
    if (error instanceof ApiError && Object.keys(error.fields).length > 0) form.setErrors(fieldOf ? remapErrors(error.fields, fieldOf) : error.fields);
    showError(error);
    return false;
  }
}
