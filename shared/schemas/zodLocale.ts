import { z } from 'zod';

/*
 * Zod's own messages, for every issue a schema does not word itself, in Vietnamese that an officer
 * can read: zod's bundled `vi` locale still names types in English ("mong đợi string, nhận được
 * undefined"). Configured once, here, for the whole zod instance (main process, harness and
 * renderer alike); shared/schemas/common.ts and shared/contract import this module for that.
 * Never echoes zod's type or format identifiers, only Vietnamese words for them.
 */

const TYPE_WORDS: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên',
  boolean: 'đúng/sai',
  object: 'một nhóm thông tin',
  array: 'một danh sách',
  tuple: 'một danh sách',
  record: 'một nhóm thông tin',
  map: 'một nhóm thông tin',
  set: 'một danh sách',
  date: 'ngày tháng',
  file: 'tệp',
  literal: 'giá trị cố định',
  enum: 'một lựa chọn trong danh sách',
  null: 'để trống',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'Địa chỉ thư điện tử không hợp lệ.',
  url: 'Địa chỉ trang web không hợp lệ.',
  date: 'Ngày không hợp lệ (cần dạng năm-tháng-ngày).',
  datetime: 'Thời điểm không hợp lệ.',
  time: 'Giờ không hợp lệ.',
  base64: 'Dữ liệu tệp không hợp lệ.',
  uuid: 'Mã bản ghi không hợp lệ.',
};

function sizeLimit(origin: string | undefined, bound: string, big: boolean, inclusive: boolean | undefined): string {
  switch (origin) {
    case 'string':
      return big ? `Quá dài: tối đa ${bound} ký tự.` : bound === '1' ? 'Không được để trống.' : `Quá ngắn: cần ít nhất ${bound} ký tự.`;
    case 'array':
    case 'set':
      return big ? `Quá nhiều: tối đa ${bound} mục.` : `Quá ít: cần ít nhất ${bound} mục.`;
    case 'file':
      return big ? `Tệp quá lớn: tối đa ${bound} byte.` : `Tệp quá nhỏ: cần ít nhất ${bound} byte.`;
    case 'date':
      return big ? 'Ngày quá muộn.' : 'Ngày quá sớm.';
    default:
      if (big) return inclusive === false ? `Giá trị phải nhỏ hơn ${bound}.` : `Giá trị không được lớn hơn ${bound}.`;
      return inclusive === false ? `Giá trị phải lớn hơn ${bound}.` : `Giá trị không được nhỏ hơn ${bound}.`;
  }
}

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 8).map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
  return shown.join(', ') + (values.length > 8 ? ', …' : '');
}

/** The message for one zod issue (zod's error-map contract: a string, or undefined to fall through). */
export const vietnameseZodError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'Thiếu thông tin bắt buộc.';
      const word = TYPE_WORDS[issue.expected];
      return word ? `Giá trị phải là ${word}.` : 'Kiểu dữ liệu không đúng.';
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `Giá trị phải là ${listValues(issue.values)}.` : `Giá trị không hợp lệ (chỉ nhận: ${listValues(issue.values)}).`;
    case 'too_big':
      return sizeLimit(issue.origin, String(issue.maximum), true, issue.inclusive);
    case 'too_small':
      return sizeLimit(issue.origin, String(issue.minimum), false, issue.inclusive);
    case 'invalid_format':
      return FORMAT_WORDS[issue.format] ?? 'Giá trị không đúng định dạng.';
    case 'not_multiple_of':
      return `Giá trị phải là bội số của ${String(issue.divisor)}.`;
    case 'unrecognized_keys':
      return `Có trường không được phép: ${issue.keys.slice(0, 5).map((k) => `"${k.slice(0, 40)}"`).join(', ')}.`;
    case 'invalid_key':
      return 'Tên trường không hợp lệ.';
    case 'invalid_element':
      return 'Có phần tử không hợp lệ.';
    case 'invalid_union':
      return 'Giá trị không hợp lệ.';
    default:
      return 'Giá trị không hợp lệ.';
  }
};

z.config({ localeError: vietnameseZodError });
