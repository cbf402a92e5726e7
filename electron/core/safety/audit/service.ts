import type { AuditFilter, AuditItem } from '../../../../shared/schemas/audit';
import type { AppContext } from '../../context';
import type { JobReporter } from '../../jobs/jobs';
import { writeTableXlsx } from '../../export/xlsx';
import { formatNumber } from '../../../../shared/text/format';
import { actionLabel, entityLabel, fieldLabel, TECHNICAL_FIELDS } from '../labels';
import { distinctEntities, distinctUsers, listAudit, type AuditRow } from './repository';
import { XLSX_MIME } from '../../export/mime';

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function parse(json: string | null): unknown {
  if (json == null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** before → after as a list of changed fields; technical columns (search keys, hashes) left out. */
export function diff(beforeJson: string | null, afterJson: string | null): AuditItem['changes'] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !TECHNICAL_FIELDS.has(k));
    const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    return keys
      .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
      .filter((k) => !(empty(b[k]) && empty(a[k]))) // null → undefined is no change to a reader
      .map((k) => ({ field: k, label: fieldLabel(k), before: show(b[k]), after: show(a[k]) }));
  }
  if (before === undefined && after === undefined) return [];
  return [{ field: '(giá trị)', label: 'Giá trị', before: show(before), after: show(after) }];
}

function toItem(r: AuditRow): AuditItem {
  return {
    id: r.id,
    seq: r.seq,
    at: r.at,
    user: r.user_name,
    entity: r.entity,
    entityLabel: entityLabel(r.entity),
    entityId: r.entity_id,
    action: r.action,
    actionLabel: actionLabel(r.action),
    changes: diff(r.before_json, r.after_json),
    note: r.note,
  };
}

export async function listAuditLog(ctx: AppContext, filter: AuditFilter, limit: number, offset: number) {
  const { rows, total } = await listAudit(ctx.db, filter, limit, offset);
  const entities = await distinctEntities(ctx.db);
  return {
    items: rows.map(toItem),
    total,
    users: await distinctUsers(ctx.db),
    entities: entities.map((e) => ({ entity: e, label: entityLabel(e) })),
  };
}

const VN_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** dd/mm/yyyy hh:mm:ss in Vietnam time. */
export function formatAt(iso: string): string {
  const parts = Object.fromEntries(VN_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * The filtered log as XLSX through the shared streaming writer (electron/core/export/xlsx), one
 * row per changed field so before → after reads across, up to 200,000 entries. Cells are written
 * as text, so a value that starts with "=" stays text and is never a formula.
 */
export async function exportAuditXlsx(ctx: AppContext, filter: AuditFilter, job?: JobReporter) {
  const pageSize = 2000;
  const { total } = await listAudit(ctx.db, filter, 1, 0);
  const limit = Math.min(total, 200_000);
  async function* rows() {
    for (let offset = 0; offset < limit; offset += pageSize) {
      const { rows: page } = await listAudit(ctx.db, filter, pageSize, offset);
      for (const r of page) {
        const item = toItem(r);
        const base = { at: formatAt(item.at), user: item.user, entity: item.entityLabel, entityId: item.entityId, action: item.actionLabel, note: item.note ?? '' };
        if (item.changes.length === 0) yield { ...base, field: '', before: '', after: '' };
        for (const c of item.changes) yield { ...base, field: c.label, before: c.before ?? '', after: c.after ?? '' };
      }
      await job?.progress('Đang xuất nhật ký', Math.min(offset + pageSize, limit), limit);
    }
  }
  const now = formatAt(ctx.clock.now().toISOString());
  const bytes = await writeTableXlsx({
    sheetName: 'Nhật ký thay đổi',
    title: { title: 'Nhật ký thay đổi dữ liệu', subtitle: `Xuất lúc ${now}; ${formatNumber(total)} thay đổi khớp bộ lọc` },
    columns: [
      { header: 'Thời gian', key: 'at', width: 20 },
      { header: 'Người thực hiện', key: 'user', width: 22 },
      { header: 'Loại dữ liệu', key: 'entity', width: 24 },
      { header: 'Mã bản ghi', key: 'entityId', width: 38 },
      { header: 'Thao tác', key: 'action', width: 22 },
      { header: 'Trường', key: 'field', width: 22 },
      { header: 'Trước', key: 'before', width: 40 },
      { header: 'Sau', key: 'after', width: 40 },
      { header: 'Ghi chú', key: 'note', width: 30 },
    ],
    rows: rows(),
    rowCount: limit,
  });
  const stamp = now.slice(0, 10).split('/').reverse().join('-');
  return {
    fileName: `nhat-ky-thay-doi-${stamp}.xlsx`,
    mimeType: XLSX_MIME,
    bytes,
  };
}
