// Channels and schemas of committee members (thành viên Ban Chỉ đạo) and of the unit assignments
// (phân công phụ trách) made from a member.
import { z } from 'zod';
import { channel } from '../contract/define';
import { fileResultSchema } from '../contract/bytes';
import { idSchema, text } from './common';
import { optionalText, optionalDate, search, importPreviewSchema, importInput, importResultSchema } from './units';

/** In the order lists of the committee are printed (Trưởng ban first). */
export const MEMBER_ROLES = ['truong_ban', 'pho_truong_ban_tt', 'pho_truong_ban', 'uy_vien', 'to_giup_viec'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  truong_ban: 'Trưởng ban',
  pho_truong_ban_tt: 'Phó Trưởng ban thường trực',
  pho_truong_ban: 'Phó Trưởng ban',
  uy_vien: 'Ủy viên',
  to_giup_viec: 'Tổ giúp việc',
};
const memberRole = z.enum(MEMBER_ROLES, { error: 'Chức danh trong Ban Chỉ đạo không hợp lệ.' });
// ---------------------------------------------------------------------------------------------
// Members and assignments
// ---------------------------------------------------------------------------------------------

export const memberSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  role: memberRole,
  position: z.string().nullable(),
  agency: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  termFrom: z.string().nullable(),
  termTo: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberListItemSchema = memberSchema.extend({
  /** Units followed today (names, tree order). */
  unitNames: z.array(z.string()),
});
export type MemberListItem = z.infer<typeof memberListItemSchema>;

const email = z
  .string()
  .trim()
  .max(200, 'Thư điện tử không được dài quá 200 ký tự.')
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Thư điện tử không hợp lệ.')
  .transform((v) => (v === '' ? null : v))
  .nullish();
const phone = z
  .string()
  .trim()
  .max(30, 'Số điện thoại không được dài quá 30 ký tự.')
  .refine((v) => v === '' || /^[+\d .()-]{6,30}$/.test(v), 'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch nối.')
  .transform((v) => (v === '' ? null : v))
  .nullish();

export const memberFieldsSchema = z.object({
  fullName: text('Họ và tên', { min: 1, max: 100 }),
  role: memberRole,
  position: optionalText('Chức vụ', 300),
  agency: optionalText('Cơ quan, đơn vị công tác', 300),
  phone,
  email,
  termFrom: optionalDate('Tham gia từ ngày'),
  termTo: optionalDate('Tham gia đến ngày'),
});
export type MemberFieldsInput = z.input<typeof memberFieldsSchema>;

const termInOrder = (v: { termFrom?: string | null | undefined; termTo?: string | null | undefined }) =>
  !v.termFrom || !v.termTo || v.termFrom <= v.termTo;

export const memberCreateSchema = memberFieldsSchema
  .strict()
  .refine(termInOrder, { path: ['termTo'], message: 'Ngày kết thúc phải sau ngày bắt đầu tham gia.' });
export const memberUpdateSchema = memberFieldsSchema
  .partial()
  .extend({ id: idSchema })
  .strict()
  .refine(termInOrder, { path: ['termTo'], message: 'Ngày kết thúc phải sau ngày bắt đầu tham gia.' });

export const assignmentSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  memberRole: memberRole,
  unitId: z.string(),
  unitName: z.string(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  note: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const memberAssignInputSchema = z
  .object({
    memberId: idSchema,
    unitIds: z.array(idSchema).max(2000, 'Chọn tối đa 2.000 đơn vị một lần.'),
    fromDate: optionalDate('Phụ trách từ ngày'),
    toDate: optionalDate('Phụ trách đến ngày'),
    note: optionalText('Ghi chú', 1000),
    /**
     * true: the member follows exactly these units from now on (current assignments to other units
     * are ended, i.e. soft-deleted); false (default): add to what they already follow.
     */
    replace: z.boolean().optional(),
  })
  .strict()
  .refine((v) => !v.fromDate || !v.toDate || v.fromDate <= v.toDate, {
    path: ['toDate'],
    message: 'Ngày kết thúc phụ trách phải sau ngày bắt đầu.',
  });

export const membersChannels = {
  'members.list': channel({
    input: z
      .object({
        search,
        role: memberRole.optional(),
        deletedOnly: z.boolean().optional(),
        /** 'name' (default): by given name; 'role': Trưởng ban first, then by given name. */
        order: z.enum(['name', 'role']).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(memberListItemSchema), total: z.number().int() }),
    summary: 'Committee members, sorted by given name (or by role); search folds diacritics.',
  }),
  'members.create': channel({ input: memberCreateSchema, output: memberSchema, summary: 'Add a committee member.' }),
  'members.createMany': channel({
    input: z.object({ items: z.array(memberCreateSchema).min(1, 'Chưa nhập thành viên nào.').max(500) }).strict(),
    output: z.object({ created: z.number().int(), skipped: z.number().int() }),
    summary: 'Add many members at once (setup wizard); people already listed (same name) are skipped.',
  }),
  'members.update': channel({ input: memberUpdateSchema, output: memberSchema, summary: 'Change a committee member.' }),
  'members.delete': channel({
    input: z.object({ id: idSchema }).strict(),
    output: memberSchema,
    summary: 'Move a member (and their assignments) to the trash.',
  }),
  'members.restore': channel({
    input: z.object({ id: idSchema }).strict(),
    output: memberSchema,
    summary: 'Restore a member from the trash.',
  }),
  'members.assign': channel({
    input: memberAssignInputSchema,
    output: z.object({ assignments: z.array(assignmentSchema) }),
    summary: 'Assign many units to one member at once (phân công phụ trách), with a period.',
  }),
  'members.importPreview': channel({
    input: importInput,
    output: importPreviewSchema,
    summary: 'Read an Excel list of members: header detection, column mapping, row errors; writes nothing.',
  }),
  'members.importCommit': channel({
    input: importInput,
    output: importResultSchema,
    summary: 'Import the valid rows of an Excel list of members in one transaction.',
  }),
  'members.exportXlsx': channel({
    input: z.object({ search }).strict(),
    output: fileResultSchema,
    summary: 'The member list with the units each follows, as an Excel file.',
  }),
};
