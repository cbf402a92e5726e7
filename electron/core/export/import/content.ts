/*
 * Mapping by header *and* content, for every list the app imports (units, members, models, QCDC
 * roll-ups). Header words alone go wrong on real lists: a column of review results headed "Kết quả"
 * reads like "Sản phẩm, kết quả", and a unit column under a common heading ("Tỉnh Bắc Kạn") names no
 * field at all. A domain declares, per field, what its values look like; this module then
 *  - drops a header mapping whose column holds values that contradict the field, and
 *  - lets a field claim a column whose values are unmistakably its own (statuses, kinds, known unit
 *    names) when the header gave it nothing better,
 * and says why for each decision, so the preview can show the evidence.
 */

export interface ContentRule {
  /** Whether a value is acceptable in this field; a column that is mostly not is a contradiction. */
  accepts?: (value: string) => boolean;
  /** Whether a value is unmistakably this field's (strong enough to map a column on content alone). */
  claims?: (value: string) => boolean;
}

export interface ContentEvidence {
  field: string;
  column: number;
  decision: 'dropped' | 'claimed';
  /** Share of the column's non-empty sample values that decided it (0–1). */
  share: number;
  samples: string[];
}

/** Below this share of acceptable values a header mapping is contradicted by its column. */
const CONTRADICTED_BELOW = 0.5;
/** At least this share of values must be claimed for a column to be mapped by content. */
const CLAIM_AT_LEAST = 0.8;
/** Fewer non-empty sample values than this prove nothing either way. */
const MIN_SAMPLES = 2;

function share(values: string[], test: (v: string) => boolean): number {
  if (!values.length) return 0;
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n / values.length;
}

/**
 * Refines a header-based mapping (field → column) with the columns' sample values.
 * `columns[j]` holds column j's non-empty sample values; `rules` the fields that have content rules;
 * `locked` fields (e.g. the model name) neither lose their column nor give it up to a claim.
 */
export function refineMappingByContent<K extends string>(
  mapping: Partial<Record<K, number | null>>,
  columns: string[][],
  rules: Partial<Record<K, ContentRule>>,
  locked: readonly K[] = [],
): { mapping: Partial<Record<K, number | null>>; evidence: ContentEvidence[] } {
  const out: Partial<Record<K, number | null>> = { ...mapping };
  const evidence: ContentEvidence[] = [];
  const entries = Object.entries(rules) as Array<[K, ContentRule]>;
  // 1. Contradictions: the header said so, the content says otherwise.
  for (const [field, rule] of entries) {
    const col = out[field];
    if (typeof col !== 'number' || !rule.accepts || locked.includes(field)) continue;
    const values = columns[col] ?? [];
    if (values.length < MIN_SAMPLES) continue;
    const s = share(values, rule.accepts);
    if (s < CONTRADICTED_BELOW) {
      delete out[field];
      evidence.push({ field, column: col, decision: 'dropped', share: s, samples: values.slice(0, 3) });
    }
  }
  // 2. Claims: a field without a column takes the column whose content is its own — a free column,
  //    or one the header gave to a field without content rules (free text such as "Sản phẩm, kết quả").
  const owner = new Map<number, K>();
  for (const [field, col] of Object.entries(out) as Array<[K, number | null | undefined]>) if (typeof col === 'number') owner.set(col, field);
  for (const [field, rule] of entries) {
    if (!rule.claims || typeof out[field] === 'number') continue;
    let best: { col: number; share: number } | null = null;
    columns.forEach((values, col) => {
      const current = owner.get(col);
      if (current !== undefined && (rules[current] !== undefined || locked.includes(current))) return;
      if (values.length < MIN_SAMPLES) return;
      const s = share(values, rule.claims!);
      if (s >= CLAIM_AT_LEAST && (!best || s > best.share)) best = { col, share: s };
    });
    if (!best) continue;
    const { col, share: s } = best as { col: number; share: number };
    const previous = owner.get(col);
    if (previous !== undefined) delete out[previous];
    out[field] = col;
    owner.set(col, field);
    evidence.push({ field, column: col, decision: 'claimed', share: s, samples: (columns[col] ?? []).slice(0, 3) });
  }
  return { mapping: out, evidence };
}

/** Non-empty values of each column in the first `limit` data rows (for refineMappingByContent). */
export function sampleColumns(rows: readonly string[][], width: number, limit = 200): string[][] {
  const cols: string[][] = Array.from({ length: width }, () => []);
  for (const r of rows.slice(0, limit)) {
    for (let j = 0; j < width; j++) {
      const v = (r[j] ?? '').trim();
      if (v) cols[j]!.push(v);
    }
  }
  return cols;
}
