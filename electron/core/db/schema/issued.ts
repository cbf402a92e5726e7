// Tables of the issued-document store (migration 0013_issued). Rows are immutable (triggers).

export interface IssuedDocumentsTable {
  id: string;
  doc_type: string;
  owner_type: string;
  owner_id: string;
  /** '' when the document belongs to the owner as a whole */
  owner_ref: string;
  version: number;
  number_text: string | null;
  title: string;
  reason: string;
  /** JSON snapshot of the data the files were rendered from */
  snapshot_json: string;
  issued_at: string;
  issued_by: string;
}

export interface IssuedFilesTable {
  id: string;
  issued_id: string;
  /** pdf | docx */
  format: string;
  file_name: string;
  mime_type: string;
  sha256: string;
  size: number;
  bytes: Uint8Array;
}

export interface IssuedTables {
  issued_documents: IssuedDocumentsTable;
  issued_files: IssuedFilesTable;
}
