import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openTestApp } from '../../support/context';
import type { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import type { seedOrganisation } from '../tasks/seed';
import type { ChannelInput } from '../../../shared/contract';
import { BAC_KAN_PROFILE } from '../../support/profiles';

/**
 * What the plan-tracking tests share (plans, urging, inspections, unit reports, calendar each have
 * their own test folder): the 2023 QCDC plan, the Bắc Kạn profile, PDF text and where pictures go.
 */

/** PDF text in reading order (cell by cell), whitespace collapsed, so wrapped cells read whole. */
export function pdfPlain(bytes: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qcdc-plans-pdf-')), 'doc.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

export const ARTIFACTS = path.resolve(__dirname, '../../../test-results/plans');

/** 20/12/2022, 09:00 in Bắc Kạn. */
export const DEC_20 = '2022-12-20T02:00:00.000Z';

export async function openWithProfile(pdf: ChromiumPdfRenderer, now = DEC_20) {
  const a = await openTestApp({ now, renderPdf: (html, o) => pdf.render(html, o) });
  await a.call('settings.update', {
    profile: { ...BAC_KAN_PROFILE, headName: 'Phương Thị Thanh' },
  });
  return a;
}

export function plan2023(org: Awaited<ReturnType<typeof seedOrganisation>>): ChannelInput<'plans.create'> {
  return {
    kind: 'qcdc',
    year: 2023,
    date: '2022-12-20',
    title: 'Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023',
    purpose: 'Tiếp tục nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền về thực hiện dân chủ ở cơ sở.\nBảo đảm quyền làm chủ của Nhân dân.',
    implementation: 'Cơ quan thường trực Ban Chỉ đạo theo dõi, đôn đốc, tổng hợp kết quả, báo cáo Trưởng ban.',
    reserveNumber: true,
    items: [
      {
        groupLabel: 'Công tác tuyên truyền',
        content: 'Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở',
        leadUnitId: org.mttq.id,
        coordinatingUnitIds: [org.choMoi.id, org.baBe.id],
        timing: { kind: 'quarter', value: '2023-Q1' },
        expectedOutput: 'Báo cáo kết quả tuyên truyền',
      },
      {
        groupLabel: 'Công tác tuyên truyền',
        content: 'Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân',
        leadUnitId: org.choMoi.id,
        timing: { kind: 'month', value: '2023-06' },
      },
      {
        groupLabel: 'Kiểm tra, giám sát',
        content: 'Kiểm tra việc thực hiện dân chủ theo loại hình',
        leadMemberId: org.head.id,
        timing: { kind: 'date', value: '2023-09-15' },
      },
      {
        groupLabel: 'Kiểm tra, giám sát',
        content: 'Theo dõi, đôn đốc việc thực hiện kết luận của Ban Chỉ đạo',
        leadText: 'Ban Dân vận Tỉnh ủy',
        timing: { kind: 'recurring', value: 'quarter' },
      },
    ],
  };
}
