/** Helpers that read documents back with real tools (poppler-utils, unzip). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const outDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `qcdc-export-${name}-`));

/** Text of each page (pdftotext -layout), page 1 first. */
export function pdfPages(pdf: Uint8Array): string[] {
  const dir = outDir('pdf');
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}

export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean }[] {
  const dir = outDir('fonts');
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type… encoding emb sub uni id gen: "emb" is the 5th column from the end.
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });
}

/** Writes PNGs of every page (for looking at them) and returns their paths. */
export function pdfToPngs(pdf: Uint8Array, name: string, dir = path.join(os.tmpdir(), 'qcdc-export-png')): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(dir, name)]);
  return fs.readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).map((f) => path.join(dir, f));
}

/** Collapses the layout spaces pdftotext inserts so assertions read naturally. */
export const squash = (s: string) => s.replace(/[ \t]+/g, ' ');

/** One file out of a zip (docx/xlsx) with Debian's unzip. */
export function unzipEntry(bytes: Uint8Array, entry: string): string {
  const dir = outDir('zip');
  const file = path.join(dir, 'doc.zip');
  fs.writeFileSync(file, bytes);
  return execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8' });
}

export function unzipList(bytes: Uint8Array): string[] {
  const dir = outDir('zip');
  const file = path.join(dir, 'doc.zip');
  fs.writeFileSync(file, bytes);
  return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** The text of each <w:p> paragraph of a WordprocessingML part. */
export function wordParagraphs(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) =>
    (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? [])
      .map((t) => t.replace(/<[^>]+>/g, '').replace(/&(lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e))
      .join(''),
  );
}

/** One printed line: its page (1-based), top (pt from the page top), left edge and text. */
export interface PdfLine {
  page: number;
  top: number;
  left: number;
  text: string;
}

const decodeXml = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e);

/** Lines of a PDF with their positions (pdftotext -bbox-layout), top to bottom per page. */
export function pdfLines(pdf: Uint8Array): PdfLine[] {
  const dir = outDir('bbox');
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: PdfLine[] = [];
  const pages = xml.split(/<page /).slice(1);
  pages.forEach((page, i) => {
    for (const line of page.match(/<line [^>]*>[\s\S]*?<\/line>/g) ?? []) {
      const top = Number(/yMin="([\d.]+)"/.exec(line)?.[1] ?? 0);
      const left = Number(/xMin="([\d.]+)"/.exec(line)?.[1] ?? 0);
      const words = (line.match(/<word [^>]*>([^<]*)<\/word>/g) ?? []).map((w) => decodeXml(w.replace(/<[^>]+>/g, '')));
      out.push({ page: i + 1, top, left, text: words.join(' ') });
    }
  });
  // pdftotext groups by block; lines of two columns (signatures) interleave: sort by position.
  return out.sort((a, b) => a.page - b.page || a.top - b.top || a.left - b.left);
}

/** The body's last line on each page (page numbers at the top are never last). */
export function lastLinesOfPages(lines: readonly PdfLine[]): PdfLine[] {
  const byPage = new Map<number, PdfLine>();
  for (const l of lines) {
    const prev = byPage.get(l.page);
    if (!prev || l.top >= prev.top) byPage.set(l.page, l);
  }
  return [...byPage.values()];
}

/** PDF bytes of a DOCX converted by LibreOffice Writer (`soffice --headless --convert-to pdf`). */
export function docxToPdfWithLibreOffice(docx: Uint8Array, name = 'doc'): Uint8Array {
  const dir = outDir('soffice');
  const file = path.join(dir, `${name}.docx`);
  fs.writeFileSync(file, docx);
  // A private profile: several conversions (or a user's open LibreOffice) never share a lock.
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
    { stdio: 'ignore', timeout: 180_000 },
  );
  return new Uint8Array(fs.readFileSync(path.join(dir, `${name}.pdf`)));
}
