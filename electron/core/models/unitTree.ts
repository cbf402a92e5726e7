import type { UnitLite } from './repository';

/*
 * Pure helpers over the unit tree for the register: subtree filters (with units merged into the
 * subtree) and the roll-up of statistics to the subordinate organisations (đảng bộ trực thuộc,
 * the top-level units) valid in a year.
 */

export class UnitTree {
  readonly byId = new Map<string, UnitLite>();
  private readonly children = new Map<string, string[]>();
  private readonly mergedFrom = new Map<string, string[]>();

  constructor(readonly units: UnitLite[]) {
    for (const u of units) {
      this.byId.set(u.id, u);
      if (u.parent_id) push(this.children, u.parent_id, u.id);
      if (u.merged_into_id) push(this.mergedFrom, u.merged_into_id, u.id);
    }
  }

  name(id: string): string {
    return this.byId.get(id)?.name ?? '(đơn vị đã xóa)';
  }

  /** The unit, its descendants, and every unit merged into any of them (their old records belong here). */
  subtree(id: string, includeSubunits = true): string[] {
    const out = new Set<string>();
    const stack = [id];
    while (stack.length) {
      const cur = stack.pop()!;
      if (out.has(cur)) continue;
      out.add(cur);
      if (includeSubunits) stack.push(...(this.children.get(cur) ?? []));
      stack.push(...(this.mergedFrom.get(cur) ?? []));
    }
    return [...out];
  }

  /** The unit that records of `year` count for: follows mergers that happened before that year. */
  current(id: string, year: number): string {
    let cur = id;
    const seen = new Set<string>();
    for (;;) {
      if (seen.has(cur)) return cur;
      seen.add(cur);
      const u = this.byId.get(cur);
      if (!u?.merged_into_id) return cur;
      const closed = u.valid_to ? Number(u.valid_to.slice(0, 4)) : null;
      if (closed !== null && year <= closed) return cur;
      cur = u.merged_into_id;
    }
  }

  /** Top-level units live in `year` (the N of "10/11 đảng bộ đã họp xét"), in the user's order. */
  subordinates(year: number): UnitLite[] {
    const start = `${year}-12-31`;
    const end = `${year}-01-01`;
    return this.units.filter(
      (u) =>
        !u.parent_id &&
        !u.deleted_at &&
        (!u.valid_from || u.valid_from <= start) &&
        (!u.valid_to || u.valid_to >= end) &&
        !(u.merged_into_id && u.valid_to && Number(u.valid_to.slice(0, 4)) < year),
    );
  }

  /** Whether records of `unitId` in `year` count under `rootId` (its subtree, mergers applied for that year). */
  belongsTo(unitId: string, rootId: string, year: number): boolean {
    let cur = this.current(unitId, year);
    const seen = new Set<string>();
    while (!seen.has(cur)) {
      if (cur === rootId) return true;
      seen.add(cur);
      const parent = this.byId.get(cur)?.parent_id;
      if (!parent) return false;
      cur = this.current(parent, year);
    }
    return false;
  }

  /** The subordinate organisation a record of `unitId` rolls up to in `year`. */
  rollUp(unitId: string, year: number, subordinateIds: Set<string>): string {
    let cur = this.current(unitId, year);
    const seen = new Set<string>();
    while (!subordinateIds.has(cur)) {
      if (seen.has(cur)) break;
      seen.add(cur);
      const u = this.byId.get(cur);
      if (!u?.parent_id) break;
      cur = this.current(u.parent_id, year);
    }
    return cur;
  }
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
