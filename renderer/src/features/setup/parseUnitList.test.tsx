import { describe, expect, it } from 'vitest';
import { parseUnitList } from './parseUnitList';

describe('the wizard quick unit list', () => {
  it('reads units and their cơ sở from dashes or indentation, dropping numbering', () => {
    const text = ['1. Đảng bộ huyện Chợ Mới', '- Đảng bộ xã Yên Đĩnh', '\tĐảng bộ xã Thanh Mai', '', '2) Đảng bộ Công an tỉnh', '  + Chi bộ Phòng PC03'].join('\n');
    expect(parseUnitList(text)).toEqual({
      units: [
        { name: 'Đảng bộ huyện Chợ Mới', children: [{ name: 'Đảng bộ xã Yên Đĩnh' }, { name: 'Đảng bộ xã Thanh Mai' }] },
        { name: 'Đảng bộ Công an tỉnh', children: [{ name: 'Chi bộ Phòng PC03' }] },
      ],
      orphans: [],
    });
  });

  it('reports a cơ sở line with no unit above it', () => {
    expect(parseUnitList('- Đảng bộ xã Như Cố\nĐảng bộ huyện Chợ Đồn').orphans).toEqual([1]);
  });
});
