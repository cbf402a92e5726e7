/**
 * Prints the core's print HTML through a hidden frame: window.open is blocked in the desktop app
 * and the preview frame (`PrintPreview`) is sandboxed without same-origin, so it cannot print
 * itself. The HTML is escaped and script-free; the frame's sandbox still denies scripts and only
 * allows what printing needs (modals for the print dialog, same-origin so we can call print()).
 * Resolves once the print dialog has been asked for.
 *
 *   <PrintPreview html={html} onPrint={() => printHtml(html)} … />
 */
export function printHtml(html: string): Promise<void> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0';
    frame.onload = () => {
      try {
        frame.contentWindow?.focus();
        frame.contentWindow?.print();
      } finally {
        // Chromium may still be spooling after print() returns: keep the frame for a while.
        setTimeout(() => frame.remove(), 60_000);
        resolve();
      }
    };
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
}
