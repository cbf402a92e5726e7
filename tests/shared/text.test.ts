import { describe, expect, it } from 'vitest';
import {
  compareVietnamese,
  comparePeople,
  foldText,
  matchesFolded,
  normalizeMultiline,
  normalizeText,
  personSortKey,
  splitPersonName,
  vietnameseSortKey,
} from '../../shared/text/vietnamese';
import {
  formatClock,
  formatDate,
  formatNumber,
  formatPercent,
  parseIsoDate,
  parseVietnameseDate,
  partyDateLine,
} from '../../shared/text/format';

const sortVi = (list: string[]) => [...list].sort(compareVietnamese);

describe('normalizeText', () => {
  it('turns decomposed input into NFC and tidies spaces', () => {
    const nfd = 'Dân  vận\u00a0khéo '.normalize('NFD');
    const out = normalizeText(nfd);
    expect(out).toBe('Dân vận khéo');
    expect(out).toBe(out.normalize('NFC'));
    expect(out.length).toBe('Dân vận khéo'.length);
  });

  it('keeps line breaks in multi-line text', () => {
    expect(normalizeMultiline('  Dòng 1  \r\nDòng   2\n')).toBe('Dòng 1\nDòng 2');
  });
});

describe('foldText', () => {
  it('removes case, diacritics (stacked marks too) and folds đ/Đ to d', () => {
    expect(foldText('DÂN VẬN KHÉO')).toBe('dan van kheo');
    expect(foldText('Điển hình')).toBe('dien hinh');
    expect(foldText('Đắk Lắk')).toBe('dak lak');
    expect(foldText('ậ ộ ế ữ ỡ')).toBe('a o e u o');
    expect(foldText('Đ'.normalize('NFD') + 'ỒNG'.normalize('NFD'))).toBe('dong');
  });

  it('matches queries typed without diacritics', () => {
    expect(matchesFolded('Mô hình "Dân vận khéo" xã Đồng Lạc', 'dan van kheo')).toBe(true);
    expect(matchesFolded('Mô hình "Dân vận khéo" xã Đồng Lạc', 'dong lac kheo')).toBe(true);
    expect(matchesFolded('Mô hình "Dân vận khéo"', 'dien hinh')).toBe(false);
  });
});

