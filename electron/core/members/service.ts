import type { AppContext } from '../context';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localToday } from '../clock';
import { AppError, notFound } from '../errors';
import { foldText, personSortKey } from '../../../shared/text/vietnamese';
import { MEMBER_ROLES, type Assignment, type Member, type MemberFieldsInput, type MemberListItem, type MemberRole } from '../../../shared/schemas/members';
import { matchesWords, nullable, queryWords, withTrx, type WriteCtx } from '../db/write';
import { selectAllUnitRows } from '../units/repository';
import { unitTreeIndex } from '../units/service';
import {
  insertAssignmentRow,
  insertMemberRow,
  selectAssignmentIdsDeletedAt,
  selectAssignmentRow,
  selectAssignmentRows,
  selectMemberRow,
  selectMemberRows,
  updateAssignmentRow,
  updateMemberRow,
  type AssignmentJoinedRow,
  type MemberRow,
} from './repository';

/*
 * Committee members (thành viên BCĐ, Tổ giúp việc) and their assignments (phân công phụ trách):
 * which member follows which unit over which period. People sort by given name (personSortKey).
 */


export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    fullName: row.full_name,
    role: row.role as MemberRole,
    position: row.position,
    agency: row.agency,
    phone: row.phone,
    email: row.email,
    termFrom: row.term_from,
    termTo: row.term_to,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

function toAssignment(row: AssignmentJoinedRow): Assignment {
  return {
    id: row.id,
    memberId: row.member_id,
    memberName: row.full_name,
    memberRole: row.role as MemberRole,
    unitId: row.unit_id,
    unitName: row.unit_name,
    fromDate: row.from_date,
    toDate: row.to_date,
    note: row.note,
  };
}

const searchTextOf = (m: { full_name: string; position: string | null; agency: string | null; phone: string | null }) =>
  foldText([m.full_name, m.position, m.agency, m.phone].filter(Boolean).join(' '));

/** Rank of a role in printed lists (Trưởng ban first). */
export const roleRank = (role: string) => {
  const i = (MEMBER_ROLES as readonly string[]).indexOf(role);
  return i < 0 ? MEMBER_ROLES.length : i;
};

/** One member (deleted ones too, so old minutes still show their name), or null. */
export async function getMember(db: Db, memberId: string): Promise<Member | null> {
  const row = await selectMemberRow(db, memberId);
  return row ? toMember(row) : null;
}

export interface ListMembersOptions {
  search?: string | undefined;
  role?: MemberRole | undefined;
  deletedOnly?: boolean | undefined;
  /** 'name' (default): by given name, then middle and family names; 'role': by role, then name. */
  order?: 'name' | 'role' | undefined;
}

/** Members with the names of the units they follow on `today`. */
export async function listMembers(db: Db, opts: ListMembersOptions = {}, today?: string): Promise<MemberListItem[]> {
  const rows = await selectMemberRows(db, { deletedOnly: opts.deletedOnly ?? false, role: opts.role });
  const words = queryWords(opts.search);
  const date = today ?? new Date().toISOString().slice(0, 10);
  const units = new Map<string, string[]>();
  const index = await unitTreeIndex(db);
  const current = (await selectAssignmentRows(db, { onDate: date })).sort((a, b) => (index.get(a.unit_id) ?? 0) - (index.get(b.unit_id) ?? 0));
  for (const a of current) {
    const list = units.get(a.member_id) ?? [];
    list.push(a.unit_name);
    units.set(a.member_id, list);
  }
  let filtered = rows.filter((r) => matchesWords(r.search_text, words));
  if (opts.order === 'role') {
    filtered = [...filtered].sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.sort_order - b.sort_order || (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0));
  }
  return filtered.map((r) => ({ ...toMember(r), unitNames: units.get(r.id) ?? [] }));
}

/** A live member whose full name folds to the same text ("Nguyen Van Dung" finds "Nguyễn Văn Dũng"). */
export async function findMemberByFoldedName(db: Db, name: string): Promise<Member | null> {
  const wanted = foldText(name);
  if (!wanted) return null;
  const hit = (await selectMemberRows(db)).find((r) => foldText(r.full_name) === wanted);
  return hit ? toMember(hit) : null;
}

async function requireMember(db: Db, id: string): Promise<MemberRow> {
  const row = await selectMemberRow(db, id);
  if (!row || row.deleted_at) throw notFound('thành viên');
  return row;
}

