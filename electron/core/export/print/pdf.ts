import type { Platform } from '../../platform';
import type { PartyDocument } from '../document';
import { renderPartyDocument } from './party';

/**
 * PDF bytes of a Party-format document through the platform (Electron printToPDF in the app,
 * headless Chromium in the harness and tests), with the orientation taken from the document.
 */
export function renderPartyPdf(platform: Pick<Platform, 'renderPdf'>, doc: PartyDocument): Promise<Uint8Array> {
  return platform.renderPdf(renderPartyDocument(doc), { landscape: doc.orientation === 'landscape' });
}
