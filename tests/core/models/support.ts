import fs from 'node:fs';
import { newId } from '../../../electron/core/db/ids';
import { insertCatalogRow, insertUnitRow } from '../../../electron/core/models/repository';
import type { AppContext } from '../../../electron/core/context';

/** Anything holding an app context: a TestApp, or the e2e harness. */
type HasCtx = { ctx: AppContext };
import { foldText, vietnameseSortKey } from '../../../shared/text/vietnamese';
import { fixturePath } from '../../support/fixtures';

export const FIXTURE = fixturePath('dvk-cho-moi-2023.xlsx');
export const fixtureBytes = () => new Uint8Array(fs.readFileSync(FIXTURE));

/** Bắc Kạn's four field groups (fixtures/README.md). */
export const BAC_KAN_FIELDS = [
  'Xây dựng Đảng, chính quyền, MTTQ, các đoàn thể',
  'Cải cách hành chính, xây dựng công sở',
  'Xây dựng nông thôn mới, đô thị văn minh',
  'Giữ gìn bản sắc văn hóa dân tộc gắn với du lịch, dịch vụ',
];

const AT = '2026-01-01T00:00:00.000Z';

export async function addCatalogItem(app: HasCtx, catalog: string, name: string, sortOrder = 0): Promise<string> {
  const id = newId();
  await insertCatalogRow(app.ctx.db, {
    id,
    catalog,
    code: null,
    name,
    period_label: null,
    valid_from_year: null,
    valid_to_year: null,
    sort_order: sortOrder,
    active: 1,
    search_text: foldText(name),
    created_at: AT,
    updated_at: AT,
    deleted_at: null,
  });
  return id;
}

/** Loads Bắc Kạn's field catalogue unless a preset already put it there. */
export async function loadBacKanFields(app: HasCtx): Promise<string[]> {
  const existing = await app.ctx.db.selectFrom('catalog_items').select(['id', 'name']).where('catalog', '=', 'field').where('deleted_at', 'is', null).execute();
  const ids: string[] = [];
  for (const [i, name] of BAC_KAN_FIELDS.entries()) {
    const hit = existing.find((e) => foldText(e.name).endsWith(foldText(name)));
    ids.push(hit ? hit.id : await addCatalogItem(app, 'field', name, i + 1));
  }
  return ids;
}

export async function addUnit(app: HasCtx, name: string, parentId: string | null = null, extra: { merged_into_id?: string; valid_to?: string } = {}): Promise<string> {
  const id = newId();
  await insertUnitRow(app.ctx.db, {
    id,
    parent_id: parentId,
    name,
    short_name: null,
    kind: parentId ? 'xa_phuong' : 'dang_bo',
    qcdc_type: null,
    valid_from: null,
    valid_to: extra.valid_to ?? null,
    merged_into_id: extra.merged_into_id ?? null,
    sort_order: 0,
    note: null,
    search_text: foldText(name),
    sort_key: vietnameseSortKey(name),
    created_at: AT,
    updated_at: AT,
    deleted_at: null,
  });
  return id;
}

/** The Chợ Mới district committee's profile, so screens open on their pages rather than the first-run wizard. */
export const CHO_MOI_PROFILE = {
  parentBody: 'Huyện ủy Chợ Mới',
  committeeName: 'Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào "Dân vận khéo"',
  committeeCode: 'BCĐ',
  placeName: 'Chợ Mới',
  standingAgency: 'Ban Dân vận Huyện ủy',
  termLabel: '2020 - 2025',
  termStartYear: 2020,
  termEndYear: 2025,
  signingMode: 'onBehalf',
  headName: 'Nguyễn Văn Đông',
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
} as const;
