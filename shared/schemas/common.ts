import { z } from 'zod';
import './zodLocale'; // Vietnamese messages for zod's own issues, for every schema built here
import { normalizeMultiline, normalizeText } from '../text/vietnamese';
import { isIsoDate } from '../text/format';

/** One-line text, NFC-normalised with tidy spaces (every input is normalised to NFC). */
export function text(label: string, opts: { min?: number; max?: number } = {}) {
  const { min = 0, max = 500 } = opts;
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${label}: chưa nhập.` : `${label}: phải là chuỗi ký tự.`) })
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(min, min <= 1 ? `${label} không được để trống.` : `${label} phải có ít nhất ${min} ký tự.`)
        .max(max, `${label} không được dài quá ${max} ký tự.`),
    );
}

/** Multi-line text (opinions, conclusions), line breaks kept. */
export function longText(label: string, opts: { min?: number; max?: number } = {}) {
  const { min = 0, max = 20000 } = opts;
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${label}: chưa nhập.` : `${label}: phải là chuỗi ký tự.`) })
    .transform(normalizeMultiline)
    .pipe(
      z
        .string()
        .min(min, `${label} không được để trống.`)
        .max(max, `${label} không được dài quá ${max} ký tự.`),
    );
}

export function isoDate(label: string) {
  return z
    .string({ error: `${label}: cần một ngày.` })
    .refine(isIsoDate, `${label} không phải là ngày hợp lệ (YYYY-MM-DD).`);
}

export const idSchema = z
  .string({ error: 'Mã bản ghi phải là chuỗi.' })
  .regex(/^[0-9a-f-]{36}$/i, 'Mã bản ghi không hợp lệ.');

export function intInRange(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} phải là số.` })
    .int(`${label} phải là số nguyên.`)
    .min(min, `${label} không được nhỏ hơn ${min}.`)
    .max(max, `${label} không được lớn hơn ${max}.`);
}

export const emptyInput = z.object({}).strict();
