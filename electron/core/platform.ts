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
  /** An OS notification (desktop) or an in-app one (harness). */
  notify(title: string, body: string): void;
}
