import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { pdfPages, pdfToPngs, squash, unzipEntry, wordParagraphs } from '../export/support';
import { generateProvince, PROVINCE_2021, PROVINCE_2022, type Province } from './province';

const pdf = new ChromiumPdfRenderer();
let app: TestApp;
let province: Province;

beforeAll(async () => {
  app = await openTestApp({ now: '2022-12-20T02:00:00.000Z', renderPdf: (html, o) => pdf.render(html, o) });
  province = generateProvince(app.ctx);
  const lead = province.tops[0]!.id;
  // Tasks through the real channel: two late, one done, one not yet due.
  await app.call('tasks.create', { title: 'Sơ kết 6 tháng phong trào "Dân vận khéo"', year: 2022, deadline: '2022-07-15', leadUnitId: lead });
  await app.call('tasks.create', { title: 'Kiểm tra việc thực hiện QCDC tại xã', year: 2022, deadline: '2022-10-30', leadUnitId: lead });
  await app.call('tasks.create', { title: 'Hội nghị tổng kết năm', year: 2022, deadline: '2022-12-28', leadUnitId: lead });
  await app.call('tasks.create', { title: 'Tập huấn cán bộ', year: 2022, deadline: '2022-05-30', leadUnitId: lead, status: 'hoan_thanh' });
  await app.call('meetings.create', {
    meeting: { title: 'Hội nghị Ban Chỉ đạo sơ kết 6 tháng', date: '2022-07-05', startTime: '08:00', chair: { name: 'Hoàng Văn Minh' }, secretary: { name: 'Lý Thị Hoa' } },
  });
  await app.call('meetings.create', {
    meeting: { title: 'Hội nghị tổng kết năm 2022', date: '2022-12-27', startTime: '08:00', chair: { name: 'Hoàng Văn Minh' }, secretary: { name: 'Lý Thị Hoa' } },
  });
  // An inspection round of three units, two visited, with recommendations (one done).
  const t = province.tops;
  const insp = await app.call('inspections.create', {
    year: 2022,
    date: '2022-08-01',
    topic: 'Việc thực hiện Quy chế dân chủ ở cơ sở năm 2022',
    targets: [
      { unitId: t[1]!.id, visitDate: '2022-09-12' },
      { unitId: t[2]!.id, visitDate: '2022-10-05' },
      { unitId: t[3]!.id, visitDate: '2023-01-10' },
    ],
  });
  const [a, b] = insp.targets;
  await app.call('inspections.addRecommendation', { targetId: a!.id, content: 'Công khai thu chi quỹ tại nhà văn hóa thôn', deadline: '2022-11-30' });
  await app.call('inspections.addRecommendation', { targetId: b!.id, content: 'Kiện toàn Ban Thanh tra nhân dân', deadline: '2023-03-31' });
  const rec = await app.call('inspections.addRecommendation', { targetId: b!.id, content: 'Bổ sung sổ ghi ý kiến nhân dân', deadline: '2022-10-30' });
  const recTask = rec.targets.flatMap((x) => x.recommendations).find((r) => r.title.startsWith('Bổ sung'))!;
  await app.call('tasks.addUpdate', { taskId: recTask.id, date: '2022-12-20', progress: 100, status: 'hoan_thanh' });
  // A six-month report period: four units, one on time, one late, two missing.
  const period = await app.call('unitReports.createPeriod', { type: 'six_month', year: 2022, title: 'Báo cáo 6 tháng đầu năm 2022', dueDate: '2022-06-15', unitIds: t.slice(0, 4).map((u) => u.id) });
  await app.call('unitReports.record', { periodId: period.id, unitId: t[0]!.id, receivedDate: '2022-06-10' });
  await app.call('unitReports.record', { periodId: period.id, unitId: t[1]!.id, receivedDate: '2022-06-20' });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await pdf.close();
});

const count = (sql: string, ...params: unknown[]) => (app.ctx.sqlite.prepare(sql).get(...params) as { c: number }).c;