/** Creates a member inside the caller's transaction (imports, the wizard). */
export async function insertMember(trx: Db, ctx: Pick<AppContext, 'actor' | 'clock'>, input: MemberFieldsInput & { fullName: string; role: MemberRole }): Promise<Member> {
  const at = isoNow(ctx.clock);
  const row = {
    id: newId(),
    full_name: input.fullName,
    role: input.role,
    position: nullable(input.position),
    agency: nullable(input.agency),
    phone: nullable(input.phone),
    email: nullable(input.email),
    term_from: nullable(input.termFrom),
    term_to: nullable(input.termTo),
    sort_order: roleRank(input.role),
    search_text: '',
    sort_key: personSortKey(input.fullName),
    created_at: at,
    updated_at: at,
    deleted_at: null,
  };
  row.search_text = searchTextOf(row);
  await insertMemberRow(trx, row);
  const member = toMember(row);
  await recordAudit(trx, ctx.actor, at, { entity: 'member', entityId: member.id, action: 'create', after: member });
  return member;
}

export async function createMember(ctx: WriteCtx, input: MemberFieldsInput & { fullName: string; role: MemberRole }): Promise<Member> {
  return withTrx(ctx.db, (trx) => insertMember(trx, ctx, input));
}

export async function updateMember(ctx: WriteCtx, id: string, patch: Partial<MemberFieldsInput>): Promise<Member> {
  return withTrx(ctx.db, async (trx) => {
    const before = await requireMember(trx, id);
    const pick = <K extends keyof MemberFieldsInput>(key: K, current: string | null) =>
      patch[key] === undefined ? current : nullable(patch[key] as string | null);
    const fullName = patch.fullName ?? before.full_name;
    const role = patch.role ?? before.role;
    const termFrom = pick('termFrom', before.term_from);
    const termTo = pick('termTo', before.term_to);
    if (termFrom && termTo && termFrom > termTo) {
      throw new AppError('VALIDATION', 'Ngày kết thúc phải sau ngày bắt đầu tham gia.', { termTo: 'Ngày kết thúc phải sau ngày bắt đầu tham gia.' });
    }
    const at = isoNow(ctx.clock);
    const next = {
      full_name: fullName,
      role,
      position: pick('position', before.position),
      agency: pick('agency', before.agency),
      phone: pick('phone', before.phone),
      email: pick('email', before.email),
      term_from: termFrom,
      term_to: termTo,
      sort_order: roleRank(role),
      sort_key: personSortKey(fullName),
      search_text: '',
      updated_at: at,
    };
    next.search_text = searchTextOf(next);
    await updateMemberRow(trx, id, next);
    const after = toMember({ ...before, ...next });
    await recordAudit(trx, ctx.actor, at, { entity: 'member', entityId: id, action: 'update', before: toMember(before), after });
    return after;
  });
}

/** Soft-deletes a member and their live assignments (restored together). */
export async function deleteMember(ctx: WriteCtx, id: string): Promise<Member> {
  return withTrx(ctx.db, async (trx) => {
    const before = await requireMember(trx, id);
    const at = isoNow(ctx.clock);
    for (const a of await selectAssignmentRows(trx, { memberId: id })) {
      await updateAssignmentRow(trx, a.id, { deleted_at: at, updated_at: at });
      await recordAudit(trx, ctx.actor, at, { entity: 'member_assignment', entityId: a.id, action: 'delete', before: toAssignment(a), note: 'Xóa theo thành viên' });
    }
    await updateMemberRow(trx, id, { deleted_at: at, updated_at: at });
    const after = toMember({ ...before, deleted_at: at, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'member', entityId: id, action: 'delete', before: toMember(before), after });
    return after;
  });
}

export async function restoreMember(ctx: WriteCtx, id: string): Promise<Member> {
  return withTrx(ctx.db, async (trx) => {
    const before = await selectMemberRow(trx, id);
    if (!before) throw notFound('thành viên');
    if (!before.deleted_at) return toMember(before);
    const at = isoNow(ctx.clock);
    // Assignments deleted together with the member (same instant) come back with them.
    for (const a of await selectAssignmentIdsDeletedAt(trx, id, before.deleted_at)) await updateAssignmentRow(trx, a.id, { deleted_at: null, updated_at: at });
    await updateMemberRow(trx, id, { deleted_at: null, updated_at: at });
    const after = toMember({ ...before, deleted_at: null, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'member', entityId: id, action: 'restore', before: toMember(before), after });
    return after;
  });
}

