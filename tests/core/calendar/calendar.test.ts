import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { seedOrganisation } from '../tasks/seed';
import { openWithProfile as openWith, plan2023, ARTIFACTS } from '../plans/support';

const pdf = new ChromiumPdfRenderer();
let app: TestApp | null = null;
const openWithProfile = (now?: string) => openWith(pdf, now);

beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));
afterAll(async () => pdf.close());
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('calendar', () => {
  it('shows plan items due and inspection visits in a month', async () => {
    app = await openWithProfile();
    const org = await seedOrganisation(app);
    await app.call('plans.create', plan2023(org));
    await app.call('inspections.create', { year: 2023, date: '2023-03-01', topic: 'Dân vận khéo', targets: [{ unitId: org.baBe.id, visitDate: '2023-03-15' }] });
    const march = await app.call('calendar.month', { year: 2023, month: 3 });
    expect(march.events.map((e) => [e.date, e.kind, e.title])).toEqual([
      ['2023-03-15', 'inspection', 'Kiểm tra Huyện ủy Ba Bể'],
      ['2023-03-31', 'task', 'Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở'],
    ]);
    // April 2023 holds Giỗ Tổ (29/4, a Saturday) and 30/4; their compensating days fall in May.
    const april = await app.call('calendar.month', { year: 2023, month: 4 });
    expect(april.events.filter((e) => e.kind === 'holiday').map((e) => [e.date, e.title])).toEqual([
      ['2023-04-29', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2023-04-30', 'Ngày Chiến thắng (30/4)'],
    ]);
  });
});
