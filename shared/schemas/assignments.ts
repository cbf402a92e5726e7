// Channels of assignments (phân công phụ trách): who follows which unit, and the printed list.
import { z } from 'zod';
import { channel } from '../contract/define';
import { fileResultSchema } from '../contract/bytes';
import { idSchema } from './common';
import { optionalDate, okSchema } from './units';
import { assignmentSchema } from './members';

export const assignmentsChannels = {
  'assignments.list': channel({
    input: z
      .object({ memberId: idSchema.optional(), unitId: idSchema.optional(), onDate: optionalDate('Ngày') })
      .strict(),
    output: z.object({ items: z.array(assignmentSchema) }),
    summary: 'Assignments (member → unit), current on a date or all.',
  }),
  'assignments.remove': channel({
    input: z.object({ id: idSchema }).strict(),
    output: okSchema,
    summary: 'End an assignment (kept in the trash and audit log).',
  }),
  'assignments.printHtml': channel({
    input: z.object({ date: optionalDate('Ngày ký') }).strict(),
    output: z.object({ html: z.string() }),
    summary: 'The printable assignment list (Party format) as HTML, for the print preview.',
  }),
  'assignments.printPdf': channel({
    input: z.object({ date: optionalDate('Ngày ký') }).strict(),
    output: fileResultSchema,
    summary: 'The printable assignment list (Party format) as a PDF.',
  }),
  'assignments.printDocx': channel({
    input: z.object({ date: optionalDate('Ngày ký') }).strict(),
    output: fileResultSchema,
    summary: 'The assignment list (Party format) as a Word file, for editing before signature.',
  }),
};
