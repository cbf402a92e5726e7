/** Word (.docx) output of Party-format documents. See ../document.ts for the model. */
export { buildPartyDocx, partyDocxDocument } from './party';
