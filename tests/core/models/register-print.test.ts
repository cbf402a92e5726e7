import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestApp, type TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { writeTableXlsx } from '../../../electron/core/export/xlsx';
import { addUnit, loadBacKanFields, BAC_KAN_FIELDS, CHO_MOI_PROFILE } from './support';

/*
 * The printed register at the size a district prints (2,400 rows): the job's progress moves while
 * the PDF is being made — several distinct steps of 'Tạo PDF' reported before the answer, not one
 * jump from 0 to done — and the TT column keeps "2400" on one line.
 */

const ROWS = 2400;
let app: TestApp;
const pdf = new ChromiumPdfRenderer();

beforeAll(async () => {
  app = await openTestApp({ renderPdf: (html, o) => pdf.render(html, o) });
  await app.call('settings.update', { profile: CHO_MOI_PROFILE });
  await loadBacKanFields(app);
  const top = await addUnit(app, 'Đảng bộ huyện Chợ Mới');
  const units: string[] = [];
  for (let i = 1; i <= 20; i++) {
    units.push(`Đảng bộ xã In Thử ${i}`);
    await addUnit(app, units[i - 1]!, top);
  }
  const bytes = await writeTableXlsx({
    title: { parentBody: 'ĐẢNG BỘ HUYỆN CHỢ MỚI', issuingBody: 'BAN CHỈ ĐẠO', title: 'DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2026' },
    columns: [
      { header: 'TT', key: 'tt' },
      { header: 'Đơn vị đăng ký', key: 'unit' },
      { header: 'Tên mô hình', key: 'name' },
      { header: 'Tập thể/Cá nhân', key: 'kind' },
      { header: 'Lĩnh vực', key: 'field' },
    ],
    rows: Array.from({ length: ROWS }, (_, i) => ({
      tt: i + 1,
      unit: units[i % units.length]!,
      name: `Dân vận khéo trong xây dựng nông thôn mới (mô hình số ${i + 1})`,
      kind: i % 3 === 0 ? 'Cá nhân' : 'Tập thể',
      field: BAC_KAN_FIELDS[i % BAC_KAN_FIELDS.length]!,
    })),
  });
  const p = await app.call('models.importPreview', { fileName: 'in-thu-2026.xlsx', bytes, year: 2026 });
  await app.call('models.importCommit', { importId: p.importId, year: 2026, createMissing: true });
}, 120_000);

afterAll(async () => {
  await pdf.close();
  await app?.close();
});

describe('printed register of 2,400 rows', () => {
  it('reports progress while the PDF is made and prints every row with four-digit TT on one line', async () => {
    app.ctx.jobs.minIntervalMs = 0;
    const jobId = 'print-2400';
    const steps: Array<{ phase: string; done: number; total: number }> = [];
    const off = app.ctx.events.subscribe((name, payload) => {
      const e = payload as { jobId: string; phase: string; done: number; total: number };
      if (name === 'job.progress' && e.jobId === jobId) steps.push({ phase: e.phase, done: e.done, total: e.total });
    });
    const out = await app.call('models.exportRegisterPdf', { year: 2026, jobId });
    off();
    expect(out.rows).toBe(ROWS);

    const layout = steps.filter((s) => s.phase === 'Dựng bảng in');
    expect(layout.length).toBeGreaterThan(5);
    expect(layout.at(-1)).toMatchObject({ done: ROWS, total: ROWS });
    const printing = steps.filter((s) => s.phase === 'Tạo PDF');
    // Moves: more than a start and an end, never backwards, ends at its total.
    expect(new Set(printing.map((s) => s.done)).size).toBeGreaterThan(2);
    for (let i = 1; i < printing.length; i++) expect(printing[i]!.done).toBeGreaterThanOrEqual(printing[i - 1]!.done);
    expect(printing.at(-1)!.done).toBe(printing.at(-1)!.total);

    const file = path.join(os.tmpdir(), `register-${process.pid}.pdf`);
    fs.writeFileSync(file, out.bytes);
    try {
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      // "2400" whole at the start of its row's first line (a wrapped number would read "240" / "0").
      expect(text).toMatch(/^\s*2400\s+Đảng bộ xã In Thử/m);
      expect(text).toMatch(/^\s*1000\s+Đảng bộ xã In Thử/m);
      expect(text).toContain('2.400 mô hình');
    } finally {
      fs.rmSync(file, { force: true });
    }
  }, 120_000);
});
