/**
 * What the core asks of the platform it runs on. Electron implements it with dialogs,
 * printToPDF and the shell; the harness and tests with headless Chromium and plain files.
 */
export interface PdfOptions {
  landscape?: boolean;
}

export interface Platform {
  kind: 'electron' | 'harness' | 'test';
  /** Saves bytes where the user chooses (Electron: OS dialog; harness: `<data>/exports`). */
  saveFile(fileName: string, bytes: Uint8Array): Promise<{ saved: boolean; path: string | null }>;
  /** Renders print HTML (A4, CSS @page) to PDF bytes. */
  renderPdf(html: string, options?: PdfOptions): Promise<Uint8Array>;
  /** Opens a file with the OS default program, when the platform can. */
  openPath(filePath: string): Promise<void>;
  /**
   * Shows a file selected in its folder (Explorer) without opening it: for stored files of a type
   * the OS would run (see attachments/openable.ts). Absent where there is no file manager.
   */
  showInFolder?(filePath: string): Promise<void> | void;
  /** An OS notification (desktop) or an in-app one (harness). */
  notify(title: string, body: string): void;
  /**
   * Data safety: lets the user pick a folder (a USB stick for a backup copy, a new data folder).
   * Electron: a directory dialog; absent where no dialog exists (the harness) — callers then
   * answer UNAVAILABLE. Resolves null when the user cancels.
   */
  chooseDirectory?(title: string): Promise<string | null>;
  /** Where the desktop app reads `data-location.json` at start (Electron: `<userData>/data-location.json`). */
  dataLocationFile?: string;
}
