import type { AppContext } from '../../../electron/core/context';
import { newId } from '../../../electron/core/db/ids';
import { searchTextOf } from '../../../electron/core/models/service';
import { foldText, vietnameseSortKey } from '../../../shared/text/vietnamese';

/*
 * The 2022 province data set of the issue (docs/domain.md's example year): 11 đảng bộ trực thuộc with
 * 3 cơ sở each, 2,360 yearly model records in 2022 of which 1,106 recognised, 286 typical, 53
 * commended, review meetings held by 10 of the 11; and a smaller 2021 for the comparison.
 * Written with prepared statements carrying exactly what the models service writes (folded search
 * text through its own `searchTextOf`, Vietnamese sort keys), as bench/generate.ts does.
 */

export const PROVINCE_2022 = { registered: 2360, recognised: 1106, typical: 286, commended: 53, units: 11, reviewed: 10 };
export const PROVINCE_2021 = { registered: 2104, recognised: 951, typical: 240, commended: 41, reviewed: 11 };

const DISTRICTS = ['Ba Bể', 'Bạch Thông', 'Chợ Đồn', 'Chợ Mới', 'Na Rì', 'Ngân Sơn', 'Pác Nặm', 'Thành phố Bắc Kạn', 'Khối Cơ quan', 'Khối Doanh nghiệp', 'Quân sự tỉnh'];
const ACTS = ['Chung tay xây dựng nông thôn mới', 'Dân vận khéo trong giải phóng mặt bằng', 'Tổ tự quản an ninh trật tự', 'Đường hoa thôn bản', 'Phụ nữ giúp nhau phát triển kinh tế', 'Cải cách hành chính một cửa', 'Thanh niên tình nguyện', 'Giảm nghèo bền vững'];
const AT = '2026-01-15T03:00:00.000Z';
const NON_RECOGNISED = ['notRecognised', 'reviewed', 'eligible', 'implementing', 'registered'] as const;

export interface Province {
  tops: Array<{ id: string; name: string }>;
  /** The top unit without a review meeting in 2022. */
  unreviewed: { id: string; name: string };
}

function statusAt(i: number, spec: { recognised: number; typical: number; commended: number }) {
  // Record i: the first `recognised` are recognised; among them the first `typical` typical, the
  // first `commended` of those commended; the rest cycle through the other statuses.
  if (i < spec.recognised) return { status: 'recognised', typical: i < spec.typical ? 1 : 0, commended: i < spec.commended ? 1 : 0 };
  return { status: NON_RECOGNISED[i % NON_RECOGNISED.length]!, typical: 0, commended: 0 };
}

export function generateProvince(ctx: AppContext): Province {
  const db = ctx.sqlite;
  const fields = db.prepare(`select id from catalog_items where catalog = 'field' and deleted_at is null order by sort_order`).all() as Array<{ id: string }>;
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
     values (?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, null, ?, ?, ?, null, null, null, ?, ?, ?, ?, null)`,
  );
  const insertReview = db.prepare(
    `insert into dvk_reviews (id, year, unit_id, meeting_date, source, note, created_at, updated_at, deleted_at) values (?, ?, ?, ?, 'meeting', null, ?, ?, null)`,
  );

  const tops: Array<{ id: string; name: string }> = [];
  const children: Array<{ id: string; name: string }> = [];
  db.transaction(() => {
    DISTRICTS.forEach((d, t) => {
      const name = d.startsWith('Khối') || d.startsWith('Quân') ? `Đảng bộ ${d}` : `Đảng bộ huyện ${d}`;
      const id = newId();
      insertUnit.run(id, null, name, 'dang_bo', null, t, foldText(name), vietnameseSortKey(name), AT, AT);
      tops.push({ id, name });
      for (let c = 0; c < 3; c++) {
        const cname = `Đảng bộ xã ${['Quảng Khê', 'Nam Mẫu', 'Cao Thượng'][c]} (${d})`;
        const cid = newId();
        insertUnit.run(cid, id, cname, 'xa_phuong', 'xa_phuong', c, foldText(cname), vietnameseSortKey(cname), AT, AT);
        children.push({ id: cid, name: cname });
      }
    });

    const write = (year: number, spec: { registered: number; recognised: number; typical: number; commended: number }) => {
      for (let i = 0; i < spec.registered; i++) {
        // Spread over units with a stride coprime to 33 so every unit gets every status.
        const unit = children[(i * 7) % children.length]!;
        const kind = i % 4 === 3 ? 'individual' : 'collective';
        const name = `${ACTS[i % ACTS.length]} ${year}-${i + 1}`;
        const performer = kind === 'individual' ? `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}` : null;
        const modelId = newId();
        const sortKey = vietnameseSortKey(name);
        insertModel.run(modelId, unit.id, name, foldText(name), kind, fields[i % fields.length]!.id, performer, year, sortKey, AT, AT);
        const s = statusAt(i, spec);
        const rec = s.status === 'recognised';
        insertYear.run(
          newId(), modelId, year, unit.id, fields[i % fields.length]!.id, kind, i % 5 === 0 ? 'carried' : 'new', s.status,
          rec ? `${(i % 300) + 1}-QĐ/BCĐ` : null, rec ? `${year}-12-16` : null, s.typical, s.commended,
          s.commended ? 'Ban Thường vụ Tỉnh ủy' : null, s.commended ? `${(i % 200) + 1}-QĐ/TU` : null, s.commended ? `${year}-12-28` : null,
          searchTextOf(name, performer, unit.name), sortKey, AT, AT,
        );
      }
    };
    write(2021, PROVINCE_2021);
    write(2022, PROVINCE_2022);
    tops.forEach((u, i) => {
      insertReview.run(newId(), 2021, u.id, '2021-11-20', AT, AT);
      if (i !== tops.length - 1) insertReview.run(newId(), 2022, u.id, `2022-11-${String(10 + i).padStart(2, '0')}`, AT, AT);
    });
  })();
  return { tops, unreviewed: tops[tops.length - 1]! };
}
