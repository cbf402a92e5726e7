/**
 * Pure QCDC rules shared by the services: the dates a period covers, which indicators a loại
 * hình uses, how a figure is checked and stored, ratios, and which unit a figure counts under
 * once units merge.
 */
import { AppError } from '../errors';
import type { FigureValue, Indicator, IndicatorKind, IndicatorSource, QcdcPeriod } from '../../../shared/schemas/qcdc';
import type { QcdcType } from '../../../shared/schemas/units';
import type { IndicatorRow, RegisterCounts, UnitLite } from './repository';

/** A six-month report covers January–June; the annual and thematic ones the whole year. */
export function periodRange(year: number, period: QcdcPeriod): { from: string; to: string } {
  return { from: `${year}-01-01`, to: period === 'six_month' ? `${year}-06-30` : `${year}-12-31` };
}

export function toIndicator(row: IndicatorRow, history: Indicator['history'] = []): Indicator {
  return {
    id: row.id,
    qcdcType: row.qcdc_type as QcdcType | null,
    code: row.code,
    name: row.name,
    kind: row.kind as IndicatorKind,
    source: row.source as IndicatorSource,
    numeratorId: row.numerator_id,
    denominatorId: row.denominator_id,
    unitLabel: row.unit_label,
    legalBasis: row.legal_basis,
    position: row.position,
    active: row.active === 1,
    readOnly: row.source !== 'typed' || row.kind === 'ratio',
    history,
  };
}

/** The indicators a loại hình reports: its own first, then those of every loại hình, each in order. */
export function indicatorsOfType<T extends Pick<IndicatorRow, 'qcdc_type' | 'position'>>(rows: readonly T[], type: string): T[] {
  const own = rows.filter((r) => r.qcdc_type === type).sort((a, b) => a.position - b.position);
  const common = rows.filter((r) => r.qcdc_type === null).sort((a, b) => a.position - b.position);
  return [...own, ...common];
}

export interface StoredValue {
  num_value: number | null;
  text_value: string | null;
}

/** A typed figure → its stored columns; a wrong type is a Vietnamese error on `field`. */
export function storedValue(kind: string, name: string, value: FigureValue, field: string): StoredValue | null {
  if (value === null || value === '') return null;
  const bad = (message: string) => new AppError('VALIDATION', `${name}: ${message}`, { [field]: message });
  if (kind === 'count') {
    const n = typeof value === 'string' ? Number(value.replace(/[.\s]/g, '').replace(',', '.')) : value;
    if (typeof n !== 'number' || !Number.isFinite(n) || !Number.isInteger(n) || n < 0) throw bad('cần một số nguyên không âm.');
    if (n > 1e12) throw bad('số quá lớn.');
    return { num_value: n, text_value: null };
  }
  if (kind === 'yesno') {
    if (typeof value === 'boolean') return { num_value: value ? 1 : 0, text_value: null };
    throw bad('cần chọn có hoặc không.');
  }
  if (kind === 'text') {
    if (typeof value !== 'string') throw bad('cần một đoạn chữ.');
    const t = value.normalize('NFC').trim();
    if (t.length > 1000) throw bad('không được dài quá 1000 ký tự.');
    return t ? { num_value: null, text_value: t } : null;
  }
  throw bad('chỉ tiêu tỷ lệ được tính tự động, không nhập.');
}

/** Stored columns → the value the contract shows for the kind. */
export function shownValue(kind: string, num: number | null, text: string | null): FigureValue {
  if (kind === 'yesno') return num === null ? null : num > 0;
  if (kind === 'text') return text;
  return num;
}

/** A percentage with one decimal; null when there is nothing to divide by. */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** The figure a register gives for a counted indicator. */
export function countedValue(source: string, c: RegisterCounts | undefined): number {
  if (!c) return 0;
  switch (source) {
    case 'dialogues.count':
      return c.dialogues;
    case 'dialogues.opinionsRaised':
      return c.raised;
    case 'dialogues.opinionsAnswered':
      return c.answered;
    case 'dialogues.opinionsPassedOn':
      return c.passedOn;
    case 'dialogues.publishedOnTime':
      return c.publishedOnTime;
    case 'supervisions.count':
      return c.supervisions;
    case 'trainings.count':
      return c.trainings;
    case 'trainings.trainees':
      return c.trainees;
    default:
      return 0;
  }
}

/** Whether a unit existed during [from, to]. */
export function aliveIn(u: Pick<UnitLite, 'valid_from' | 'valid_to'>, from: string, to: string): boolean {
  return (u.valid_from === null || u.valid_from <= to) && (u.valid_to === null || u.valid_to >= from);
}

/**
 * The unit a figure of [from, …] counts under: a unit merged into another and closed before the
 * period began counts under its successor (followed along a chain of merges); otherwise itself.
 */
export function successorResolver(units: ReadonlyMap<string, UnitLite>, from: string): (id: string) => string {
  const cache = new Map<string, string>();
  return (id) => {
    const hit = cache.get(id);
    if (hit) return hit;
    let current = id;
    for (let hops = 0; hops < 20; hops++) {
      const u = units.get(current);
      if (!u || !u.merged_into_id || u.valid_to === null || u.valid_to >= from) break;
      current = u.merged_into_id;
    }
    cache.set(id, current);
    return current;
  };
}
