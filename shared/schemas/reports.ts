// Channels of the reports drafted from the overview figures (annual, six-month, statistics workbook).
import { z } from 'zod';
import { channel } from '../contract/define';
import { fileResultSchema } from '../contract/bytes';
import { intInRange } from './common';
import { yearInput } from './overview';

const reportInput = z
  .object({
    year: intInRange('Năm', 1990, 2100),
    format: z.enum(['docx', 'pdf'], { error: 'Định dạng phải là docx hoặc pdf.' }),
    /** Progress (`job.progress`) and cancel (`jobs.cancel`) under this id. */
    jobId: z.string().max(100).optional(),
  })
  .strict();

export const reportsChannels = {
  'reports.annual': channel({
    input: reportInput,
    output: fileResultSchema,
    summary: 'Draft annual report (Báo cáo kết quả thực hiện QCDC và phong trào "Dân vận khéo" năm X) as DOCX or PDF, pre-filled with the figures and tables.',
  }),
  'reports.sixMonth': channel({
    input: reportInput,
    output: fileResultSchema,
    summary: 'Draft six-month report (first half of the year) as DOCX or PDF, pre-filled with the figures and tables.',
  }),
  'reports.statisticsXlsx': channel({
    input: yearInput.extend({ jobId: z.string().max(100).optional() }),
    output: fileResultSchema,
    summary: 'Statistics workbook of a year: summary, models by unit and by field, meetings, inspections, unit reports, comparison across years.',
  }),
};
