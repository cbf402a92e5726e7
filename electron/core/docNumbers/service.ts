import type { AppContext } from '../context';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow } from '../clock';
import { AppError, notFound } from '../errors';
import { getProfile } from '../settings/service';
import { foldText } from '../../../shared/text/vietnamese';
import { formatDate } from '../../../shared/text/format';
import type { DocNumber } from '../../../shared/schemas/docNumbers';
import { listCatalog } from '../catalogs/service';
import { matchesWords, queryWords, withTrx, type WriteCtx } from '../db/write';
import {
  insertDocNumberRow,
  maxNumber,
  selectDocNumberRow,
  selectDocNumberRows,
  selectIssued,
  selectTerms,
  updateDocNumberRow,
  type DocNumberRow,
} from './repository';

/*
 * Document numbers (Hướng dẫn 36-HD/VPTW as practised by BCĐs): each document kind is numbered
 * from 01 through the Party committee's TERM (nhiệm kỳ, from settings), not per year. A new term
 * label in the settings restarts every kind at 01. The user may type a number instead; a number
 * already issued in the same kind and term is refused with a CONFLICT unless `allowDuplicate`.
 */

/** "05-BB/BCĐ": two digits at least, kind code, committee code. */
export function formatDocNumber(number: number, kindCode: string, committeeCode: string): string {
  return `${String(number).padStart(2, '0')}-${kindCode}/${committeeCode}`;
}

export function toDocNumber(row: DocNumberRow, kindName: string | null = null): DocNumber {
  return {
    id: row.id,
    kindCode: row.kind_code,
    kindName,
    termLabel: row.term_label,
    number: row.number,
    numberText: row.number_text,
    issuedDate: row.issued_date,
    entity: row.entity,
    entityId: row.entity_id,
    summary: row.summary,
    manual: row.manual === 1,
    createdAt: row.created_at,
    cancelledAt: row.cancelled_at,
  };
}

/** The document kind's code as the catalogue spells it ("qd", "QD" → "QĐ"); a VALIDATION error when unknown. */
async function resolveKind(db: Db, kindCode: string): Promise<{ code: string; name: string }> {
  const wanted = foldText(kindCode);
  const kinds = await listCatalog(db, 'documentKind', { includeInactive: true });
  const hit = kinds.find((k) => k.code !== null && foldText(k.code) === wanted && k.code === kindCode) ?? kinds.find((k) => k.code !== null && foldText(k.code) === wanted);
  if (!hit?.code) {
    const message = `Loại văn bản "${kindCode}" chưa có trong danh mục loại văn bản.`;
    throw new AppError('VALIDATION', message, { kindCode: message });
  }
  return { code: hit.code, name: hit.name };
}

async function termOf(db: Db): Promise<{ termLabel: string; committeeCode: string; startYear: number; endYear: number }> {
  const profile = await getProfile({ db: db as AppContext['db'] });
  return { termLabel: profile.termLabel, committeeCode: profile.committeeCode, startYear: profile.termStartYear, endYear: profile.termEndYear };
}

/**
 * The number the next document of this kind would get now; reserves nothing. With a date,
 * `outsideTerm` says the date's year is outside the term of the settings (time to set the new term).
 */
export async function previewNextDocNumber(
  db: Db,
  kindCode: string,
  date?: string | null,
): Promise<{ number: number; numberText: string; termLabel: string; outsideTerm: boolean }> {
  const kind = await resolveKind(db, kindCode);
  const { termLabel, committeeCode, startYear, endYear } = await termOf(db);
  const number = (await maxNumber(db, kind.code, termLabel)) + 1;
  const year = date ? Number(date.slice(0, 4)) : null;
  return { number, numberText: formatDocNumber(number, kind.code, committeeCode), termLabel, outsideTerm: year !== null && (year < startYear || year > endYear) };
}

export interface ReserveDocNumberInput {
  kindCode: string;
  /** Date of the document (YYYY-MM-DD). */
  date: string;
  /** What the number belongs to, e.g. 'meeting' / meeting id, for the register's links. */
  entity?: string | null | undefined;
  entityId?: string | null | undefined;
  summary?: string | null | undefined;
  /** A number typed by the user instead of the next one. */
  manualNumber?: number | null | undefined;
  /** The user confirmed a duplicate manual number. */
  allowDuplicate?: boolean | undefined;
}

