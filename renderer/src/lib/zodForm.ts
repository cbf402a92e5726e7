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

/**
 * For forms whose values are not the channel input itself (rows the officer left blank are
 * dropped, '' becomes null…): checks the input the form WOULD send with the channel's schema and
 * puts each message back on the form field it came from. `fieldOf` maps an input path
 * (`targets.1.unitId`) to the form path (`targets.3.unitId`) when rows were dropped; return null
 * to keep the message off the form. Use the result as `useForm({ validate })`:
 *
 *   validate: (values) => inputErrors(createInspectionSchema, toInput(values).input, toInput(values).fieldOf)
 */
export function inputErrors<S extends z.ZodType>(schema: S, input: z.input<S>, fieldOf: (path: string) => string | null = (p) => p): FormErrors {
  return remapErrors(zodResolver(schema)(input), fieldOf);
}

/** Renames error paths (dropping those `fieldOf` maps to null): for client and server messages alike. */
export function remapErrors(errors: FormErrors | Record<string, string>, fieldOf: (path: string) => string | null): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = fieldOf(path);
    if (field !== null && out[field] === undefined) out[field] = message;
  }
  return out;
}

/**
 * A `fieldOf` for inputs built by filtering form rows: `kept[list]` holds, for every row that was
 * sent, the index it has in the form. `rowFieldOf({ targets: [0, 2] })('targets.1.unitId')` → `targets.2.unitId`.
 * Nested lists are named under their parent's FORM index: `'teams.0.members': [1]`.
 */
export function rowFieldOf(kept: Record<string, number[]>): (path: string) => string {
  return (path) => {
    let out = path;
    // Longest list names first, so `teams.0.members` is resolved after `teams` has been renamed.
    for (const [list, indexes] of Object.entries(kept).sort((a, b) => a[0].length - b[0].length)) {
      const lead = `${list}.`;
      if (!out.startsWith(lead)) continue;
      const rest = out.slice(lead.length);
      const m = /^(\d+)(.*)$/.exec(rest);
      if (!m) continue;
      const to = indexes[Number(m[1])];
      if (to !== undefined) out = `${lead}${to}${m[2]}`;
    }
    return out;
  };
}

/**
 * `useForm({ validate })` for a form whose values become the channel input through `toInput`
 * (which also says where each sent row sits in the form):
 *
 *   validate: inputValidator(createPlanSchema, toInput)
 */
export function inputValidator<S extends z.ZodType, V>(schema: S, toInput: (values: V) => { input: z.input<S>; fieldOf: (path: string) => string | null }): (values: V) => FormErrors {
  return (values) => {
    const { input, fieldOf } = toInput(values);
    return inputErrors(schema, input, fieldOf);
  };
}
