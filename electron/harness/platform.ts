import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from '../core/platform';
import type { EventBus } from '../core/events';
import { ChromiumPdfRenderer } from './chromium';

/**
 * The harness's platform: PDFs from headless Chromium (same HTML as Electron's printToPDF),
 * "save" writes into `<data>/exports` (the browser download happens in the renderer),
 * notifications go to the page as events.
 */
export function harnessPlatform(exportsDir: string, events: () => EventBus | null): Platform & { close(): Promise<void> } {
  const pdf = new ChromiumPdfRenderer();
  return {
    kind: 'harness',
    async saveFile(fileName, bytes) {
      fs.mkdirSync(exportsDir, { recursive: true });
      const target = path.join(exportsDir, path.basename(fileName));
      fs.writeFileSync(target, bytes);
      return { saved: true, path: target };
    },
    renderPdf: (html, options) => pdf.render(html, options),
    async openPath() {
      /* a browser page cannot open local files; the renderer offers a download instead */
    },
    notify(title, body) {
      events()?.emit('app.notify', { title, body });
    },
    close: () => pdf.close(),
  };
}
