import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { saveAttachment } from '../../../electron/core/attachments/service';
import { OPENABLE_EXTENSIONS } from '../../../electron/core/attachments/openable';

/**
 * Issue #18 row 5: stored attachments of a type Windows runs when "opened" are kept but never
 * handed to the OS; they are shown in their folder with a Vietnamese warning. A platform of kind
 * 'electron' that records what it was asked to do stands in for the desktop shell.
 */
interface OpenAnswer {
  opened: boolean;
  shownInFolder?: boolean;
  warning?: string | null;
}

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const DANGEROUS = ['setup.exe', 'chay.bat', 'lenh.cmd', 'a.com', 'man-hinh.scr', 'x.ps1', 'y.vbs', 'bao-cao.pdf.js', 'z.jse', 'w.wsf', 'trang.hta', 'cai.msi', 'loi-tat.lnk', 'khoa.reg', 'ung-dung.jar', 'trang.html', 'hinh.svg', 'nen.zip', 'khong-duoi'];
const SAFE = ['Báo cáo 2022.pdf', 'Biên bản.docx', 'Số liệu.xlsx', 'Trình chiếu.pptx', 'ghi-chu.txt', 'anh.JPG', 'so-do.png'];

async function setUp() {
  const a = await openTestApp();
  const opened: string[] = [];
  const shown: string[] = [];
  a.ctx.platform = {
    ...a.ctx.platform,
    kind: 'electron',
    async openPath(p) {
      opened.push(p);
    },
    showInFolder(p) {
      shown.push(p);
    },
  };
  const store = (fileName: string) =>
    a.ctx.db.transaction().execute((trx) => saveAttachment(trx, a.ctx, { ownerType: 'meeting', ownerId: 'm1', fileName, bytes: new TextEncoder().encode(`nội dung ${fileName}`) }));
  return { a, opened, shown, store };
}

describe('opening attachments (#18 row 5)', () => {
  it('executables and scripts are stored, but shown in their folder with a warning, never opened', async () => {
    const { a, opened, shown, store } = await setUp();
    app = a;
    for (const name of DANGEROUS) {
      const info = await store(name);
      expect(info.fileName).toBe(name); // kept as given
      const answer = await a.invoke('meetings.attachments.open', { id: info.id });
      expect(answer.ok, name).toBe(true);
      if (answer.ok) {
        const data = answer.data as OpenAnswer;
        expect(data.opened, name).toBe(false);
        expect(data.shownInFolder, name).toBe(true);
        expect(data.warning, name).toMatch(/không mở/);
      }
      // Still downloadable for someone who knows what it is.
      expect((await a.invoke('meetings.attachments.get', { id: info.id })).ok).toBe(true);
    }
    expect(opened).toEqual([]);
    expect(shown).toHaveLength(DANGEROUS.length);
  });

  it('documents and pictures on the explicit list open with their program', async () => {
    const { a, opened, shown, store } = await setUp();
    app = a;
    for (const name of SAFE) {
      const info = await store(name);
      const answer = await a.invoke('meetings.attachments.open', { id: info.id });
      expect(answer.ok && (answer.data as OpenAnswer).opened, name).toBe(true);
    }
    expect(opened).toHaveLength(SAFE.length);
    expect(shown).toEqual([]);
    for (const ext of ['.exe', '.bat', '.cmd', '.com', '.scr', '.ps1', '.vbs', '.js', '.jse', '.wsf', '.hta', '.msi', '.lnk', '.reg', '.jar', '.html', '.svg']) {
      expect(OPENABLE_EXTENSIONS.has(ext), ext).toBe(false);
    }
  });
});
