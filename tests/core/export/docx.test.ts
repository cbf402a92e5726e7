import { describe, expect, it } from 'vitest';
import { buildPartyDocx } from '../../../electron/core/export/docx';
import type { PartyDocument } from '../../../electron/core/export/document';
import { HOSTILE, sampleMinutes, sampleNotice } from './samples';
import { unzipEntry, unzipList, wordParagraphs } from './support';

describe('buildPartyDocx', () => {
  it('writes a real .docx (Packer.toBuffer works on this Node) with the Party-format text', async () => {
    const bytes = await buildPartyDocx(sampleMinutes(3));
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
    const entries = unzipList(bytes);
    expect(entries).toContain('word/document.xml');
    const xml = unzipEntry(bytes, 'word/document.xml');
    const paragraphs = wordParagraphs(xml);
    for (const line of [
      'HUYỆN ỦY CHỢ MỚI',
      'BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ VÀ PHONG TRÀO "DÂN VẬN KHÉO"',
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 05-BB/BCĐ',
      'Bắc Kạn, ngày 16 tháng 12 năm 2022',
      'BIÊN BẢN',
      'Hội nghị Ban Chỉ đạo tổng kết công tác năm 2022,',
      'triển khai nhiệm vụ năm 2023',
      'I. NỘI DUNG HỘI NGHỊ',
      'THƯ KÝ',
      'CHỦ TRÌ',
      'Triệu Thị Mận',
      'Nguyễn Văn Hùng',
    ]) {
      expect(paragraphs, line).toContain(line);
    }
    expect(paragraphs).toContain('Thời gian: Vào hồi 8 giờ 00 phút, ngày 16 tháng 12 năm 2022.');
    expect(paragraphs.some((p) => p.startsWith('- Đồng chí Đặng Văn Ước, Chủ tịch Ủy ban Mặt trận'))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('4. Các thành viên Ban Chỉ đạo theo dõi địa bàn'))).toBe(true);
    // Page: A4 portrait, margins 20/15/20/30 mm, a different first page; the kind is bold 16 pt.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toMatch(/<w:b\/>(?:<w:bCs\/>)?[\s\S]{0,200}<w:sz w:val="32"\/>[\s\S]{0,200}BIÊN BẢN/);
    // The signature row never splits; register header rows repeat.
    expect(xml).toContain('<w:cantSplit/>');
    expect(xml).toContain('<w:tblHeader/>');
    // Page number field in the default header, nothing in the first-page header.
    const headers = entries.filter((e) => /^word\/header\d+\.xml$/.test(e)).map((e) => unzipEntry(bytes, e));
    expect(headers.some((h) => /PAGE/.test(h))).toBe(true);
    expect(headers.some((h) => !/PAGE/.test(h))).toBe(true);
    expect(unzipEntry(bytes, 'word/styles.xml')).toContain('Times New Roman');
  });

  it('writes the committee signature and "Nơi nhận"', async () => {
    const paragraphs = wordParagraphs(unzipEntry(await buildPartyDocx(sampleNotice()), 'word/document.xml'));
    for (const line of ['THÔNG BÁO', 'Số 12-TB/BCĐ', 'Bắc Kạn, ngày 05 tháng 02 năm 2023', 'T/M BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'Nơi nhận:', '- Thường trực Huyện ủy (b/c),', '- Lưu VP.']) {
      expect(paragraphs, line).toContain(line);
    }
  });

  it('puts two signatures side by side and "Nơi nhận" under them when minutes are sent out', async () => {
    const doc = { ...sampleMinutes(0), recipients: ['Thường trực Huyện ủy', 'Lưu VP'] };
    const paragraphs = wordParagraphs(unzipEntry(await buildPartyDocx(doc), 'word/document.xml'));
    const at = (s: string) => paragraphs.indexOf(s);
    for (const s of ['THƯ KÝ', 'CHỦ TRÌ', 'Nơi nhận:', '- Thường trực Huyện ủy,', '- Lưu VP.']) expect(at(s), s).toBeGreaterThan(0);
    expect(at('THƯ KÝ')).toBeLessThan(at('CHỦ TRÌ'));
    expect(at('CHỦ TRÌ')).toBeLessThan(at('Nơi nhận:'));
  });

  it('keeps hostile text as text and writes landscape registers', async () => {
    const doc: PartyDocument = {
      orientation: 'landscape',
      header: { parentBody: HOSTILE, issuingBody: 'Ban Chỉ đạo', number: null, placeDate: null },
      kind: 'Sổ mô hình',
      body: [{ type: 'table', columns: [{ header: 'TT' }, { header: HOSTILE }, { header: 'Tập thể' }, { header: 'Cá nhân' }], rows: [[1, HOSTILE, 2, 3]], headerGroups: [{ title: '', span: 2 }, { title: 'Công nhận', span: 2 }] }],
    };
    const xml = unzipEntry(await buildPartyDocx(doc), 'word/document.xml');
    expect(xml).not.toContain('<script');
    expect(wordParagraphs(xml)).toContain(HOSTILE);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    // Two-level header: "Công nhận" spans two columns, TT spans both header rows.
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    expect(wordParagraphs(xml)).toEqual(expect.arrayContaining(['Công nhận', 'Tập thể', 'Cá nhân']));
  });
});
