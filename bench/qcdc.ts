/**
 * QCDC measures (issue #15): `qcdc.stats` of a year on 10,000 units × 30 indicators × 10 years of
 * figures (3M figures; target p95 ≤ 50 ms), and the import of a 1,000-unit roll-up workbook
 * (preview + commit ≤ 2 s). `--quick`: 1,000 units × 3 years and a 200-unit roll-up.
 * The figures are written straight into SQLite (setup, not what is measured); everything measured
 * goes through the registry like a renderer call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createAppContext } from '../electron/core/context';
import { createInvoker, type Invoke } from '../electron/core/registry';
import { newId } from '../electron/core/db/ids';
import { writeTableXlsx } from '../electron/core/export/xlsx';
import { foldText, vietnameseSortKey } from '../shared/text/vietnamese';
import { QCDC_TYPES } from '../shared/schemas/units';
import { repeat, timeAsync } from './measure';
import { Rng } from './names';

export interface QcdcRow {
  name: string;
  unit: 'ms';
  value: number;
  target: number | null;
  note?: string;
}

const PER_TYPE = 30;

async function call<T>(invoke: Invoke, channel: string, input: unknown): Promise<T> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.data as T;
}

export async function measureQcdc(root: string, quick: boolean, record: (row: QcdcRow) => void, phase: (name: string) => void): Promise<void> {
  const units = quick ? 1_000 : 10_000;
  const years = quick ? 3 : 10;
  const lastYear = 2025;
  const dir = fs.mkdtempSync(path.join(root, 'qcdc-bench-qcdc-'));
  const ctx = await createAppContext({
    dataDir: dir,
    appVersion: 'bench',
    platform: {
      kind: 'test',
      saveFile: () => Promise.resolve({ saved: false, path: null }),
      renderPdf: () => Promise.reject(new Error('no PDF in the QCDC bench')),
      openPath: () => Promise.resolve(),
      notify: () => {},
    },
  });
  try {
    const invoke = createInvoker(ctx);
    const db = ctx.sqlite;
    const at = new Date().toISOString();
    // Indicators: the seeded set, topped up with typed counts until each loại hình has 30.
    const seeded = db.prepare("SELECT id, qcdc_type, kind, source FROM qcdc_indicators WHERE active = 1").all() as { id: string; qcdc_type: string | null; kind: string; source: string }[];
    const insInd = db.prepare(
      "INSERT INTO qcdc_indicators (id, qcdc_type, code, name, kind, source, numerator_id, denominator_id, unit_label, legal_basis, position, active, search_text, created_at, updated_at, deleted_at) VALUES (?, ?, NULL, ?, 'count', 'typed', NULL, NULL, NULL, NULL, ?, 1, ?, ?, ?, NULL)",
    );
    const typed = new Map<string, { id: string; kind: string }[]>();
    db.transaction(() => {
      for (const type of QCDC_TYPES) {
        const list = seeded.filter((i) => (i.qcdc_type === type || i.qcdc_type === null) && i.source === 'typed' && i.kind !== 'ratio').map((i) => ({ id: i.id, kind: i.kind }));
        for (let k = list.length; k < PER_TYPE; k++) {
          const id = newId();
          const name = `Chỉ tiêu bổ sung ${k + 1} (${type})`;
          insInd.run(id, type, name, 100 + k, foldText(name), at, at);
          list.push({ id, kind: 'count' });
        }
        typed.set(type, list.slice(0, PER_TYPE));
      }
    })();
    const rng = new Rng(15);
    const insUnit = db.prepare(
      "INSERT INTO units (id, parent_id, name, short_name, kind, qcdc_type, valid_from, valid_to, merged_into_id, sort_order, note, search_text, sort_key, created_at, updated_at, deleted_at) VALUES (?, NULL, ?, NULL, 'khac', ?, NULL, NULL, NULL, ?, NULL, ?, ?, ?, ?, NULL)",
    );
    const unitRows: { id: string; name: string; type: string }[] = [];
    db.transaction(() => {
      for (let u = 0; u < units; u++) {
        const type = QCDC_TYPES[u % 10 < 5 ? 0 : u % 10 < 7 ? 1 : u % 10 < 9 ? 2 : 3]!;
        const name = `Đơn vị QCDC số ${u + 1}`;
        const id = newId();
        insUnit.run(id, name, type, u, foldText(name), vietnameseSortKey(name), at, at);
        unitRows.push({ id, name, type });
      }
    })();
    const insRep = db.prepare("INSERT INTO qcdc_reports (id, unit_id, year, period, qcdc_type, received_date, note, import_id, created_at, updated_at, deleted_at) VALUES (?, ?, ?, 'annual', ?, ?, NULL, NULL, ?, ?, NULL)");
    const insVal = db.prepare('INSERT INTO qcdc_values (report_id, indicator_id, num_value, text_value) VALUES (?, ?, ?, ?)');
    for (let y = lastYear - years + 1; y <= lastYear; y++) {
      db.transaction(() => {
        for (const u of unitRows) {
          const rid = newId();
          insRep.run(rid, u.id, y, u.type, `${y + 1}-01-10`, at, at);
          for (const ind of typed.get(u.type)!) {
            if (ind.kind === 'text') insVal.run(rid, ind.id, null, 'Kết quả nổi bật');
            else insVal.run(rid, ind.id, ind.kind === 'yesno' ? rng.int(0, 1) : rng.int(0, 40), null);
          }
        }
      })();
    }
    db.exec('ANALYZE');
    phase(`QCDC data set (${units} units × ${PER_TYPE} indicators × ${years} years)`);

    const runs = quick ? 10 : 30;
    // Cold: the first look after a change sums the year (and the year before) in the database.
    const cold = await timeAsync(() => call(invoke, 'qcdc.stats', { year: lastYear, period: 'annual' }));
    record({ name: `qcdc.stats of a year, first after a change (${units} units)`, unit: 'ms', value: cold.ms, target: null, note: 'sums in SQL; cached until the next audited write' });
    const stats = await repeat(runs, 1, () => call(invoke, 'qcdc.stats', { year: lastYear, period: 'annual' }));
    record({ name: `qcdc.stats of a year (${units} units × ${PER_TYPE} indicators × ${years} years)`, unit: 'ms', value: stats.p95, target: quick ? null : 50, note: `p50 ${stats.p50.toFixed(1)} ms, ${runs} runs` });
    phase('QCDC statistics');

    // A 1,000-unit roll-up: row per unit, a column per indicator of the communes' loại hình.
    const rollUnits = unitRows.filter((u) => u.type === 'xa_phuong').slice(0, quick ? 200 : 1_000);
    const cols = typed.get('xa_phuong')!;
    const names = new Map((db.prepare('SELECT id, name FROM qcdc_indicators').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
    const bytes = await writeTableXlsx({
      sheetName: 'Tổng hợp',
      title: { title: `TỔNG HỢP KẾT QUẢ THỰC HIỆN QCDC NĂM ${lastYear + 1}` },
      columns: [
        { header: 'STT', key: 'stt', width: 6, type: 'integer' },
        { header: 'Đơn vị', key: 'unit', width: 30 },
        ...cols.map((c, i) => ({ header: names.get(c.id)!, key: `c${i}`, width: 12, ...(c.kind === 'count' ? { type: 'integer' as const } : {}) })),
      ],
      rows: rollUnits.map((u, k) => ({
        stt: k + 1,
        unit: u.name,
        ...Object.fromEntries(cols.map((c, i) => [`c${i}`, c.kind === 'yesno' ? (rng.int(0, 1) ? 'x' : '') : c.kind === 'text' ? 'Tốt' : rng.int(0, 30)])),
      })),
    });
    const imported = await timeAsync(async () => {
      const preview = await call<{ importId: string; valuesCount: number; unknownUnits: unknown[] }>(invoke, 'qcdc.importPreview', { fileName: 'tong-hop.xlsx', bytes, year: lastYear + 1, period: 'annual' });
      if (preview.unknownUnits.length) throw new Error(`bench roll-up: ${preview.unknownUnits.length} units not matched`);
      return call<{ reportsSaved: number; valuesSaved: number }>(invoke, 'qcdc.importCommit', { importId: preview.importId });
    });
    record({
      name: `qcdc import of a ${rollUnits.length}-unit roll-up (preview + commit)`,
      unit: 'ms',
      value: imported.ms,
      target: quick ? null : 2000,
      note: `${imported.value.reportsSaved} reports, ${imported.value.valuesSaved} figures`,
    });
    phase('QCDC import');
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
