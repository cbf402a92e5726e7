import { schemaResolver, type FormErrors } from '@mantine/form';
import type { z } from 'zod';
import { ApiError } from './api';

/**
 * zod → @mantine/form bridge: forms validate with the SAME zod schema the main process checks,
 * so a message the officer sees while typing is the message the server would answer.
 *
 *   const form = useForm({ initialValues, validate: zodResolver(profileSchema) });
 *
 * Mantine 9's `schemaResolver` speaks Standard Schema, which zod 4 implements; `sync` keeps
 * `form.validate()` synchronous. Nested paths come out dotted (`margins.top`), as Mantine expects.
 */
export function zodResolver<S extends z.ZodType>(schema: S): (values: z.input<S>) => FormErrors {
  return schemaResolver(schema, { sync: true });
}

/**
 * Runs the schema over the form's values and returns what the server would store (NFC text,
 * trimmed spaces, numbers). Call it in `onSubmit` and send the result, not the raw values.
 */
export function parseForm<S extends z.ZodType>(schema: S, values: z.input<S>): z.output<S> {
  return schema.parse(values);
}

interface ErrorTarget {
  setErrors(errors: FormErrors): void;
}

/**
 * Maps a VALIDATION envelope's `fields` (e.g. `profile.committeeCode`) back onto the form fields
 * (`committeeCode`) so the message appears under the right input. `prefix` is the key the form's
 * values travel under in the channel input (`'profile'` for `settings.update`).
 * Returns true when at least one field error was placed (then a toast is redundant).
 */
export function applyServerErrors(form: ErrorTarget, error: unknown, prefix = ''): boolean {
  if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) return false;
  const lead = prefix ? `${prefix}.` : '';
  const errors: FormErrors = {};
  for (const [key, message] of Object.entries(error.fields)) {
    if (lead && !key.startsWith(lead)) continue;
    errors[key.slice(lead.length)] = message;
  }
  if (Object.keys(errors).length === 0) return false;
  form.setErrors(errors);
  return true;
}