describe('overview.get', () => {
  it('shows the 2022 figures, equal to the register rows and to the drill-down lists', async () => {
    const o = await app.call('overview.get', { year: 2022 });
    const m = o.models;
    expect([m.registered, m.recognised, m.typical, m.commended]).toEqual([PROVINCE_2022.registered, PROVINCE_2022.recognised, PROVINCE_2022.typical, PROVINCE_2022.commended]);
    expect([m.unitsReviewed, m.unitsTotal]).toEqual([PROVINCE_2022.reviewed, PROVINCE_2022.units]);
    expect(m.previous.registered).toBe(PROVINCE_2021.registered);

    // The rows themselves.
    const live = `from dvk_model_years where year = 2022 and deleted_at is null`;
    expect(m.registered).toBe(count(`select count(*) c ${live}`));
    expect(m.recognised).toBe(count(`select count(*) c ${live} and status = 'recognised'`));
    expect(m.typical).toBe(count(`select count(*) c ${live} and status = 'recognised' and typical = 1`));
    expect(m.commended).toBe(count(`select count(*) c ${live} and status = 'recognised' and commended = 1`));
    expect(m.recognisedCollective + m.recognisedIndividual).toBe(m.recognised);
    for (const step of o.funnel) expect(step.collective + step.individual).toBe(m[step.step]);

    // The lists a click opens.
    const list = async (f: object) => (await app.call('models.list', { year: 2022, limit: 1, ...f })).total;
    expect(await list({})).toBe(m.registered);
    expect(await list({ statuses: ['recognised'] })).toBe(m.recognised);
    expect(await list({ statuses: ['recognised'], typical: true })).toBe(m.typical);
    expect(await list({ statuses: ['recognised'], commended: true })).toBe(m.commended);
    expect(await list({ statuses: ['recognised'], kind: 'individual' })).toBe(m.recognisedIndividual);
    for (const u of m.byUnit.slice(0, 3)) expect(await list({ unitId: u.unitId })).toBe(u.registered);
    expect(m.byUnit.reduce((a, u) => a + u.registered, 0)).toBe(m.registered);
    expect(m.byUnit.find((u) => u.unitId === province.unreviewed.id)?.reviewed).toBe(false);

    // Tasks and meetings: "today" is 20/12/2022.
    expect(o.today).toBe('2022-12-20');
    // Four tasks typed directly and three recommendations (tracked as tasks of the year).
    expect(o.tasks).toMatchObject({ total: 7, done: 2, open: 5, overdue: 3 });
    expect(o.tasks.total).toBe((await app.call('tasks.list', { year: 2022 })).total);
    expect(o.tasks.done).toBe((await app.call('tasks.list', { year: 2022, status: 'hoan_thanh' })).total);
    expect(o.tasks.overdue).toBe((await app.call('tasks.list', { year: 2022, overdue: true })).total);
    expect(o.meetings).toMatchObject({ total: 2, held: 1 });
    expect(o.meetings.total).toBe((await app.call('meetings.list', { year: 2022 })).total);

    // Inspections: 3 units planned, 2 visited by 20/12; 3 recommendations, 2 still open.
    expect(o.inspections).toMatchObject({ rounds: 1, planned: 3, done: 2, recommendations: 3, recommendationsOpen: 2 });
    expect(o.unitReports).toMatchObject({ periods: 1, onTime: 1, late: 1, missing: 2, pending: 0 });
  });

  it('compares the years in the database', async () => {
    const t = await app.call('overview.trend', {});
    const y21 = t.years.find((y) => y.year === 2021)!;
    const y22 = t.years.find((y) => y.year === 2022)!;
    expect(y21.values.registered).toBe(PROVINCE_2021.registered);
    expect(y21.values.unitsReviewed).toBe(PROVINCE_2021.reviewed);
    expect(y22.values.recognised).toBe(PROVINCE_2022.recognised);
  });

  it('rejects a bad year with a Vietnamese message', async () => {
    const res = await app.invoke('overview.get', { year: 'năm ngoái' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('VALIDATION');
  });
});

describe('overview of a year with more tasks than one list page', () => {
  it('counts every task of the year, as the task list does', async () => {
    const big = await openTestApp({ now: '2030-06-15T02:00:00.000Z' });
    try {
      // 5,003 tasks written directly (the channel would take minutes): a third done, deadlines
      // spread over the year, so about half the open ones are overdue on 15/06/2030.
      const insert = big.ctx.sqlite.prepare(
        `insert into tasks (id, title, source_type, timing_kind, timing_value, deadline, status, progress, year, search_text, sort_key, created_at, updated_at)
         values (?, ?, 'direct', 'date', ?, ?, ?, 0, 2030, ?, ?, '2030-01-02T00:00:00.000Z', '2030-01-02T00:00:00.000Z')`,
      );
      big.ctx.sqlite.transaction(() => {
        for (let i = 0; i < 5003; i++) {
          const deadline = `2030-${String((i % 12) + 1).padStart(2, '0')}-10`;
          insert.run(`task-${i}`, `Nhiệm vụ ${i}`, deadline, deadline, i % 3 === 0 ? 'hoan_thanh' : 'dang_thuc_hien', `nhiem vu ${i}`, `nhiem vu ${i}`);
        }
      })();
      const o = await big.call('overview.get', { year: 2030 });
      expect(o.tasks.total).toBe(5003);
      expect(o.tasks.total).toBe((await big.call('tasks.list', { year: 2030 })).total);
      expect(o.tasks.done).toBe((await big.call('tasks.list', { year: 2030, status: 'hoan_thanh' })).total);
      expect(o.tasks.overdue).toBe((await big.call('tasks.list', { year: 2030, overdue: true })).total);
      expect(o.tasks.overdue).toBeGreaterThan(1000);
    } finally {
      await big.close();
    }
  });
});

describe('reports', () => {
  it('drafts the annual report as DOCX with every figure and the headed blanks', async () => {
    const file = await app.call('reports.annual', { year: 2022, format: 'docx' });
    expect(file.fileName).toBe('bao-cao-qcdc-dan-van-kheo-nam-2022.docx');
    const text = wordParagraphs(unzipEntry(file.bytes, 'word/document.xml')).join('\n');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('"Dân vận khéo" năm 2022');
    expect(text).toContain('đã đăng ký 2.360 mô hình');
    expect(text).toContain('1.106 mô hình được công nhận (46,9%');
    expect(text).toContain('286 mô hình điển hình');
    expect(text).toContain('53 mô hình được biểu dương');
    expect(text).toContain('10/11 đảng bộ');
    expect(text).toContain('tăng 256 so với năm trước');
    expect(text).toContain('Đảng bộ huyện Ba Bể');
    expect(text).toContain('II. ĐÁNH GIÁ CHUNG');
    expect(text).toContain('III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023');
  });

  it('renders the annual and six-month reports as PDF', async () => {
    const file = await app.call('reports.annual', { year: 2022, format: 'pdf' });
    const pages = pdfPages(file.bytes).map(squash);
    const all = pages.join('\n');
    expect(all).toContain('2.360');
    expect(all).toContain('1.106');
    expect(all).toContain('IV. ĐỀ XUẤT, KIẾN NGHỊ');
    pdfToPngs(file.bytes, 'overview-annual-report');
    const half = await app.call('reports.sixMonth', { year: 2022, format: 'pdf' });
    const halfText = pdfPages(half.bytes).map(squash).join('\n');
    pdfToPngs(half.bytes, 'overview-six-month-report');
    expect(halfText).toContain('6 tháng đầu năm 2022');
    // Both meetings are after June: the six-month report counts none of them.
    expect(halfText).toContain('chưa tổ chức hội nghị, cuộc họp nào');
  }, 60_000);

  it('writes the statistics workbook with totals equal to the overview', async () => {
    const file = await app.call('reports.statisticsXlsx', { year: 2022 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Tổng hợp', 'Mô hình theo đơn vị', 'Mô hình theo lĩnh vực', 'So sánh các năm']));
    const units = wb.getWorksheet('Mô hình theo đơn vị')!;
    let total: unknown[] = [];
    units.eachRow((row) => {
      const values = row.values as unknown[];
      if (values.includes('Cộng')) total = values;
    });
    expect(total).toContain(2360);
    expect(total).toContain(1106);
    const summary: unknown[][] = [];
    wb.getWorksheet('Tổng hợp')!.eachRow((row) => summary.push(row.values as unknown[]));
    expect(summary.some((r) => r.includes('Được công nhận') && r.includes(1106))).toBe(true);
  });
});
