import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags our closed-network machines need (docs/architecture.md, "Our build machines"). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const fromEnv = process.env.QCDC_CHROMIUM;
  if (fromEnv) return fromEnv;
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error('Không tìm thấy Chromium (cài bằng: apt-get install -y chromium, hoặc đặt QCDC_CHROMIUM).');
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/**
 * Renders print HTML to PDF the way Electron's printToPDF does in the app: A4 unless the page's
 * CSS says otherwise (`preferCSSPageSize`), backgrounds on. One browser is reused for all calls.
 */
export class ChromiumPdfRenderer {
  private browser: Promise<Browser> | null = null;

  async render(html: string, options: { landscape?: boolean } = {}): Promise<Uint8Array> {
    if (!this.browser) this.browser = launchChromium();
    const browser = await this.browser;
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      // Wait for the embedded print fonts before laying out the PDF.
      await page.evaluate('document.fonts.ready.then(() => undefined)');
      const pdf = await page.pdf({
        format: 'A4',
        landscape: options.landscape ?? false,
        printBackground: true,
        preferCSSPageSize: true,
      });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    if (!this.browser) return;
    const b = await this.browser.catch(() => null);
    this.browser = null;
    await b?.close();
  }
}
