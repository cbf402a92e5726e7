import type BetterSqlite3 from 'better-sqlite3';
import { foldText, vietnameseSortKey } from '../shared/text/vietnamese';
import { ModelText } from './modelText';
import { Rng, DISTRICTS, PROVINCES, communeName, modelNamePieces, personName, ACTIVITIES } from './names';
import { bulkLoad, type BulkOptions, type BulkReport } from './bulkLoad';

export interface DatasetSpec {
  /** Yearly model records (lượt) to create over the years. */
  records: number;
  firstYear: number;
  lastYear: number;
  /** Top-level units (đảng bộ trực thuộc); each gets `childrenPerUnit` cơ sở. */
  topUnits: number;
  childrenPerUnit: number;
  tasks: number;
  seed?: number;
}

export interface DatasetSummary {
  units: number;
  models: number;
  records: number;
  tasks: number;
  byYear: Record<number, number>;
  millis: number;
  /** Present when the register was bulk-loaded: what was dropped/replayed and where the time went. */
  bulk?: BulkReport;
}

export interface GenerateOptions {
  /**
   * 'bulk' (default): indexes and FTS triggers dropped during the load, rebuilt after (bench/bulkLoad.ts).
   * 'triggers': every row through the live schema, as the app writes it (the reference in tests).
   */
  mode?: 'bulk' | 'triggers';
  bulk?: BulkOptions;
}

/**
 * Deterministic UUIDv7-shaped ids: a fake clock starting at the data set's timestamp, a 12-bit
 * counter (RFC 9562 "method 1", monotonic) and 62 seeded random bits. Ordered like real ids, so
 * the id B-trees (which stay during a bulk load) are appended to, and two runs with one seed
 * produce the same database.
 */
export class IdSource {
  private n = 0;
  constructor(
    private readonly rng: Rng,
    private readonly startMs: number,
  ) {}
  next(): string {
    const ms = this.startMs + Math.floor(this.n / 4096);
    const counter = this.n % 4096;
    this.n++;
    const hi = ms.toString(16).padStart(12, '0');
    const a = (0x7000 | counter).toString(16);
    const b1 = ((0x80000000 | Math.floor(this.rng.next() * 0x40000000)) >>> 0).toString(16);
    const b2 = Math.floor(this.rng.next() * 0x100000000).toString(16).padStart(8, '0');
    return `${hi.slice(0, 8)}-${hi.slice(8)}-${a}-${b1.slice(0, 4)}-${b1.slice(4)}${b2}`;
  }
}

const AT = '2026-01-15T03:00:00.000Z';

/**
 * Status mix of one year, in the proportions of docs/domain.md's example year (2,360 registered,
 * 1,106 recognised = 46.9 %, 286 typical = 12.1 %, 53 commended = 2.2 %).
 */
function yearStatus(rng: Rng): { status: string; typical: number; commended: number } {
  const r = rng.next();
  if (r < 0.4686) {
    const typical = rng.next() < 286 / 1106 ? 1 : 0;
    const commended = typical && rng.next() < 53 / 286 ? 1 : 0;
    return { status: 'recognised', typical, commended };
  }
  if (r < 0.55) return { status: 'notRecognised', typical: 0, commended: 0 };
  if (r < 0.62) return { status: 'reviewed', typical: 0, commended: 0 };
  if (r < 0.72) return { status: 'eligible', typical: 0, commended: 0 };
  if (r < 0.88) return { status: 'implementing', typical: 0, commended: 0 };
  return { status: 'registered', typical: 0, commended: 0 };
}

/**
 * Fills a freshly migrated database with a realistic register at raw better-sqlite3 speed
 * (prepared statements, large transactions). The rows carry exactly what the services write
 * (folded search text through the models service's own `searchTextOf`, Vietnamese sort keys), so
 * the measured code paths read them as they would read typed or imported data.
 */
