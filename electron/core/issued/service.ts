/**
 * The issued-document store (issue #17). What the committee signed is kept exactly: the bytes of
 * every format issued (PDF and DOCX), their SHA-256, and the data snapshot they were rendered
 * from. Nothing here re-renders: exporting an issued version returns the stored bytes, so later
 * edits to settings, tasks, members or units can never change a paper already sent out.
 *
 * How a feature issues a numbered document (inside its own transaction, so the number, the record's
 * status and the stored files commit or roll back together):
 *
 *   const files = await renderIssuedFiles(ctx, doc, 'Biên bản số 01-BB-BCĐ ngày 16-12-2022');
 *   await issueDocument(trx, ctx, {
 *     docType: 'minutes', ownerType: 'meeting', ownerId: meeting.id,
 *     numberText: meeting.numberText, title: doc.title, reason, snapshot: { meeting, profile }, files,
 *   });
 *
 * and, when asked for the document of an issued record: `latestIssued(...)` then `readIssuedFile`.
 * Versions grow per (ownerType, ownerId, ownerRef, docType); rows are immutable (database triggers).
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../context';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow } from '../clock';
import { AppError } from '../errors';
import type { FileResult } from '../../../shared/contract';
import { ISSUED_DOC_TYPE_LABELS, type IssuedFormat, type IssuedVersion } from '../../../shared/schemas/issued';
import type { PartyDocument } from '../export/document';
import { renderPartyPdf } from '../export/print';
import { buildPartyDocx } from '../export/docx';
import {
  findIssued,
  findIssuedFile,
  insertIssued,
  maxIssuedVersion,
  selectIssued,
  selectIssuedFileMeta,
  type IssuedFileMeta,
  type IssuedFilter,
  type IssuedRow,
} from './repository';

export const ISSUED_MIME: Record<IssuedFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface IssuedFileInput {
  format: IssuedFormat;
  fileName: string;
  bytes: Uint8Array;
}

export interface IssueInput {
  docType: string;
  ownerType: string;
  ownerId: string;
  /** A sub-record (lead unit of a trích thông báo, inspected unit); omitted = the whole owner. */
  ownerRef?: string;
  numberText: string | null;
  title: string;
  reason: string;
  /** Plain JSON data the files were rendered from; kept so an issued version can be explained later. */
  snapshot: unknown;
  files: readonly IssuedFileInput[];
}

type Ctx = Pick<AppContext, 'clock' | 'actor'>;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** PDF and DOCX of a document model, named `<stem>.pdf` / `<stem>.docx`, ready for `issueDocument`. */
export async function renderIssuedFiles(ctx: Pick<AppContext, 'platform'>, doc: PartyDocument, stem: string): Promise<IssuedFileInput[]> {
  const [pdf, docx] = await Promise.all([renderPartyPdf(ctx.platform, doc), buildPartyDocx(doc)]);
  return [
    { format: 'pdf', fileName: `${stem}.pdf`, bytes: pdf },
    { format: 'docx', fileName: `${stem}.docx`, bytes: docx },
  ];
}

function toVersion(row: IssuedRow, files: readonly IssuedFileMeta[]): IssuedVersion {
  return {
    id: row.id,
    docType: row.doc_type,
    docTypeLabel: ISSUED_DOC_TYPE_LABELS[row.doc_type] ?? row.doc_type,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    ownerRef: row.owner_ref,
    version: row.version,
    numberText: row.number_text,
    title: row.title,
    reason: row.reason,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    files: files
      .filter((f) => f.issued_id === row.id)
      .map((f) => ({ format: f.format === 'docx' ? 'docx' : 'pdf', fileName: f.file_name, mimeType: f.mime_type, sha256: f.sha256, size: f.size })),
  };
}

/** Stores a new version (next number for its key) with its files, and audits it. Call inside a transaction. */
export async function issueDocument(db: Db, ctx: Ctx, input: IssueInput): Promise<IssuedVersion> {
  if (input.files.length === 0) throw new AppError('VALIDATION', 'Văn bản ban hành phải có ít nhất một tệp (PDF hoặc Word).');
  const formats = new Set(input.files.map((f) => f.format));
  if (formats.size !== input.files.length) throw new AppError('VALIDATION', 'Mỗi định dạng của văn bản chỉ lưu một tệp.');
  for (const f of input.files) {
    if (f.bytes.byteLength === 0) throw new AppError('VALIDATION', `Tệp "${f.fileName}" rỗng; văn bản chưa được ban hành.`);
  }
  const ownerRef = input.ownerRef ?? '';
  const at = isoNow(ctx.clock);
  const version = (await maxIssuedVersion(db, { ownerType: input.ownerType, ownerId: input.ownerId, ownerRef, docType: input.docType })) + 1;
  const id = newId(ctx.clock.now().getTime());
  const row: IssuedRow = {
    id,
    doc_type: input.docType,
    owner_type: input.ownerType,
    owner_id: input.ownerId,
    owner_ref: ownerRef,
    version,
    number_text: input.numberText,
    title: input.title,
    reason: input.reason,
    snapshot_json: JSON.stringify(input.snapshot ?? null),
    issued_at: at,
    issued_by: ctx.actor.name,
  };
  const files = input.files.map((f) => ({
    id: newId(ctx.clock.now().getTime()),
    issued_id: id,
    format: f.format,
    file_name: f.fileName,
    mime_type: ISSUED_MIME[f.format],
    sha256: sha256(f.bytes),
    size: f.bytes.byteLength,
    bytes: f.bytes,
  }));
  await insertIssued(db, row, files);
  const issued = toVersion(row, files);
  // The audit keeps who issued what and the hashes; the bytes themselves stay in issued_files.
  await recordAudit(db, ctx.actor, at, { entity: 'issued_document', entityId: id, action: 'issue', after: issued, note: input.reason });
  return issued;
}

