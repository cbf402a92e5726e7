import { describe, expect, it } from 'vitest';
import { filterFolded } from '../../renderer/src/lib/search';

const UNITS = [
  { name: 'Đảng bộ xã Đắk Lắk', head: 'Nguyễn Văn Đức' },
  { name: 'Chi bộ thôn Nà Làng', head: null },
  { name: 'Mô hình "Dân vận khéo" trong xây dựng nông thôn mới', head: 'Trần Thị Ưng' },
];

describe('filterFolded', () => {
  it('matches without diacritics, case or đ, every word anywhere', () => {
    const names = (q: string) => filterFolded(UNITS, q, (u) => [u.name, u.head]).map((u) => u.name);
    expect(names('dak lak')).toEqual(['Đảng bộ xã Đắk Lắk']);
    expect(names('DÂN VẬN KHÉO')).toEqual(['Mô hình "Dân vận khéo" trong xây dựng nông thôn mới']);
    expect(names('dan van kheo ung')).toHaveLength(1);
    expect(names('duc')).toEqual(['Đảng bộ xã Đắk Lắk']);
    expect(names('na lang')).toEqual(['Chi bộ thôn Nà Làng']);
    expect(names('   ')).toHaveLength(3);
    expect(names('lak xyz')).toEqual([]);
  });
});