export function generateDataset(db: BetterSqlite3.Database, spec: DatasetSpec, options: GenerateOptions = {}): DatasetSummary {
  const started = performance.now();
  const rng = new Rng(spec.seed);
  const ids = new IdSource(new Rng((spec.seed ?? 1) ^ 0x5eed), Date.parse(AT) - 86_400_000);
  const newId = (): string => ids.next();
  const fields = db.prepare(`select id from catalog_items where catalog = 'field' and deleted_at is null order by sort_order`).all() as Array<{ id: string }>;
  const levels = db.prepare(`select id from catalog_items where catalog = 'recognitionLevel' and deleted_at is null`).all() as Array<{ id: string }>;
  const awards = db.prepare(`select id from catalog_items where catalog = 'awardForm' and deleted_at is null`).all() as Array<{ id: string }>;
  if (fields.length === 0) throw new Error('no field catalogue: migrations should seed it');

  const insertUnit = db.prepare(
    `insert into units (id, parent_id, name, short_name, kind, qcdc_type, valid_from, valid_to, merged_into_id, sort_order, note, search_text, sort_key, created_at, updated_at, deleted_at)
     values (?, ?, ?, null, ?, ?, null, null, null, ?, null, ?, ?, ?, ?, null)`,
  );
  const insertModel = db.prepare(
    `insert into dvk_models (id, unit_id, name, name_folded, kind, field_id, performer, period_label, first_year, sort_key, created_at, updated_at, deleted_at)
     values (?, ?, ?, ?, ?, ?, ?, '2021 - 2025', ?, ?, ?, ?, null)`,
  );
  const insertYear = db.prepare(
    `insert into dvk_model_years (id, model_id, year, unit_id, field_id, kind, registration, status, recognition_level_id, recognition_decision_no,
       recognition_date, typical, commended, award_form_id, award_by, award_decision_no, award_date, replicated_to, result, note, search_text, sort_key,
       created_at, updated_at, deleted_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, ?, ?, ?, ?, null)`,
  );
  const insertReview = db.prepare(
    `insert into dvk_reviews (id, year, unit_id, meeting_date, source, note, created_at, updated_at, deleted_at) values (?, ?, ?, ?, 'meeting', null, ?, ?, null)`,
  );
  const insertTask = db.prepare(
    `insert into tasks (id, title, description, source_type, source_id, source_ref, lead_unit_id, lead_member_id, lead_text, timing_kind, timing_value,
       deadline, status, progress, completed_at, year, search_text, sort_key, created_at, updated_at, deleted_at)
     values (?, ?, null, 'direct', null, null, ?, null, null, 'date', ?, ?, ?, ?, null, ?, ?, ?, ?, ?, null)`,
  );

  const tops: Array<{ id: string; name: string }> = [];
  const children: Array<{ id: string; name: string; top: number }> = [];
  const byYear: Record<number, number> = {};
  let modelCount = 0;
  let recordCount = 0;

  db.transaction(() => {
    for (let t = 0; t < spec.topUnits; t++) {
      const name =
        spec.topUnits <= DISTRICTS.length ? `Đảng bộ huyện ${DISTRICTS[t]}` : `Đảng bộ tỉnh ${PROVINCES[t % PROVINCES.length]}${t >= PROVINCES.length ? ` ${Math.floor(t / PROVINCES.length) + 1}` : ''}`;
      const id = newId();
      insertUnit.run(id, null, name, 'dang_bo', null, t, foldText(name), vietnameseSortKey(name), AT, AT);
      tops.push({ id, name });
      for (let c = 0; c < spec.childrenPerUnit; c++) {
        const cname = `Đảng bộ xã ${communeName(rng)} ${c + 1}`;
        const cid = newId();
        insertUnit.run(cid, id, cname, 'xa_phuong', 'xa_phuong', c, foldText(cname), vietnameseSortKey(cname), AT, AT);
        children.push({ id: cid, name: cname, top: t });
      }
    }
  })();

  const years = spec.lastYear - spec.firstYear + 1;
  const batch = 50_000;
  let serial = 0;
  const text = new ModelText();
  const loadRegister = (): void => {
    while (recordCount < spec.records) {
      db.transaction(() => {
        const stop = Math.min(spec.records, recordCount + batch);
        while (recordCount < stop) {
          serial++;
          const unit = children.length ? rng.pick(children) : { id: tops[0]!.id, name: tops[0]!.name, top: 0 };
          const kind = rng.next() < 0.72 ? 'collective' : 'individual';
          const performer = kind === 'individual' ? personName(rng) : null;
          const pieces = modelNamePieces(rng, serial);
          const field = fields[serial % fields.length]!.id;
          const first = spec.firstYear + Math.floor(rng.next() * years);
          // Average life ~2 years: carried over (duy trì) while a coin says so.
          let span = 1;
          while (rng.next() < 0.5 && first + span <= spec.lastYear) span++;
          const modelId = newId();
          // The same strings as vietnameseSortKey / foldText / searchTextOf, from cached parts (bench/modelText.ts).
          const { name, sortKey, nameFolded, search } = text.of(pieces, performer, unit.name);
          insertModel.run(modelId, unit.id, name, nameFolded, kind, field, performer, first, sortKey, AT, AT);
          modelCount++;
          for (let y = first; y < first + span && recordCount < stop; y++) {
            const s = yearStatus(rng);
            const recognised = s.status === 'recognised';
            insertYear.run(
              newId(),
              modelId,
              y,
              unit.id,
              field,
              kind,
              y === first ? 'new' : 'carried',
              s.status,
              recognised && levels.length ? rng.pick(levels).id : null,
              recognised ? `${rng.int(1, 300)}-QĐ/BCĐ` : null,
              recognised ? `${y}-12-${String(rng.int(1, 28)).padStart(2, '0')}` : null,
              s.typical,
              s.commended,
              s.commended && awards.length ? rng.pick(awards).id : null,
              s.commended ? 'Ban Thường vụ Tỉnh ủy' : null,
              s.commended ? `${rng.int(1, 200)}-QĐ/TU` : null,
              s.commended ? `${y}-12-28` : null,
              search,
              sortKey,
              AT,
              AT,
            );
            byYear[y] = (byYear[y] ?? 0) + 1;
            recordCount++;
          }
        }
      })();
    }
  };
  const bulk =
    options.mode === 'triggers'
      ? (loadRegister(), undefined)
      : bulkLoad(db, ['dvk_models', 'dvk_model_years'], loadRegister, options.bulk);

  db.transaction(() => {
    // Review meetings: every top-level unit but one per year ("10/11 đảng bộ đã họp xét").
    for (let y = spec.firstYear; y <= spec.lastYear; y++) {
      tops.forEach((u, i) => {
        if (i === (y % tops.length)) return;
        insertReview.run(newId(), y, u.id, `${y}-11-${String(10 + (i % 18)).padStart(2, '0')}`, AT, AT);
      });
    }
    const statuses = ['chua_thuc_hien', 'dang_thuc_hien', 'hoan_thanh', 'tam_dung'];
    for (let i = 0; i < spec.tasks; i++) {
      const y = spec.firstYear + (i % years);
      const title = `${rng.pick(ACTIVITIES)}: triển khai tại ${communeName(rng)}`;
      const deadline = `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const status = rng.pick(statuses);
      const lead = rng.pick(tops);
      insertTask.run(newId(), title, lead.id, deadline, deadline, status, status === 'hoan_thanh' ? 100 : rng.int(0, 90), y, foldText(title), vietnameseSortKey(title), AT, AT);
    }
  })();

  return {
    units: tops.length + children.length,
    models: modelCount,
    records: recordCount,
    tasks: spec.tasks,
    byYear,
    millis: performance.now() - started,
    ...(bulk ? { bulk } : {}),
  };
}
