import { foldText } from '../../../../shared/text/vietnamese';
import type { ImportFieldKey, ImportMapping } from '../../../../shared/schemas/models';

/*
 * The register's column spec: folded header texts seen in real registration lists, per field.
 * Matching is by folded words, so "Đơn vị đăng ký", "ĐƠN VỊ  ĐĂNG KÝ" and "Don vi dang ky" are one.
 */
export const FIELD_ALIASES: Record<ImportFieldKey, string[]> = {
  seq: ['tt', 'stt', 'so tt', 'so thu tu', 'thu tu'],
  unit: ['don vi dang ky', 'don vi', 'ten don vi', 'co so dang ky', 'dang bo chi bo', 'dang bo chi bo co so', 'don vi dang ky mo hinh', 'dia phuong don vi'],
  name: ['ten mo hinh', 'mo hinh', 'ten mo hinh dan van kheo', 'ten mo hinh dien hinh', 'ten mo hinh dien hinh dan van kheo'],
  kind: ['loai', 'loai mo hinh', 'tap the ca nhan', 'tap the hay ca nhan', 'phan loai', 'tap the hoac ca nhan'],
  collectiveMark: ['tap the'],
  individualMark: ['ca nhan'],
  field: ['linh vuc', 'linh vuc mo hinh', 'nhom linh vuc', 'thuoc linh vuc'],
  registration: ['moi duy tri', 'dang ky moi duy tri', 'moi hay duy tri', 'hinh thuc dang ky', 'dang ky moi hoac duy tri', 'moi hoac duy tri'],
  performer: [
    'nguoi phu trach',
    'nguoi thuc hien',
    'tap the thuc hien',
    'nguoi tap the thuc hien',
    'ca nhan tap the thuc hien',
    'tap the ca nhan thuc hien',
    'chu the thuc hien',
    'nguoi chu tri',
  ],
  timing: ['thoi gian', 'thoi gian thuc hien', 'thoi gian trien khai'],
  situation: ['thuc trang', 'thuc trang ly do', 'ly do', 'su can thiet'],
  goals: ['muc tieu', 'muc tieu tieu chi', 'tieu chi'],
  content: ['noi dung', 'noi dung cach thuc', 'cach thuc thuc hien', 'noi dung cach thuc thuc hien', 'giai phap'],
  area: ['dia ban', 'dia ban doi tuong', 'doi tuong', 'pham vi'],
  leadForce: ['chu tri', 'luc luong chu tri', 'luc luong thuc hien', 'don vi chu tri'],
  coopForce: ['phoi hop', 'luc luong phoi hop', 'don vi phoi hop'],
  resources: ['nguon luc', 'kinh phi', 'nguon luc kinh phi'],
  expectedResults: ['ket qua', 'san pham', 'san pham ket qua', 'ket qua dat duoc', 'ket qua du kien', 'hieu qua'],
  replicability: ['kha nang nhan rong', 'nhan rong'],
  recognised: ['cong nhan', 'ket qua cong nhan', 'ket qua binh xet', 'duoc cong nhan', 'xep loai'],
  notRecognisedMark: ['khong cong nhan', 'khong duoc cong nhan', 'khong dat', 'chua dat'],
  level: ['cap cong nhan', 'cap'],
  decisionNo: ['so quyet dinh', 'so qd', 'quyet dinh', 'so quyet dinh cong nhan'],
  decisionDate: ['ngay quyet dinh', 'ngay qd', 'ngay cong nhan', 'ngay ky'],
  typical: ['dien hinh', 'mo hinh dien hinh'],
  awardForm: ['hinh thuc khen thuong', 'khen thuong', 'bieu duong khen thuong', 'hinh thuc bieu duong'],
  year: ['nam', 'nam dang ky'],
  note: ['ghi chu'],
};