/**
 * Issues a number inside the caller's transaction (meetings and plans call this in their own
 * transaction, so the number and the document are saved together or not at all).
 * Throws CONFLICT (fields.manualNumber) when a manual number is already issued, unless allowDuplicate.
 */
export async function reserveDocNumber(trx: Db, ctx: Pick<AppContext, 'actor' | 'clock'>, input: ReserveDocNumberInput): Promise<DocNumber> {
  const kind = await resolveKind(trx, input.kindCode);
  const { termLabel, committeeCode } = await termOf(trx);
  let number: number;
  const manual = input.manualNumber != null;
  if (manual) {
    number = input.manualNumber!;
    const existing = await selectIssued(trx, kind.code, termLabel, number);
    if (existing && !input.allowDuplicate) {
      const where = [existing.summary ? `«${existing.summary}»` : null, existing.issued_date ? `ngày ${formatDate(existing.issued_date)}` : null]
        .filter(Boolean)
        .join(', ');
      const message = `Số ${existing.number_text} đã được cấp${where ? ` cho ${where}` : ''} trong nhiệm kỳ ${termLabel}. Vẫn dùng số này?`;
      throw new AppError('CONFLICT', message, { manualNumber: message });
    }
  } else {
    number = (await maxNumber(trx, kind.code, termLabel)) + 1;
  }
  const at = isoNow(ctx.clock);
  const row: DocNumberRow = {
    id: newId(),
    kind_code: kind.code,
    term_label: termLabel,
    number,
    number_text: formatDocNumber(number, kind.code, committeeCode),
    issued_date: input.date,
    entity: input.entity ?? null,
    entity_id: input.entityId ?? null,
    summary: input.summary ?? null,
    manual: manual ? 1 : 0,
    created_at: at,
    cancelled_at: null,
    cancel_reason: null,
  };
  await insertDocNumberRow(trx, row);
  const result = toDocNumber(row, kind.name);
  await recordAudit(trx, ctx.actor, at, { entity: 'doc_number', entityId: row.id, action: 'create', after: result });
  return result;
}

/** Channel form: its own transaction. */
export async function reserveDocNumberStandalone(ctx: WriteCtx, input: ReserveDocNumberInput): Promise<DocNumber> {
  return withTrx(ctx.db, (trx) => reserveDocNumber(trx, ctx, input));
}

/** Cancels a number (a document withdrawn); it stays in the register and is not reused automatically. */
export async function cancelDocNumber(ctx: WriteCtx, id: string, reason?: string | null): Promise<DocNumber> {
  return withTrx(ctx.db, async (trx) => {
    const row = await selectDocNumberRow(trx, id);
    if (!row) throw notFound('số văn bản');
    if (row.cancelled_at) return toDocNumber(row);
    const at = isoNow(ctx.clock);
    await updateDocNumberRow(trx, id, { cancelled_at: at, cancel_reason: reason ?? null });
    const after = toDocNumber({ ...row, cancelled_at: at, cancel_reason: reason ?? null });
    await recordAudit(trx, ctx.actor, at, { entity: 'doc_number', entityId: id, action: 'cancel', before: toDocNumber(row), after, note: reason ?? null });
    return after;
  });
}

/** The register of numbers issued, newest first, and the terms present. */
export async function listDocNumbers(
  db: Db,
  opts: { kindCode?: string | undefined; termLabel?: string | undefined; search?: string | undefined; includeCancelled?: boolean | undefined },
): Promise<{ items: DocNumber[]; terms: string[] }> {
  const kinds = new Map((await listCatalog(db, 'documentKind', { includeInactive: true })).map((k) => [k.code ?? '', k.name]));
  const words = queryWords(opts.search);
  const rows = await selectDocNumberRows(db, opts);
  const items = rows
    .filter((r) => matchesWords(foldText(`${r.number_text} ${r.summary ?? ''} ${kinds.get(r.kind_code) ?? ''}`), words))
    .map((r) => toDocNumber(r, kinds.get(r.kind_code) ?? null));
  return { items, terms: await selectTerms(db) };
}