export async function listIssued(db: Db, filter: IssuedFilter): Promise<IssuedVersion[]> {
  const rows = await selectIssued(db, filter);
  const files = await selectIssuedFileMeta(db, rows.map((r) => r.id));
  return rows.map((r) => toVersion(r, files));
}

/** The newest issued version for a key, or null when the document was never issued. */
export async function latestIssued(db: Db, key: IssuedFilter & { docType: string }): Promise<IssuedVersion | null> {
  const all = await listIssued(db, { ...key, ownerRef: key.ownerRef ?? '' });
  return all.length ? all[all.length - 1]! : null;
}

export async function getIssued(db: Db, id: string): Promise<IssuedVersion> {
  const row = await findIssued(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản đã ban hành.');
  return toVersion(row, await selectIssuedFileMeta(db, [id]));
}

/** The snapshot an issued version was rendered from (as stored; callers know its shape by docType). */
export async function issuedSnapshot(db: Db, id: string): Promise<unknown> {
  const row = await findIssued(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản đã ban hành.');
  return JSON.parse(row.snapshot_json) as unknown;
}

/** The exact bytes issued, re-checked against the SHA-256 taken at issue. */
export async function readIssuedFile(db: Db, id: string, format: IssuedFormat): Promise<FileResult & { sha256: string }> {
  const row = await findIssuedFile(db, id, format);
  if (!row) {
    if (!(await findIssued(db, id))) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản đã ban hành.');
    throw new AppError('NOT_FOUND', `Văn bản này không được ban hành ở định dạng ${format.toUpperCase()}.`);
  }
  const bytes = row.bytes instanceof Uint8Array ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : new Uint8Array(row.bytes);
  if (sha256(bytes) !== row.sha256) {
    throw new AppError('CONFLICT', `Tệp "${row.file_name}" đã ban hành bị hỏng (mã băm không khớp); hãy phục hồi từ bản sao lưu.`);
  }
  return { fileName: row.file_name, mimeType: row.mime_type, bytes, sha256: row.sha256 };
}

export interface IssuedKey {
  docType: string;
  ownerType: string;
  ownerId: string;
  ownerRef?: string;
}

/**
 * Issues a document model as the next version for its key, PDF and DOCX: the first version needs no
 * reason ("Ban hành lần đầu"); a later one must say why it replaces the previous (VALIDATION, nothing
 * written). Call inside the transaction that also checks the record.
 */
export async function issueNextVersion(
  db: Db,
  ctx: Pick<AppContext, 'platform' | 'clock' | 'actor'>,
  key: IssuedKey,
  input: { doc: PartyDocument; stem: string; numberText: string | null; reason?: string | null | undefined; snapshot: unknown },
): Promise<IssuedVersion> {
  const previous = await latestIssued(db, key);
  const reason = input.reason?.trim() ?? '';
  if (previous && reason.length < 5) {
    throw new AppError('VALIDATION', `Văn bản đã ban hành bản ${previous.version}; cần ghi lý do ban hành lại (ít nhất 5 ký tự).`, { reason: 'Cần ghi lý do ban hành lại.' });
  }
  const files = await renderIssuedFiles(ctx, input.doc, input.stem);
  return issueDocument(db, ctx, {
    ...key,
    numberText: input.numberText,
    title: input.doc.title ?? input.stem,
    reason: previous ? reason : reason || 'Ban hành lần đầu',
    snapshot: input.snapshot,
    files,
  });
}

/** The newest issued file for a key and format, or null when the document was never issued. */
export async function latestIssuedFile(db: Db, key: IssuedKey, format: IssuedFormat): Promise<FileResult | null> {
  const v = await latestIssued(db, key);
  if (!v) return null;
  const { sha256: _hash, ...file } = await readIssuedFile(db, v.id, format);
  return file;
}