describe('Vietnamese sort', () => {
  it('puts Đ after D and before E (a binary sort puts Đinh after Trần)', () => {
    expect(['Trần', 'Đinh', 'Dương'].sort()).toEqual(['Dương', 'Trần', 'Đinh']);
    expect(sortVi(['Trần', 'Đinh', 'Dương', 'Em'])).toEqual(['Dương', 'Đinh', 'Em', 'Trần']);
  });

  it('orders the alphabet a ă â … o ô ơ … u ư', () => {
    expect(sortVi(['ơ', 'o', 'ô', 'ư', 'u', 'â', 'ă', 'a', 'ê', 'e'])).toEqual(['a', 'ă', 'â', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư']);
    expect(sortVi(['Ưng', 'Uông', 'Ơn', 'Ôn', 'On'])).toEqual(['On', 'Ôn', 'Ơn', 'Uông', 'Ưng']);
  });

  it('compares letters first, then tones in dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng)', () => {
    expect(sortVi(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'])).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
    // Unaccented before tones only once the letters tie: "bác" < "bai" because c < i.
    expect(sortVi(['bai', 'bác'])).toEqual(['bác', 'bai']);
  });

  it('ignores case and composition form, sorts numbers by value', () => {
    expect(vietnameseSortKey('Đồng Lạc'.normalize('NFD')).split('\u0001')[0]).toBe(vietnameseSortKey('đồng lạc').split('\u0001')[0]);
    expect(sortVi(['Tổ 10', 'Tổ 2', 'Tổ 1'])).toEqual(['Tổ 1', 'Tổ 2', 'Tổ 10']);
  });

  it('orders shorter words first', () => {
    expect(sortVi(['An Bình', 'An', 'Anh'])).toEqual(['An', 'An Bình', 'Anh']);
  });

  it('keys compare in SQLite BINARY order the same way as in JavaScript', () => {
    const names = ['Đinh', 'Dương', 'Trần', 'Ánh', 'Ấn', 'Ư', 'Ô'];
    const keys = names.map(vietnameseSortKey);
    const byBytes = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
    expect(byBytes).toEqual([...keys].sort());
  });
});

describe('fast paths agree with the rules they shortcut', () => {
  // The rules as docs/domain.md states them, written out plainly: the oracles for the table-driven code.
  const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/gu;
  const foldRule = (v: string) => v.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(SPACES, ' ').trim();
  const normalizeRule = (v: string) => v.normalize('NFC').replace(SPACES, ' ').trim();
  // Every character in three neighbourhoods: alone, between letters, before a tone mark, in spaces.
  const samples = (ch: string) => [ch, `a${ch}b`, `Ư${ch}\u0301 x`, `  ${ch}  Đ `, `${ch}${ch}`];

  it('foldText and normalizeText on every character of the Basic Multilingual Plane', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      for (const s of samples(String.fromCharCode(code))) {
        if (foldText(s) !== foldRule(s) || normalizeText(s) !== normalizeRule(s)) wrong.push(`U+${code.toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('vietnameseSortKey: the per-letter table gives what the general rule gives', () => {
    // A Greek letter after the text sends the key through the general rule: its last two weights
    // (word gap + the letter) are dropped to compare with the fast path's key of the text alone.
    const viaGeneral = (s: string) => {
      const [primary, tones] = vietnameseSortKey(`${s} α`).split('\u0001');
      return `${primary!.slice(0, -2)}|${tones!.slice(0, -2)}`;
    };
    const viaFast = (s: string) => vietnameseSortKey(s).split('\u0001').slice(0, 2).join('|');
    const wrong: string[] = [];
    for (let code = 0x21; code < 0x1f00; code++) {
      const s = `x${String.fromCharCode(code)}ế 12`;
      if (viaFast(s) !== viaGeneral(s)) wrong.push(`U+${code.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    for (const name of ['Nguyễn Thị Hằng', 'Tổ 2 thôn Nà Pài', 'Đảng bộ xã Đồng Lạc', 'Mô hình "Dân vận khéo" số 10']) {
      expect(viaFast(name)).toBe(viaGeneral(name));
    }
  });
});

describe('people', () => {
  it('splits family, middle and given names', () => {
    expect(splitPersonName('Nguyễn Thị Minh Khai')).toEqual({ family: 'Nguyễn', middle: 'Thị Minh', given: 'Khai' });
    expect(splitPersonName('Hùng')).toEqual({ family: '', middle: '', given: 'Hùng' });
  });

  it('sorts by given name, then middle names, then family name', () => {
    const people = ['Trần Văn Bình', 'Nguyễn Văn An', 'Lê Thị An', 'Đỗ Đức Đạt', 'Phạm Văn Dũng'];
    expect([...people].sort(comparePeople)).toEqual(['Lê Thị An', 'Nguyễn Văn An', 'Trần Văn Bình', 'Phạm Văn Dũng', 'Đỗ Đức Đạt']);
    expect(personSortKey('Hà Văn An') < personSortKey('Hà Văn Ánh')).toBe(true);
  });
});

describe('numbers and dates', () => {
  it('formats numbers the Vietnamese way', () => {
    expect(formatNumber(2360)).toBe('2.360');
    expect(formatNumber(1106)).toBe('1.106');
    expect(formatNumber(1_000_000)).toBe('1.000.000');
    expect(formatNumber(46.875, 1)).toBe('46,9');
    expect(formatNumber(-1234.5, 1)).toBe('-1.234,5');
    expect(formatNumber(53)).toBe('53');
    expect(formatPercent(1106, 2360)).toBe('46,9%');
    expect(formatPercent(1, 0)).toBe('–');
  });

  it('formats and parses dd/mm/yyyy', () => {
    expect(formatDate('2022-12-16')).toBe('16/12/2022');
    expect(formatDate('2023-02-05T10:00:00Z')).toBe('05/02/2023');
    expect(parseVietnameseDate('16/12/2022')).toBe('2022-12-16');
    expect(parseVietnameseDate('5/2/2023')).toBe('2023-02-05');
    expect(parseVietnameseDate('31/02/2023')).toBeNull();
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeNull();
  });

  it('writes the Party date line with leading zeros for days 1–9 and months 1–2 only', () => {
    expect(partyDateLine('Bắc Kạn', '2023-02-05')).toBe('Bắc Kạn, ngày 05 tháng 02 năm 2023');
    expect(partyDateLine('Bắc Kạn', '2022-12-16')).toBe('Bắc Kạn, ngày 16 tháng 12 năm 2022');
    expect(partyDateLine('Hà Nội', '2023-03-09')).toBe('Hà Nội, ngày 09 tháng 3 năm 2023');
    expect(partyDateLine('Hà Nội', '2023-01-10')).toBe('Hà Nội, ngày 10 tháng 01 năm 2023');
    expect(() => partyDateLine('X', '2023-13-01')).toThrow();
  });

  it('writes clock times as minutes do', () => {
    expect(formatClock('08:30')).toBe('8 giờ 30');
    expect(formatClock('11:05', true)).toBe('11 giờ 05 phút');
  });
});