export interface AssignInput {
  memberId: string;
  unitIds: string[];
  fromDate?: string | null | undefined;
  toDate?: string | null | undefined;
  note?: string | null | undefined;
  replace?: boolean | undefined;
}

/**
 * Phân công phụ trách: the member follows each unit over [fromDate, toDate]. A unit the member
 * already follows has its period updated rather than duplicated. With `replace`, live assignments
 * to units not in the list are ended (soft-deleted, audited).
 */
export async function assignUnits(ctx: WriteCtx, input: AssignInput): Promise<Assignment[]> {
  return withTrx(ctx.db, async (trx) => {
    await requireMember(trx, input.memberId);
    const units = new Map((await selectAllUnitRows(trx)).map((u) => [u.id, u]));
    const missing = input.unitIds.filter((id) => !units.has(id));
    if (missing.length) throw new AppError('NOT_FOUND', `Không tìm thấy ${missing.length} đơn vị được chọn (có thể đã bị xóa).`, { unitIds: 'Có đơn vị không còn tồn tại.' });
    const at = isoNow(ctx.clock);
    const existing = await selectAssignmentRows(trx, { memberId: input.memberId });
    const wanted = new Set(input.unitIds);
    for (const a of existing) {
      if (wanted.has(a.unit_id)) {
        const patch = { from_date: nullable(input.fromDate), to_date: nullable(input.toDate), note: nullable(input.note), updated_at: at };
        if (patch.from_date !== a.from_date || patch.to_date !== a.to_date || patch.note !== a.note) {
          await updateAssignmentRow(trx, a.id, patch);
          await recordAudit(trx, ctx.actor, at, { entity: 'member_assignment', entityId: a.id, action: 'update', before: toAssignment(a), after: patch });
        }
        wanted.delete(a.unit_id);
      } else if (input.replace) {
        await updateAssignmentRow(trx, a.id, { deleted_at: at, updated_at: at });
        await recordAudit(trx, ctx.actor, at, { entity: 'member_assignment', entityId: a.id, action: 'delete', before: toAssignment(a), note: 'Phân công lại' });
      }
    }
    for (const unitId of input.unitIds) {
      if (!wanted.has(unitId)) continue;
      wanted.delete(unitId);
      const row = {
        id: newId(),
        member_id: input.memberId,
        unit_id: unitId,
        from_date: nullable(input.fromDate),
        to_date: nullable(input.toDate),
        note: nullable(input.note),
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
      await insertAssignmentRow(trx, row);
      await recordAudit(trx, ctx.actor, at, { entity: 'member_assignment', entityId: row.id, action: 'create', after: row });
    }
    return (await selectAssignmentRows(trx, { memberId: input.memberId })).map(toAssignment);
  });
}

export async function listAssignments(
  db: Db,
  opts: { memberId?: string | undefined; unitId?: string | undefined; onDate?: string | null | undefined } = {},
): Promise<Assignment[]> {
  const index = await unitTreeIndex(db);
  const rows = await selectAssignmentRows(db, opts);
  // Members in name order, each one's units parent-first (the order of the tree).
  return rows
    .sort((a, b) => (a.member_sort_key < b.member_sort_key ? -1 : a.member_sort_key > b.member_sort_key ? 1 : 0) || (index.get(a.unit_id) ?? 0) - (index.get(b.unit_id) ?? 0))
    .map(toAssignment);
}

export async function removeAssignment(ctx: WriteCtx, id: string): Promise<void> {
  await withTrx(ctx.db, async (trx) => {
    const row = await selectAssignmentRow(trx, id);
    if (!row || row.deleted_at) throw notFound('phân công');
    const at = isoNow(ctx.clock);
    await updateAssignmentRow(trx, id, { deleted_at: at, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'member_assignment', entityId: id, action: 'delete', before: row });
  });
}

export const todayOf = (ctx: Pick<AppContext, 'clock'>) => localToday(ctx.clock);

/** Adds many members in one transaction (the wizard's quick list); a name already listed is skipped. */
export async function createMembers(ctx: WriteCtx, items: Array<MemberFieldsInput & { fullName: string; role: MemberRole }>): Promise<{ created: number; skipped: number }> {
  return withTrx(ctx.db, async (trx) => {
    let created = 0;
    let skipped = 0;
    for (const item of items) {
      if (await findMemberByFoldedName(trx, item.fullName)) {
        skipped++;
        continue;
      }
      await insertMember(trx, ctx, item);
      created++;
    }
    return { created, skipped };
  });
}
