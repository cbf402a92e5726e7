/** DOCX of a Party document through the shared builder, so Word and PDF carry the same text. */
import type { PartyDocument } from '../export/document';
import { buildPartyDocx } from '../export/docx';

export function partyDocx(doc: PartyDocument): Promise<Uint8Array> {
  return buildPartyDocx(doc);
}
