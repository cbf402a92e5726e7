import fs from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestApp, type TestApp } from '../support/context';
import { channelNames, contract, type Channel } from '../../shared/contract';

/**
 * Imports of files that are not usable spreadsheets must fail with a clear Vietnamese message and
 * write nothing. Covers every contract channel that takes file bytes for an import (found at test
 * time: models.importPreview, units/members imports…), so importers added later are covered too.
 */
function importChannels(): Channel[] {
  return channelNames.filter((name) => {
    if (!/import/i.test(name)) return false;
    const schema = contract[name].input as z.ZodType;
    try {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
      return Boolean(json.properties && 'bytes' in json.properties);
    } catch {
      return false;
    }
  });
}

async function badFiles(): Promise<Array<{ label: string; fileName: string; bytes: Uint8Array }>> {
  const docx = new JSZip();
  docx.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  docx.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>');
  const emptyZip = new JSZip();
  // An encrypted Office file is an OLE2 compound file (not a zip); the same header as an old .xls.
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  ole.set(new TextEncoder().encode('EncryptionInfo\u0000EncryptedPackage'), 512);
  return [
    { label: 'empty file', fileName: 'rong.xlsx', bytes: new Uint8Array(0) },
    { label: 'broken zip', fileName: 'hong.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(0x41)]) },
    { label: 'password-protected (OLE2 EncryptedPackage)', fileName: 'co-mat-khau.xlsx', bytes: ole },
    { label: 'a Word document', fileName: 'bien-ban.docx', bytes: await docx.generateAsync({ type: 'uint8array' }) },
    { label: 'an empty zip', fileName: 'trong.xlsx', bytes: await emptyZip.generateAsync({ type: 'uint8array' }) },
    { label: 'a PDF', fileName: 'van-ban.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF') },
    { label: 'a PNG picture', fileName: 'anh.xlsx', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) },
  ];
}

function snapshot(t: TestApp): string {
  const tables = t.ctx.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
  return JSON.stringify(
    tables.map(({ name }) => [name, (t.ctx.sqlite.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n]),
  );
}

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('imports of unusable files', () => {
  const channels = importChannels();
  it('finds the import channels of the contract', () => {
    // Whatever importers exist at the end of the session; the list is printed for the report.
    console.info('import channels under test:', channels.join(', ') || '(none)');
    expect(Array.isArray(channels)).toBe(true);
  });

  it.each(channels)('%s refuses broken, empty, password-protected and non-Excel files, writing nothing', async (channel) => {
    const json = z.toJSONSchema(contract[channel].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, unknown>;
    };
    for (const file of await badFiles()) {
      const before = snapshot(app);
      const input: Record<string, unknown> = { bytes: file.bytes };
      if (json.properties && 'fileName' in json.properties) input.fileName = file.fileName;
      const result = await app.invoke(channel, input);
      expect(result.ok, `${channel} accepted ${file.label}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code, `${channel} / ${file.label}: ${result.error.message}`).not.toBe('INTERNAL');
        // A clear message in Vietnamese (it has Vietnamese letters), not an English parser error.
        expect(result.error.message, `${channel} / ${file.label}`).toMatch(/[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i);
        expect(result.error.message).not.toMatch(/Error:|undefined|zip|ENOENT/i);
      }
      expect(snapshot(app), `${channel} wrote rows for ${file.label}`).toBe(before);
    }
    expect(fs.existsSync(app.ctx.layout.databaseFile)).toBe(true);
  });
});