/** Folded header form: words of letters and digits only. */
export function headerKey(value: string): string {
  return foldText(value)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** How well a folded header names a field: exact alias ≫ alias contained as whole words. */
export function headerScore(key: string, field: ImportFieldKey): number {
  let best = 0;
  for (const alias of FIELD_ALIASES[field]) {
    if (key === alias) best = Math.max(best, 1000 + alias.length);
    else if (alias.length >= 5 && ` ${key} `.includes(` ${alias} `)) best = Math.max(best, alias.length);
  }
  return best;
}

/** Greedy best-first assignment: each field at most one column, each column at most one field. */
export function detectMapping(headers: string[]): ImportMapping {
  const keys = headers.map(headerKey);
  const pairs: Array<{ field: ImportFieldKey; col: number; score: number }> = [];
  for (const field of Object.keys(FIELD_ALIASES) as ImportFieldKey[]) {
    keys.forEach((key, col) => {
      if (!key) return;
      const score = headerScore(key, field);
      if (score > 0) pairs.push({ field, col, score });
    });
  }
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const mapping: ImportMapping = {};
  const usedCols = new Set<number>();
  for (const p of pairs) {
    if (mapping[p.field] !== undefined || usedCols.has(p.col)) continue;
    mapping[p.field] = p.col;
    usedCols.add(p.col);
  }
  return mapping;
}

/** How many cells of a row look like column headers (header-row detection). */
export function headerLikeCount(cells: string[]): number {
  let n = 0;
  // Distinct texts only: a title merged across the row repeats in every cell.
  for (const cell of new Set(cells)) {
    const key = headerKey(cell);
    if (!key || key.length > 80) continue;
    if ((Object.keys(FIELD_ALIASES) as ImportFieldKey[]).some((f) => headerScore(key, f) > 0)) n++;
  }
  return n;
}

/** The identity of a header layout: remembered mappings are keyed by it. */
export function headerSignature(headers: string[]): string {
  return headers.map(headerKey).join('|');
}

// ------------------------------------------------------------------ value normalisers

export function normalizeKind(value: string): 'collective' | 'individual' | null {
  const k = headerKey(value);
  if (['tap the', 'tt', 'tap the tt', 'to chuc', 'tap the to chuc', 'collective'].includes(k)) return 'collective';
  if (['ca nhan', 'cn', 'ca nhan cn', 'individual'].includes(k)) return 'individual';
  return null;
}

export function normalizeRegistration(value: string): 'new' | 'carried' | null {
  const k = headerKey(value);
  if (['moi', 'dang ky moi', 'm', 'dk moi', 'new', 'xay dung moi'].includes(k)) return 'new';
  if (['duy tri', 'dt', 'tiep tuc', 'tiep tuc duy tri', 'duy tri nang cao', 'carried'].includes(k)) return 'carried';
  return null;
}

/** A tick in a mark column ("x", "X", "v", "✓", "1", "có"). */
export function isMark(value: string): boolean {
  const v = value.trim();
  if (!v) return false;
  if (/^[xv✓✔√•*]$/i.test(v)) return true;
  const k = headerKey(v);
  return ['1', 'co', 'dat', 'yes'].includes(k);
}

/**
 * What a unit that has not met yet writes in its results column: the model stays registered (not an
 * error — a province list carries the units that have met next to those that have not).
 */
const NOT_YET_REVIEWED = /^(chua|dang|cho) (hop )?(binh )?(xet|danh gia|hop)( cong nhan)?$/;

export function normalizeRecognition(value: string): 'recognised' | 'notRecognised' | 'registered' | null {
  const k = headerKey(value);
  if (!k && !value.trim()) return null;
  if (NOT_YET_REVIEWED.test(k)) return 'registered';
  if (isMark(value) || ['cong nhan', 'duoc cong nhan', 'dat', 'dat yeu cau', 'cong nhan dat'].includes(k)) return 'recognised';
  if (['khong', 'khong cong nhan', 'khong dat', 'chua dat', 'khong duoc cong nhan'].includes(k)) return 'notRecognised';
  return null;
}

/** dd/mm/yyyy (or d-m-yyyy, or ISO) → YYYY-MM-DD; null when it is not a date. */
export function parseDateText(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(v);
  let y: number, mo: number, d: number;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
    if (!m) return null;
    d = Number(m[1]);
    mo = Number(m[2]);
    y = Number(m[3]);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Unit names compared without the organisation-type words ("Đảng ủy xã X" ~ "Đảng bộ xã X"). */
export function unitCoreKey(name: string): string {
  return headerKey(name)
    .replace(/^(dang uy|dang bo|chi bo|chi uy|ban chap hanh dang bo)\s+/, '')
    .trim();
}

/** Catalogue values compared without a leading number ("1. Xây dựng Đảng…" ~ "Xây dựng Đảng…"). */
export function catalogKey(value: string): string {
  return headerKey(value.replace(/^\s*(\d+|[ivxlc]+)\s*[.)/:-]\s*/i, ''));
}
