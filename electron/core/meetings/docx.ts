/** DOCX of a Party document: waits for the shared builder (electron/core/export/docx). */
import type { PartyDocument } from '../export/document';
import { AppError } from '../errors';

export async function partyDocx(_doc: PartyDocument): Promise<Uint8Array> {
  throw new AppError('UNAVAILABLE', 'Chưa xuất được tệp Word (DOCX) ở phiên bản này.');
}
